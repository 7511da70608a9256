import { describe, expect, it } from 'vitest';
import { searchText, toTsQuery, words } from '../../src/core/search-text.js';

describe('segmenting text for full-text search', () => {
  it('splits Chinese into words, and indexes each Han character too', () => {
    const indexed = words('我的猫在睡觉');
    expect(indexed).toContain('猫');
    expect(indexed).toContain('睡觉');
    expect(indexed).toContain('睡');
  });

  it('lower-cases Latin words and drops punctuation', () => {
    expect(words('Sunset, over the SEA!')).toEqual(['sunset', 'over', 'the', 'sea']);
    expect(searchText('cat', 'Cat', 'dog')).toBe('cat dog');
  });

  it('makes a prefix AND query in which operators are plain text', () => {
    expect(toTsQuery('sun city')).toBe("'sun':* & 'city':*");
    expect(toTsQuery("o'brien")).toContain("'o''brien':*");
    expect(toTsQuery('a & b | !c')).toBe("'a':* & 'b':* & 'c':*");
    expect(toTsQuery('  ,,, !!! ')).toBeUndefined();
    expect(toTsQuery('睡觉')).toBe("'睡觉':* & '睡':* & '觉':*");
  });
});
