/**
 * What Apply does to the page, and how Undo takes it back: a journal of every change the panel made.
 * Only the page's own fields change, the way the page's own controls change them (docs/goc-pages.md
 * §6.2, §7.1, §8): an owner's box ticked or fblist row added (features/shared/assignees.ts),
 * `next_action` and `nad` set with `input` and `change` events, a note inserted into the New Update
 * box like typing. Nothing is ever unticked (the Software pseudo-users stay assigned) and nothing is
 * submitted: the page's own Update button saves.
 */
import { containsSignature, planSignatureInsertion } from '../../utils/signature';
import { assignPerson, type AssignState, type PersonRef } from '../shared/assignees';
import { findUpdateBox, insertIntoBox } from '../shared/update-box';

export interface ApplyRequest {
  owners: PersonRef[];
  /** null: leave the page's field alone. */
  nextAction: string | null;
  nad: string | null;
  /** The note to insert (signature included), or null. */
  note: string | null;
}

export interface OwnerOutcome {
  name: string;
  state: AssignState;
  team: string;
}

export type NoteOutcome = 'inserted' | 'replaced' | 'already' | 'no-box' | 'none';

export interface ApplyOutcome {
  owners: OwnerOutcome[];
  nextAction: boolean;
  nad: boolean;
  note: NoteOutcome;
}

function fire(el: HTMLElement, type: 'input' | 'change'): void {
  el.dispatchEvent(new Event(type, { bubbles: true }));
}

/** Sets a page field and tells the page, like a user edit; nothing happens when the value is the same. */
function setField(input: HTMLInputElement, value: string): boolean {
  if (input.value === value) return false;
  input.value = value;
  fire(input, 'input');
  fire(input, 'change');
  return true;
}

export class TriageJournal {
  /** Each field's value before the panel first changed it. */
  private readonly fields = new Map<HTMLInputElement, string>();
  private readonly undos: (() => void)[] = [];
  /** The exact text we inserted into the New Update box (with its line breaks). */
  private note: { box: HTMLTextAreaElement; text: string } | null = null;

  constructor(private readonly doc: Document) {}

  get changed(): boolean {
    return this.fields.size > 0 || this.undos.length > 0 || this.note !== null;
  }

  apply(req: ApplyRequest, fields: { nextAction: HTMLInputElement | null; nad: HTMLInputElement | null }): ApplyOutcome {
    const owners = req.owners.map((person) => {
      const r = assignPerson(this.doc, person);
      if (r.state === 'ticked' || r.state === 'added') this.undos.push(() => r.undo());
      return { name: person.name, state: r.state, team: r.team };
    });
    const nextAction = req.nextAction !== null && fields.nextAction ? this.set(fields.nextAction, req.nextAction) : false;
    const nad = req.nad !== null && fields.nad ? this.set(fields.nad, req.nad) : false;
    return { owners, nextAction, nad, note: req.note === null ? 'none' : this.insertNote(req.note) };
  }

  private set(input: HTMLInputElement, value: string): boolean {
    const before = input.value;
    if (before === value) return false;
    if (!this.fields.has(input)) this.fields.set(input, before);
    return setField(input, value);
  }

  /** One note at most: a second Apply replaces ours (if the box still holds it) instead of adding another. */
  private insertNote(note: string): NoteOutcome {
    const box = findUpdateBox(this.doc, { writableOnly: true });
    if (!box) return 'no-box';
    const ours = this.note && this.note.box === box ? this.note : null;
    const at = ours ? box.value.lastIndexOf(ours.text) : -1;
    if (ours && at >= 0) {
      const lead = /^\n*/.exec(ours.text)![0];
      const trail = /\n*$/.exec(ours.text)![0];
      const text = lead + note + trail;
      if (text === ours.text) return 'already';
      insertIntoBox(box, at, at + ours.text.length, text);
      this.note = { box, text };
      return 'replaced';
    }
    // The same note already typed or pasted (spacing aside): never twice.
    if (containsSignature(box.value, note)) return 'already';
    const plan = planSignatureInsertion(box.value, note, null);
    insertIntoBox(box, plan.start, plan.end, plan.text);
    this.note = { box, text: plan.text };
    return 'inserted';
  }

  /** Restores every field we changed to its exact earlier value; removes our note if the box still holds it. */
  undo(): { fields: number; owners: number; note: boolean } {
    let owners = 0;
    for (const undo of this.undos.splice(0).reverse()) {
      undo();
      owners++;
    }
    let fields = 0;
    for (const [input, value] of this.fields) if (setField(input, value)) fields++;
    this.fields.clear();
    let note = false;
    if (this.note) {
      const { box, text } = this.note;
      const at = box.value.lastIndexOf(text);
      if (at >= 0 && box.isConnected) {
        insertIntoBox(box, at, at + text.length, '', false);
        note = true;
      }
      this.note = null;
    }
    return { fields, owners, note };
  }
}
