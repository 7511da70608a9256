/**
 * The rooms of the signed-in namespace. They are fixed here (a list in code, like CatChat's one room), so that
 * a room is a name checked against this list and never a row to create. The anonymous room is a namespace of its
 * own (src/sockets/anonymous.tsx).
 */
export const rooms = [
  { slug: 'general', name: 'General', topic: 'Anything goes.' },
  { slug: 'coders', name: 'Coders', topic: 'Code, with highlighting: fence it in ```.' },
] as const;

export type Room = (typeof rooms)[number];
export type RoomSlug = Room['slug'];

export const defaultRoom: Room = rooms[0];

export function roomBySlug(slug: string): Room | undefined {
  return rooms.find((room) => room.slug === slug);
}

/** The Socket.IO room of a chat room (other rooms, such as a session's, have other prefixes). */
export const socketRoom = (slug: string) => `room:${slug}`;
