/**
 * Typed access to classification-cases.json: every case with the defaults filled in and its times
 * as milliseconds. The JSON stays the one source (the simulator's plain .mjs tests read it too).
 */
import table from './classification-cases.json';

export interface QueueSettingsOverride {
  softwareAssignees?: string[];
  triageNextAction?: string;
  staleDays?: number;
}

export interface ClassificationCase {
  name: string;
  assignees: string[];
  nextAction: string;
  /** The last update's instant (ms). */
  updated: number;
  /** The NAD's instant (ms), or null for no NAD. */
  nad: number | null;
  now: number;
  zone: string;
  /** The default settings with the case's overrides applied. */
  settings: Required<QueueSettingsOverride>;
  /** Only the case's own overrides. */
  overrides: QueueSettingsOverride;
  expected: { software: boolean; untriaged: boolean; stale: boolean; overdue: boolean };
}

interface RawCase {
  name: string;
  assignees?: string[];
  nextAction?: string;
  updated?: string;
  nad?: string | null;
  now?: string;
  zone?: string;
  settings?: QueueSettingsOverride;
  expected: ClassificationCase['expected'];
}

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`classification-cases.json: bad time ${iso}`);
  return t;
};

export const TABLE_DEFAULTS = table.defaults;

export const CLASSIFICATION_CASES: ClassificationCase[] = (table.cases as RawCase[]).map((c) => {
  const d = table.defaults;
  const nad = c.nad === undefined ? d.nad : c.nad;
  return {
    name: c.name,
    assignees: c.assignees ?? d.assignees,
    nextAction: c.nextAction ?? d.nextAction,
    updated: ms(c.updated ?? d.updated),
    nad: nad === null ? null : ms(nad),
    now: ms(c.now ?? d.now),
    zone: c.zone ?? d.zone,
    settings: { ...d.settings, ...c.settings },
    overrides: { ...c.settings },
    expected: c.expected,
  };
});
