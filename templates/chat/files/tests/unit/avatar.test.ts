import { describe, expect, it } from 'vitest';
import { avatarHash, avatarUrl, identiconSvg } from '../../src/core/avatar.js';

describe('avatars', () => {
  it("hashes an e-mail the way Gravatar does (its documentation's example)", () => {
    expect(avatarHash(' MyEmailAddress@example.com ')).toBe('0bc83cb571cd1c50ba6f3e8a78ef1346');
    expect(avatarUrl('0bc83cb571cd1c50ba6f3e8a78ef1346')).toBe('/avatars/0bc83cb571cd1c50ba6f3e8a78ef1346.svg');
  });

  it('draws the same identicon for the same hash, another for another, mirrored left to right', () => {
    const ada = identiconSvg(avatarHash('ada@example.com'));
    expect(identiconSvg(avatarHash('ada@example.com'))).toBe(ada);
    expect(identiconSvg(avatarHash('bob@example.com'))).not.toBe(ada);
    const cells = [...ada.matchAll(/<rect x="(\d)" y="(\d)" width="1"/g)].map(([, x, y]) => `${x},${y}`);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const [x, y] = cell.split(',').map(Number);
      expect(cells).toContain(`${4 - (x ?? 0)},${y}`);
    }
  });
});
