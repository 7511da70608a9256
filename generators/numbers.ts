// The rules of a number option (an integer unless the manifest says otherwise, in range), without zod: `--option`
// values are checked with them on every create.
export type NumberRule = { min?: number | undefined; max?: number | undefined; integer: boolean };

/** "an integer ≥ 1 ≤ 100" */
export function describeNumber(spec: NumberRule): string {
  const min = spec.min !== undefined ? ` ≥ ${spec.min}` : '';
  const max = spec.max !== undefined ? ` ≤ ${spec.max}` : '';
  return `${spec.integer ? 'an integer' : 'a number'}${min}${max}`;
}

/** What is wrong with `value` for this spec (not a finite number, not a safe integer, out of range), if anything. */
export function numberProblem(value: number, spec: NumberRule): string | undefined {
  if (!Number.isFinite(value)) return 'a number';
  if (spec.integer && !Number.isSafeInteger(value)) return 'an integer';
  if (spec.min !== undefined && value < spec.min) return `≥ ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `≤ ${spec.max}`;
  return undefined;
}
