import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How the fake provider behaves, changed by a test at any time. */
export interface FakeBehaviour {
  /** Answer this many requests with `failStatus` first (then normally). */
  failTimes?: number;
  failStatus?: number;
  retryAfter?: string;
  /** Wait this long before the response headers (a slow or hanging provider). */
  headerDelayMs?: number;
  /** Wait this long between two chunks of the stream. */
  chunkDelayMs?: number;
  /** Close the connection after this many chunks, without [DONE] (a dropped stream). */
  dropAfter?: number;
  /** The answer, word by word. */
  words?: string[];
}

export interface SeenRequest {
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean };
  authorization: string | undefined;
  /** Set when the client closed the connection before the answer was complete. */
  abandoned: boolean;
}

/**
 * A local OpenAI-compatible HTTP server (POST /v1/chat/completions, streamed): a real HTTP path for the provider
 * client to talk to, which a test can tell to be slow, to fail, or to drop the stream, and which records what it
 * was sent and whether the client hung up.
 */
export class FakeOpenAi {
  behaviour: FakeBehaviour = {};
  readonly requests: SeenRequest[] = [];
  private failed = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeOpenAi> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const fake = new FakeOpenAi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void fake.answer(request, response));
    return fake;
  }

  /** Forget the behaviour and what was seen, between tests. */
  reset(): void {
    this.behaviour = {};
    this.requests.length = 0;
    this.failed = 0;
  }

  /** Resolves when the n-th request (1-based) has been abandoned by the client, or rejects after `ms`. */
  async abandoned(n: number, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.requests[n - 1]?.abandoned) {
      if (Date.now() > deadline) throw new Error(`request ${n} was not abandoned within ${ms} ms`);
      await sleep(10);
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const seen: SeenRequest = {
      body: JSON.parse(text) as SeenRequest['body'],
      authorization: request.headers.authorization,
      abandoned: false,
    };
    this.requests.push(seen);
    let complete = false;
    response.on('close', () => (seen.abandoned = !complete));

    const {
      failTimes = 0,
      failStatus = 500,
      retryAfter,
      headerDelayMs = 0,
      chunkDelayMs = 0,
      dropAfter,
    } = this.behaviour;
    if (request.url !== '/v1/chat/completions') return void response.writeHead(404).end();
    if (this.failed < failTimes) {
      this.failed += 1;
      complete = true;
      response.writeHead(failStatus, {
        'content-type': 'application/json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
      return void response.end(
        JSON.stringify({ error: { message: `fake failure ${this.failed}`, type: 'server_error' } }),
      );
    }
    await sleep(headerDelayMs);
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const words = this.behaviour.words ?? ['Hello', ' from', ' the', ' fake', ' provider.'];
    for (const [index, word] of words.entries()) {
      if (index === dropAfter) return void response.destroy();
      const chunk = {
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { content: word } }],
      };
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      await sleep(chunkDelayMs);
      if (response.destroyed) return;
    }
    const usage = { prompt_tokens: 11, completion_tokens: words.length, total_tokens: 11 + words.length };
    response.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', choices: [], usage })}\n\n`);
    response.write('data: [DONE]\n\n');
    complete = true;
    response.end();
  }
}
