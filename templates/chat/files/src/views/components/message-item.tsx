import { avatarUrl } from '../../core/avatar.js';
import type { MessageView } from '../../services/message-service.js';
import { RelativeTime } from './relative-time.js';

/**
 * One message (CatChat's _message.html). The page renders the history with it, and the sockets send each new
 * message rendered by it too, so a message looks the same however it arrived. Its body is HTML that
 * src/core/markdown.ts sanitised when it was written.
 */
export function MessageItem({ message }: { message: MessageView }) {
  return (
    <li
      class="message"
      id={`message-${message.id}`}
      data-id={String(message.id)}
      data-author={message.author.id === null ? '' : String(message.author.id)}
      aria-label={`Message from ${message.author.nickname}`}
    >
      <img class="avatar" src={avatarUrl(message.author.avatarHash)} alt="" width={40} height={40} />
      <div class="message-main">
        <p class="message-meta">
          <strong class="nickname">{message.author.nickname}</strong>{' '}
          <RelativeTime date={new Date(message.createdAt)} />
        </p>
        <div class="message-body" dangerouslySetInnerHTML={{ __html: message.html }} />
      </div>
    </li>
  );
}
