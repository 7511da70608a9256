import type { z } from 'zod';

/** Field → first error, for showing each error next to its field. */
export type FormErrors<T> = Partial<Record<keyof T, string>>;

export function formErrors<T>(error: z.ZodError<T>): FormErrors<T> {
  const errors: FormErrors<T> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof T | undefined;
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** The text fields of a submitted form, to show again as typed; anything that is not a string is dropped. */
export function formValues<K extends string>(body: unknown, fields: readonly K[]): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}
