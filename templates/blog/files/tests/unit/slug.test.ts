import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['  Many   spaces  ', 'many-spaces'],
    ['Crème brûlée', 'creme-brulee'],
    ['你好 世界', '你好-世界'],
    ['C++ & TypeScript 6', 'c-typescript-6'],
    ['!!!', 'post'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('stays short and does not end in a dash', () => {
    const slug = slugify(`${'word '.repeat(40)}end`, 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect(slug.endsWith('-')).toBe(false);
  });
});
