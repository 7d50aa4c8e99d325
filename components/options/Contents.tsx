/**
 * The options page's table of contents, read from the rendered sections, so a section that renders
 * nothing (yet) never leaves a dead link. A component of its own: when the sections change, only
 * the contents render again, not every section with them.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

interface TocEntry {
  id: string;
  title: string;
}

function readToc(root: HTMLElement): TocEntry[] {
  return Array.from(root.querySelectorAll<HTMLElement>(':scope > section[id]')).map((section) => ({
    id: section.id,
    title: (section.querySelector('h2')?.textContent ?? section.id).trim(),
  }));
}

/** `sections`: the element whose `<section id>` children are listed (rendered in the same pass). */
export function Contents({ sections }: { sections: RefObject<HTMLElement | null> }) {
  const [toc, setToc] = useState<TocEntry[]>([]);

  // Keep the contents in step with the sections actually on the page.
  useLayoutEffect(() => {
    const root = sections.current;
    if (!root) return;
    const refresh = () =>
      setToc((old) => {
        const next = readToc(root);
        return JSON.stringify(old) === JSON.stringify(next) ? old : next;
      });
    refresh();
    const observer = new MutationObserver(refresh);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [sections]);

  return (
    <nav class="gta-toc" aria-label="Sections" data-gta="options-toc">
      <p class="gta-toc-title">GOC Ticket Assistant</p>
      <ul>
        {toc.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
