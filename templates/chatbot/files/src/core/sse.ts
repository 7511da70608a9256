import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** One Server-Sent Event: `event: <name>` (optional) and `data: <JSON or text>`. */
export interface ServerSentEvent {
  event?: string;
  data: unknown;
}

/**
 * Answers with a stream of Server-Sent Events. The first event is awaited before anything is sent, so a failure
 * before the stream starts (not found, quota, provider down) is still an ordinary error response with its status
 * code. A failure later can only be told inside the stream: `toErrorEvent` turns it into a last event.
 */
export async function sendEvents(
  reply: FastifyReply,
  events: AsyncIterable<ServerSentEvent>,
  toErrorEvent: (error: unknown) => ServerSentEvent,
): Promise<FastifyReply> {
  const iterator = events[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* body() {
    try {
      for (let next = first; !next.done; next = await iterator.next()) yield format(next.value);
    } catch (error) {
      yield format(toErrorEvent(error));
    } finally {
      // The client went away (the stream was destroyed): let the source finish its own clean-up.
      await iterator.return?.();
    }
  }
  return (
    reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      // Proxies such as nginx would otherwise buffer the stream and deliver it in one piece at the end.
      .header('x-accel-buffering', 'no')
      .send(Readable.from(body(), { objectMode: false }))
  );
}

function format({ event, data }: ServerSentEvent): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${text}\n\n`;
}

/**
 * An AbortSignal that fires when the client disconnects before the response is complete: passed down to the
 * model provider, it stops the upstream request instead of paying for an answer nobody reads.
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('the client closed the connection'));
  });
  return controller.signal;
}
