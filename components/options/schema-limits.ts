/**
 * Reads a field's limits from its zod schema, so inputs show the same bounds the validator applies
 * (maxLength of a text box, min/max of a number box, "at most N" of a list) without repeating numbers.
 */
import type * as z from 'zod/mini';

export interface FieldLimits {
  /** Strings: characters; arrays: items. */
  maxLength?: number;
  minLength?: number;
  /** Numbers. */
  min?: number;
  max?: number;
}

interface CheckDef {
  check?: string;
  maximum?: number;
  minimum?: number;
  value?: number;
}

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

export function limitsOf(schema: z.ZodMiniType): FieldLimits {
  const limits: FieldLimits = {};
  const checks = ((core(schema)._zod.def as { checks?: { _zod: { def: CheckDef } }[] }).checks ?? []).map((c) => c._zod.def);
  for (const c of checks) {
    if (c.check === 'max_length' && c.maximum !== undefined) limits.maxLength = c.maximum;
    else if (c.check === 'min_length' && c.minimum !== undefined) limits.minLength = c.minimum;
    else if (c.check === 'less_than' && c.value !== undefined) limits.max = c.value;
    else if (c.check === 'greater_than' && c.value !== undefined) limits.min = c.value;
  }
  return limits;
}

/** `min`/`max` attributes of a number input. */
export function numberBounds(schema: z.ZodMiniType): { min?: number; max?: number } {
  const { min, max } = limitsOf(schema);
  return { min, max };
}
