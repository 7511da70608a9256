import type { PublicUser } from './account-service.js';

/** Who is online, as the room's header shows it. `at` orders updates that cross on their way (several processes). */
export interface Presence {
  count: number;
  users: Pick<PublicUser, 'id' | 'nickname' | 'avatarHash'>[];
  at: number;
}

/**
 * The people behind a list of sockets: a user with three tabs open is one person online, and anonymous sockets
 * are nobody (CatChat counted users, not connections).
 */
export function presenceOf(users: (PublicUser | undefined)[], at = Date.now()): Presence {
  const byId = new Map<number, Presence['users'][number]>();
  for (const user of users) {
    if (user && !byId.has(user.id))
      byId.set(user.id, { id: user.id, nickname: user.nickname, avatarHash: user.avatarHash });
  }
  const list = [...byId.values()].sort((a, b) => a.nickname.localeCompare(b.nickname) || a.id - b.id);
  return { count: list.length, users: list, at };
}
