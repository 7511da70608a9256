import { describe, expect, it } from 'vitest';
import { presenceOf } from '../../src/services/presence.js';

const user = (id: number, nickname: string) => ({ id, nickname, avatarHash: `hash${id}`, isAdmin: id === 1 });

describe('presenceOf', () => {
  it('counts people, not sockets, and anonymous sockets not at all; sorted by nickname', () => {
    const presence = presenceOf([user(2, 'bob'), undefined, user(1, 'Ada'), user(2, 'bob'), user(3, 'Cy')], 123);
    expect(presence).toEqual({
      count: 3,
      at: 123,
      users: [
        { id: 1, nickname: 'Ada', avatarHash: 'hash1' },
        { id: 2, nickname: 'bob', avatarHash: 'hash2' },
        { id: 3, nickname: 'Cy', avatarHash: 'hash3' },
      ],
    });
  });

  it('nobody online is zero', () => {
    expect(presenceOf([undefined]).count).toBe(0);
  });
});
