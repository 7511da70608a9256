/**
 * A URL path segment from a title: lower case, letters and digits of any script, words joined by "-".
 * "Hello, World!" → "hello-world"; "你好 世界" → "你好-世界"; "Crème brûlée" → "creme-brulee".
 */
export function slugify(text: string, maxLength = 100): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '') // accents, once separated from their letters by NFKD
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'post';
}
