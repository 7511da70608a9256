/**
 * Translating the API's messages after the fact, as gettext does: the English text is the key (Flask-Babel's
 * `_('…')` msgid), a catalogue maps it to the translation, and `{name}` marks a part that varies ("There is no
 * item {id}."). Services and layers keep writing plain English; only the edge of the app (src/core/i18n.ts)
 * knows the reader's language.
 */
export type Catalogue = Record<string, string>;

/** The names of the `{placeholders}` of a message, in order. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function that translates one English message with `catalogue`, or returns it unchanged when it has no entry. */
export function translator(catalogue: Catalogue): (message: string) => string {
  const exact = new Map<string, string>();
  const patterns: { pattern: RegExp; names: string[]; translation: string }[] = [];
  for (const [english, translation] of Object.entries(catalogue)) {
    const names = placeholders(english);
    if (names.length === 0) {
      exact.set(english, translation);
      continue;
    }
    const source = english
      .split(/\{\w+\}/)
      .map(escape)
      .join('(.+?)');
    patterns.push({ pattern: new RegExp(`^${source}$`, 's'), names, translation });
  }
  return (message) => {
    const known = exact.get(message);
    if (known !== undefined) return known;
    for (const { pattern, names, translation } of patterns) {
      const match = pattern.exec(message);
      if (!match) continue;
      return translation.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const at = names.indexOf(name);
        return at < 0 ? whole : (match[at + 1] ?? '');
      });
    }
    return message;
  };
}
