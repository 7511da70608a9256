// A three-way merge of JSON files (the "json" policy: package.json, study-project.json), key by key: base is what
// the old version generated, ours the learner's file, theirs the new version's. git merges lines, and two changes
// on neighbouring lines of a dependency list conflict although they have nothing to do with each other; keys
// don't. The rule for each key:
//   only one side changed it (added, changed or removed) → that side's change;
//   both changed it the same way → that;
//   both are objects → the same rule inside;
//   both changed it differently → the learner's stays, and the key is listed (never silently one or the other).
import { isObject } from '../kit.js';

export interface JsonMerge {
  /** The merged file, formatted as the learner's is (indentation, final newline). */
  text: string;
  /** Keys both sides changed differently, where the learner's was kept: `scripts.test: …`. */
  disagreements: string[];
}

type Json = unknown;

/** Throws SyntaxError when one of the three is not JSON (then the file is merged as text). */
export function mergeJson(base: string | undefined, ours: string, theirs: string): JsonMerge {
  const disagreements: string[] = [];
  const merged = mergeValue(
    base === undefined ? undefined : parse(base),
    parse(ours),
    parse(theirs),
    [],
    disagreements,
  );
  return { text: format(merged, ours), disagreements };
}

function mergeValue(base: Json, ours: Json, theirs: Json, at: string[], disagreements: string[]): Json {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs)) {
    return mergeObject(isObject(base) ? base : {}, ours, theirs, at, disagreements);
  }
  disagreements.push(describe(at, base, ours, theirs));
  return ours;
}

/** The learner's keys in the learner's order; keys only the new version has are added (in order where ours is sorted). */
function mergeObject(
  base: Record<string, Json>,
  ours: Record<string, Json>,
  theirs: Record<string, Json>,
  at: string[],
  disagreements: string[],
): Record<string, Json> {
  const result: Record<string, Json> = {};
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !Object.hasOwn(ours, key))];
  for (const key of keys) {
    const value = mergeValue(
      Object.hasOwn(base, key) ? base[key] : undefined,
      Object.hasOwn(ours, key) ? ours[key] : undefined,
      Object.hasOwn(theirs, key) ? theirs[key] : undefined,
      [...at, key],
      disagreements,
    );
    if (value !== undefined) Object.defineProperty(result, key, { value, enumerable: true, writable: true });
  }
  // A dependency list (npm keeps it sorted) stays sorted when the new version adds to it.
  const oursKeys = Object.keys(ours);
  const sorted =
    oursKeys.length > 1 && oursKeys.every((key, index) => index === 0 || oursKeys[index - 1]! < key);
  if (!sorted) return result;
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function describe(at: string[], base: Json, ours: Json, theirs: Json): string {
  const where = at.length > 0 ? at.join('.') : '(the whole file)';
  const show = (value: Json) => (value === undefined ? 'removed' : JSON.stringify(value));
  if (ours === undefined)
    return `${where}: you removed it, the new version has ${show(theirs)}; it stays removed`;
  if (theirs === undefined)
    return `${where}: the new version removes it, you changed it to ${show(ours)}; yours stays`;
  const was = base === undefined ? 'both added it' : `was ${show(base)}`;
  return `${where}: ${was}, yours is ${show(ours)}, the new version's ${show(theirs)}; yours stays`;
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function parse(text: string): Json {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as Json;
}

/** As the learner's file is written: its indentation (two spaces, four, a tab) and its final newline. */
function format(value: Json, like: string): string {
  const indent = /^[{[]\r?\n([ \t]+)/.exec(like.replace(/^\uFEFF/, ''))?.[1] ?? '  ';
  const newline = like.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(value, null, indent).replaceAll('\n', newline);
  return /\r?\n$/.test(like) ? `${text}${newline}` : text;
}
