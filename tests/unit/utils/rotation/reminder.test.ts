import { buildRotation, nextReminderAt, reminderDay, reminderDue, reminderText } from '../../../../utils/rotation';

const weeks = [
  { week: '2026-03-02', person: 'Alain Roy' },
  { week: '2026-03-09', person: 'Alain Roy' }, // DST starts Sunday 8 March in Chicago
  { week: '2026-03-16', person: 'Mat Selmeci' },
  { week: '2026-05-25', person: 'Alain Roy' }, // Memorial Day Monday
];
const base = {
  rotation: buildRotation({ weeks, holidays: ['2026-05-25'] }),
  timeZone: 'America/Chicago',
  workStart: '09:00',
  identity: { name: 'Alain Roy' },
  team: [],
  lastRemindedWeek: null,
};
const at = (iso: string) => Date.parse(iso);

describe('Monday duty reminder', () => {
  it('is due on Monday at work start in the team zone', () => {
    expect(reminderDue(at('2026-03-02T14:59:00Z'), base)).toEqual({ due: false, reason: 'too-early' });
    expect(reminderDue(at('2026-03-02T15:00:00Z'), base)).toEqual({ due: true, week: '2026-03-02', person: 'Alain Roy' });
  });

  it('still fires later that Monday if the browser started late, but only once per week', () => {
    expect(reminderDue(at('2026-03-02T21:30:00Z'), base)).toMatchObject({ due: true });
    expect(reminderDue(at('2026-03-02T21:30:00Z'), { ...base, lastRemindedWeek: '2026-03-02' })).toEqual({
      due: false,
      reason: 'already-sent',
    });
  });

  it('is not due on Tuesday for a missed Monday, nor on weekends', () => {
    expect(reminderDue(at('2026-03-03T15:00:00Z'), base)).toEqual({ due: false, reason: 'not-reminder-day' });
    expect(reminderDue(at('2026-03-07T15:00:00Z'), base)).toEqual({ due: false, reason: 'weekend' });
  });

  it('follows DST: 09:00 CDT is 14:00 UTC after the change', () => {
    expect(reminderDue(at('2026-03-09T14:00:00Z'), base)).toMatchObject({ due: true, week: '2026-03-09' });
  });

  it('never on a holiday; moves to the first working day of the week', () => {
    expect(reminderDue(at('2026-05-25T15:00:00Z'), base)).toEqual({ due: false, reason: 'holiday' });
    expect(reminderDue(at('2026-05-26T15:00:00Z'), base)).toMatchObject({ due: true, week: '2026-05-25' });
    expect(reminderDay('2026-05-25', new Set(['2026-05-25']))).toBe('2026-05-26');
  });

  it('only for the person on duty', () => {
    expect(reminderDue(at('2026-03-16T15:00:00Z'), base)).toEqual({ due: false, reason: 'not-me' });
    expect(reminderDue(at('2026-03-23T15:00:00Z'), base)).toEqual({ due: false, reason: 'nobody' });
  });

  it('schedules the next alarm at the next reminder day start', () => {
    const hol = new Set(['2026-05-25']);
    expect(new Date(nextReminderAt(at('2026-03-04T12:00:00Z'), 'America/Chicago', '09:00', hol)!).toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    expect(new Date(nextReminderAt(at('2026-03-02T14:00:00Z'), 'America/Chicago', '09:00', hol)!).toISOString()).toBe(
      '2026-03-02T15:00:00.000Z',
    );
    expect(new Date(nextReminderAt(at('2026-05-20T12:00:00Z'), 'America/Chicago', '08:30', hol)!).toISOString()).toBe(
      '2026-05-26T13:30:00.000Z',
    );
  });

  it('words the notification with the untriaged count when known', () => {
    expect(reminderText(undefined).title).toBe('You are on triage duty this week');
    expect(reminderText(null).message).not.toMatch(/untriaged/);
    expect(reminderText(2).message).toMatch(/2 untriaged tickets/);
    expect(reminderText(1).message).toMatch(/1 untriaged ticket in/);
    expect(reminderText(0).message).toMatch(/No untriaged tickets/);
  });
});
