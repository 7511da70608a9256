import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { HubEvent } from '../adapters/event-hub.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Turns this response into a server-sent-events stream of one hub channel: `first` is sent at once, then
     * every event published on the channel, until the browser goes away or the app closes.
     */
    eventStream(channel: string, first?: HubEvent): FastifyReply;
  }
}

/** A comment line this often keeps proxies from closing a quiet stream. */
const heartbeatMs = 25_000;

/** One event in the text/event-stream format: `event:` and `data:` lines, ended by a blank line. */
export function formatEvent(event: HubEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * Server-sent events (SSE): a response that stays open and carries events one by one. Simpler than a WebSocket
 * for news that only flows from the server to the browser (a counter, a notification), and the browser's
 * EventSource reconnects by itself. Streams are closed when the app closes, so a shutdown does not wait on them.
 */
export default fp<AppContext>(
  (app: FastifyInstance, { deps }) => {
    const hub = deps.events;
    const open = new Set<() => void>();

    app.decorateReply('eventStream', function (this: FastifyReply, channel: string, first?: HubEvent) {
      const request: FastifyRequest = this.request;
      const raw = this.raw;
      // Fastify lets go of the response: from here on it is written by hand.
      this.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream and deliver events late, in bunches.
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      // How long EventSource waits before reconnecting after the stream dropped.
      raw.write('retry: 5000\n\n');
      if (first) raw.write(formatEvent(first));
      const unsubscribe = hub.subscribe(channel, (event) => raw.write(formatEvent(event)));
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (!raw.writableEnded) raw.end();
      };
      open.add(close);
      request.raw.on('close', close);
      return this;
    });

    // Before the server stops accepting: an open stream would keep app.close() waiting for ever.
    app.addHook('preClose', (done) => {
      for (const close of [...open]) close();
      done();
    });
  },
  { name: 'sse' },
);
