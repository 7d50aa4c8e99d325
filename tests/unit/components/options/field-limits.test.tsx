// @vitest-environment happy-dom
/**
 * The options inputs' bounds (components/options/field-limits.ts) are the settings schema's own:
 * each one is read out of the schema here, so a limit changed in one place and not the other fails.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import type * as z from 'zod/mini';
import { OptionsApp } from '../../../../components/options/App';
import { FIELD_LIMITS, type FieldLimits } from '../../../../components/options/field-limits';
import { settingsSchema } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

/** The schema under defaults, optionals and pipes (the part that holds the checks). */
function core(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (let depth = 0; depth < 8; depth++) {
    const def = current._zod.def as { type: string; innerType?: z.ZodMiniType; in?: z.ZodMiniType };
    if (def.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The field's schema at a settings path such as `queue.staleDays`. */
function schemaAt(path: string): z.ZodMiniType {
  let schema: z.ZodMiniType = settingsSchema;
  for (const key of path.split('.')) {
    const shape = (core(schema)._zod.def as { shape?: Record<string, z.ZodMiniType> }).shape;
    if (!shape?.[key]) throw new Error(`no field ${path} in the settings schema`);
    schema = shape[key];
  }
  return schema;
}

/** The bounds the schema's checks set on a field. */
function limitsOf(schema: z.ZodMiniType): FieldLimits {
  const limits: { -readonly [K in keyof FieldLimits]: FieldLimits[K] } = {};
  const checks = (core(schema)._zod.def as { checks?: { _zod: { def: { check?: string; maximum?: number; minimum?: number; value?: number } } }[] }).checks ?? [];
  for (const { _zod } of checks) {
    const c = _zod.def;
    if (c.check === 'max_length' && c.maximum !== undefined) limits.maxLength = c.maximum;
    else if (c.check === 'min_length' && c.minimum !== undefined) limits.minLength = c.minimum;
    else if (c.check === 'less_than' && c.value !== undefined) limits.max = c.value;
    else if (c.check === 'greater_than' && c.value !== undefined) limits.min = c.value;
  }
  return limits;
}

// The page's second script (store, validator, weekly report) comes with import(): loaded up front, so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('the options inputs’ bounds', () => {
  it.each(Object.entries(FIELD_LIMITS))('%s: the same as the schema’s', (path, limits) => {
    expect(limitsOf(schemaAt(path))).toEqual(limits);
  });

  it('a limit changed in the schema alone would be caught (the reader sees the checks)', () => {
    expect(limitsOf(schemaAt('identity.name'))).not.toEqual({});
    expect(() => schemaAt('identity.nickname')).toThrow(/no field identity\.nickname/);
  });

  it('are on the page’s inputs', async () => {
    render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('#gta-queue-history')).toBeTruthy());
    const history = document.querySelector<HTMLInputElement>('#gta-queue-history')!;
    expect([history.min, history.max]).toEqual(['1', '3650']);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).maxLength).toBe(200);
    expect((screen.getByLabelText('Footprints id') as HTMLInputElement).maxLength).toBe(100);
    expect(document.querySelector<HTMLInputElement>('#gta-rotation-hours')?.max).toBe('168');
  });
});
