import type { DepsPart } from '../services/deps.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Publishes live events to the server-sent-events streams of this process. */
    events: EventHub;
  }
}

export const serviceDeps: DepsPart = () => ({ events: createEventHub() });

/*
 * A publish/subscribe hub inside this process: services publish an event on a channel ("user:42"), and every
 * open server-sent-events stream subscribed to that channel receives it. One process only: with several app
 * processes, an event published in one is not seen by the streams of another (the exercise in LEARNING.md puts
 * Redis pub/sub behind the same interface).
 */

export interface HubEvent {
  /** The SSE event name ("unread"); the browser listens for it by name. */
  type: string;
  /** Sent as JSON in the event's data line. */
  data: unknown;
}

export type Listener = (event: HubEvent) => void;

export interface EventHub {
  publish(channel: string, event: HubEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(channel: string, listener: Listener): () => void;
  /** Open subscriptions (for tests and metrics). */
  readonly size: number;
}

export function createEventHub(): EventHub {
  const channels = new Map<string, Set<Listener>>();
  let size = 0;
  return {
    publish(channel, event) {
      for (const listener of channels.get(channel) ?? []) {
        // One listener's failure (a closed socket) must not keep the event from the others.
        try {
          listener(event);
        } catch {
          // The stream cleans itself up when its connection closes.
        }
      }
    },
    subscribe(channel, listener) {
      let listeners = channels.get(channel);
      if (!listeners) channels.set(channel, (listeners = new Set()));
      listeners.add(listener);
      size += 1;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        size -= 1;
        listeners.delete(listener);
        if (listeners.size === 0) channels.delete(channel);
      };
    },
    get size() {
      return size;
    },
  };
}
