/*
 * Full-text search with Chinese in it. PostgreSQL's parser splits text at spaces and punctuation, which Chinese
 * does not have: to_tsvector('simple', '我的猫在睡觉') is a single "word", and a search for 猫 finds nothing. So the
 * app segments the text itself with Intl.Segmenter (ICU's dictionary-based word breaker, built into Node) and
 * hands PostgreSQL words separated by spaces, at index time and at query time alike. Latin text goes through the
 * same segmenter and comes out as its words. The 'simple' configuration then lower-cases and keeps every word
 * (no stemming, no stop words, which would be wrong for Chinese).
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Han characters: each of a multi-character Chinese word is also indexed alone, so 猫 finds 小猫. */
const han = /\p{Script=Han}/u;

/** The words of a text, lower-cased: what is indexed, and what a query is made of. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC'))) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase();
    out.push(word);
    if (word.length > 1 && han.test(word)) for (const char of word) if (han.test(char)) out.push(char);
  }
  return out;
}

/** The text stored in a search_text column: its words separated by spaces (PostgreSQL indexes the rest). */
export function searchText(...parts: string[]): string {
  return [...new Set(parts.flatMap(words))].join(' ');
}

/**
 * A tsquery from what someone typed: every word must match (AND), each as a prefix (so "sun" finds "sunset").
 * Words are quoted as tsquery lexemes, so the operators & | ! ( ) : * in the input are plain text, not syntax.
 * Undefined when nothing searchable is left.
 */
export function toTsQuery(input: string): string | undefined {
  const terms = [...new Set(words(input))].slice(0, 16);
  if (terms.length === 0) return undefined;
  return terms.map((term) => `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ');
}
