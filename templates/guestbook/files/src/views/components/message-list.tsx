import type { Page } from '../../core/pagination.js';
import type { Message } from '../../db/schema/index.js';
import { Pagination } from './pagination.js';
import { RelativeTime } from './relative-time.js';

/** The list of messages and its pagination: a whole page includes it, htmx swaps it alone. */
export function MessageList({ page }: { page: Page<Message> }) {
  return (
    <section id="messages" class="messages" aria-labelledby="messages-title">
      <h2 id="messages-title">
        Messages <span class="count">({page.total})</span>
      </h2>
      {page.items.length === 0 ? (
        <p class="empty">No messages yet. Be the first to say hello!</p>
      ) : (
        <ol class="message-list">
          {page.items.map((message) => (
            <li class="message">
              <article aria-label={`Message from ${message.name}`}>
                <header>
                  <strong class="author">{message.name}</strong> <RelativeTime date={message.createdAt} />
                </header>
                <p class="body">{message.body}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} href="/" swap="#messages" labels={['← Newer', 'Older →']} />
    </section>
  );
}
