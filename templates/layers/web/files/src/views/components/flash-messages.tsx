import type { FlashMessage } from '../../plugins/web.js';

/** Messages flashed before a redirect, announced to screen readers as a status. */
export function FlashMessages({ messages }: { messages: FlashMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="flash-messages" role="status">
      {messages.map((message) => (
        <p class={`flash flash-${message.kind}`}>{message.text}</p>
      ))}
    </div>
  );
}
