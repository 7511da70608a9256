import { describe, expect, it } from 'vitest';
import { createEventHub, type HubEvent } from '../../src/adapters/event-hub.js';
import { formatEvent } from '../../src/plugins/sse.js';

describe('the event hub', () => {
  it('delivers an event to the subscribers of its channel only, until they unsubscribe', () => {
    const hub = createEventHub();
    const a: HubEvent[] = [];
    const b: HubEvent[] = [];
    const stopA = hub.subscribe('user:1', (event) => a.push(event));
    hub.subscribe('user:2', (event) => b.push(event));
    hub.subscribe('user:1', () => {
      throw new Error('a closed stream');
    });
    expect(hub.size).toBe(3);
    hub.publish('user:1', { type: 'unread', data: { count: 1 } });
    stopA();
    stopA();
    hub.publish('user:1', { type: 'unread', data: { count: 2 } });
    expect(a).toEqual([{ type: 'unread', data: { count: 1 } }]);
    expect(b).toEqual([]);
    expect(hub.size).toBe(2);
  });

  it('writes events in the text/event-stream format', () => {
    expect(formatEvent({ type: 'unread', data: { count: 3 } })).toBe('event: unread\ndata: {"count":3}\n\n');
  });
});
