import { render } from 'preact-render-to-string';
import type { MessageView } from '../services/message-service.js';
import { MessageItem } from '../views/components/message-item.js';

/** A message as it goes to browsers: the data, and its list item rendered by the same component as the page's. */
export type ClientMessage = MessageView & { itemHtml: string };

export function toClient(message: MessageView): ClientMessage {
  return { ...message, itemHtml: render(<MessageItem message={message} />) };
}
