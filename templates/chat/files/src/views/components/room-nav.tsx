import { rooms } from '../../core/rooms.js';

/** The rooms of the signed-in namespace, and the anonymous room (a namespace of its own). */
export function RoomNav({ current }: { current: string }) {
  return (
    <nav class="room-nav" aria-label="Rooms">
      {rooms.map((room) => (
        <a href={`/rooms/${room.slug}`} aria-current={room.slug === current ? 'page' : undefined}>
          # {room.name}
        </a>
      ))}
      <a href="/anonymous" aria-current={current === 'anonymous' ? 'page' : undefined}>
        Anonymous
      </a>
    </nav>
  );
}
