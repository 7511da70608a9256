import { describe, expect, it } from 'vitest';
import { id, idParams, maxId } from '../../src/schemas/ids.js';

describe('the id schema', () => {
  it('reads the ids an integer column can hold', () => {
    expect(idParams.parse({ id: '1' })).toEqual({ id: 1 });
    expect(idParams.parse({ id: String(maxId) })).toEqual({ id: 2_147_483_647 });
    expect(id.parse(42)).toBe(42);
  });

  it.each([
    ['2^31, one past the integer column', '2147483648'],
    ['2^53', '9007199254740992'],
    ['a number too long for a double', '99999999999999999999999999'],
    ['exponent notation', '1e3'],
    ['hexadecimal', '0x10'],
    ['a fraction', '12.5'],
    ['a trailing .0', '12.0'],
    ['leading zeros', '007'],
    ['a space', ' 12'],
    ['zero', '0'],
    ['a negative number', '-1'],
    ['a word', 'abc'],
    ['nothing', ''],
  ])('refuses %s (%j) with one clear message', (_what, text) => {
    const result = idParams.safeParse({ id: text });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['id'], message: 'An id is a whole number from 1 to 2147483647.' }),
    ]);
  });

  it('refuses numbers outside the column as numbers too', () => {
    expect(id.safeParse(maxId + 1).success).toBe(false);
    expect(id.safeParse(0).success).toBe(false);
    expect(id.safeParse(1.5).success).toBe(false);
  });
});
