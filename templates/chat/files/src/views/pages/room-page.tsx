import type { MessageView } from '../../services/message-service.js';
import { Composer } from '../components/composer.js';
import { MessageItem } from '../components/message-item.js';
import { RoomNav } from '../components/room-nav.js';

export interface RoomPageProps {
  room: { slug: string; name: string; topic: string };
  /** Oldest first, as they are shown. */
  messages: MessageView[];
  /** The cursor of the older page, or null when this is all. */
  before: number | null;
  /** The Socket.IO namespace the page talks to: '/' for the rooms, '/anonymous' for the anonymous room. */
  namespace: string;
  viewer: { id: number; isAdmin: boolean } | null;
  /** Without a viewer, nothing can be written here (the anonymous room lets anybody write). */
  canWrite: boolean;
  /** Why the last form post was refused. */
  error?: string;
}

/** A room (CatChat's home.html): the history, who is online, and the composer. */
export function RoomPage({ room, messages, before, namespace, viewer, canWrite, error }: RoomPageProps) {
  const stored = namespace === '/';
  return (
    <section
      class="chat"
      aria-labelledby="room-title"
      data-room={room.slug}
      data-namespace={namespace}
      data-before={before === null ? '' : String(before)}
      data-user={viewer ? String(viewer.id) : ''}
      data-admin={viewer?.isAdmin ? 'true' : 'false'}
    >
      <header class="room-header">
        <div>
          <h1 id="room-title">{room.name}</h1>
          <p class="room-topic">{room.topic}</p>
        </div>
        <RoomNav current={room.slug} />
        {stored && canWrite ? (
          <div class="presence">
            <p>
              <span id="online-count">0</span> online
            </p>
            <ul id="online-users" aria-label="Online now"></ul>
          </div>
        ) : null}
      </header>
      <div class="scroller" id="scroller">
        <p class="history-status" id="history-status" role="status">
          {stored
            ? before === null
              ? 'No more messages.'
              : 'Scroll up for older messages.'
            : 'Messages here are not kept.'}
        </p>
        <ol class="messages" id="messages" aria-label="Messages">
          {messages.map((message) => (
            <MessageItem message={message} />
          ))}
        </ol>
      </div>
      {canWrite ? (
        <Composer action={stored ? `/rooms/${room.slug}/messages` : null} error={error} />
      ) : (
        <p class="sign-in-prompt">
          <a href={`/login?next=/rooms/${room.slug}`}>Sign in</a> or <a href="/register">create an account</a> to chat
          here, or write without one in the <a href="/anonymous">anonymous room</a>.
        </p>
      )}
      {canWrite ? (
        <>
          <script src="/socket.io/socket.io.min.js" defer></script>
          <script src="/static/chat.js" defer></script>
        </>
      ) : null}
    </section>
  );
}
