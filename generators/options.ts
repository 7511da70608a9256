// Template options: `--option key=value` flags and a preset's `options`, checked against the template's manifest.
import { UsageError } from './errors.js';
import { describeNumber, numberProblem, type OptionValue, type Template } from './kit.js';

/** `--option pageSize=20 --option theme=dark` → `{ pageSize: "20", theme: "dark" }` (typed later). */
export function parseOptionFlags(values: string[]): Record<string, string> {
  const given = new Map<string, string[]>();
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--option expects key=value, got "${value}"`);
    const name = value.slice(0, eq);
    given.set(name, [...(given.get(name) ?? []), value.slice(eq + 1)]);
  }
  for (const [name, repeated] of given) {
    if (repeated.length > 1) {
      const shown = repeated.map((item) => JSON.stringify(item)).join(', ');
      throw new UsageError(`--option ${name} was given ${repeated.length} times (${shown}): give it once`);
    }
  }
  // Object.fromEntries defines own properties: a name such as "__proto__" stays a name, not a prototype.
  return Object.fromEntries([...given].map(([name, [value]]) => [name, value as string]));
}

/** Decimal digits only: `Number()` would also take "0x10", "1e3", " 5" and "Infinity". */
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function toNumber(raw: unknown, integer: boolean): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || !(integer ? INTEGER : DECIMAL).test(raw)) return NaN;
  return Number(raw);
}

/** Apply the manifest's defaults and check every given option against it (type, range, known name). */
export function resolveOptions(
  template: Template,
  given: Record<string, unknown>,
): Record<string, OptionValue> {
  const specs = template.options;
  const options: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = spec.default;
  for (const [name, raw] of Object.entries(given)) {
    // Own keys only: "constructor" or "toString" are no options, whatever Object.prototype holds.
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = Object.entries(specs).map(
        ([key, s]) => `${key} (${s.type}, default ${String(s.default)})`,
      );
      throw new UsageError(
        `Template ${template.name} has no option "${name}". ` +
          (known.length ? `Its options: ${known.join(', ')}` : 'It has no options.'),
      );
    }
    const bad = (expected: string): UsageError =>
      new UsageError(`Option ${name}=${String(raw)} is invalid: expected ${expected}`);
    if (spec.type === 'number') {
      const value = toNumber(raw, spec.integer);
      const problem = numberProblem(value, spec);
      if (problem !== undefined) throw bad(describeNumber(spec));
      options[name] = value;
    } else if (spec.type === 'boolean') {
      if (raw === true || raw === 'true') options[name] = true;
      else if (raw === false || raw === 'false') options[name] = false;
      else throw bad('true or false');
    } else {
      if (typeof raw !== 'string') throw bad('a string');
      if (spec.choices && !spec.choices.includes(raw)) throw bad(`one of ${spec.choices.join(', ')}`);
      options[name] = raw;
    }
  }
  return options;
}
