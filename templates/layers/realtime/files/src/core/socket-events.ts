import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, type ErrorCode } from './errors.js';

/** What every acknowledged event answers: the handler's result, or the problem (the client shows its message). */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: SocketProblem };

export interface SocketProblem {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export interface SocketEventsOptions {
  /** Events one socket may send per window. */
  limit: number;
  windowMs: number;
  log: Pick<FastifyBaseLogger, 'error'>;
}

/**
 * Socket events the way routes are written: a zod schema for the payload and a handler that calls a service.
 * Every event is acknowledged (`socket.emitWithAck` on the client resolves with an Ack), counted against the
 * socket's rate limit, and validated; a refused event changes nothing and the socket stays connected.
 */
export class SocketEvents {
  private readonly buckets = new WeakMap<Socket, { left: number; resetAt: number }>();

  constructor(private readonly options: SocketEventsOptions) {}

  on<Schema extends z.ZodType, Result extends object>(
    socket: Socket,
    event: string,
    schema: Schema,
    handler: (input: z.infer<Schema>) => Promise<Result> | Result,
  ): void {
    socket.on(event, (...args: unknown[]) => {
      // The client passes an acknowledgement callback last; without one the answer goes to 'request failed'.
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (answer: Ack<Result>) => void) : undefined;
      const reply = (answer: Ack<Result>) => {
        if (ack) ack(answer);
        else if (!answer.ok) socket.emit('request failed', { event, ...answer.error });
      };
      this.run(socket, schema, args[0], handler).then(reply, (error: unknown) => {
        reply({ ok: false, error: this.toProblem(error, event) });
      });
    });
  }

  private async run<Schema extends z.ZodType, Result extends object>(
    socket: Socket,
    schema: Schema,
    payload: unknown,
    handler: (input: z.infer<Schema>) => Promise<Result> | Result,
  ): Promise<Ack<Result>> {
    if (!this.take(socket)) {
      throw new AppError('rate_limited', 'Too many messages at once: wait a few seconds and try again.');
    }
    const input = schema.safeParse(payload);
    if (!input.success) {
      const details = input.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
      throw new AppError('validation_failed', details[0]?.message ?? 'The event is not valid.', details);
    }
    return { ok: true, ...(await handler(input.data)) };
  }

  /** A fixed window per socket: cheap, and enough to stop one client from flooding a room. */
  private take(socket: Socket): boolean {
    const now = Date.now();
    let bucket = this.buckets.get(socket);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { left: this.options.limit, resetAt: now + this.options.windowMs };
      this.buckets.set(socket, bucket);
    }
    if (bucket.left === 0) return false;
    bucket.left -= 1;
    return true;
  }

  private toProblem(error: unknown, event: string): SocketProblem {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    }
    this.options.log.error({ err: error, event }, 'socket event failed');
    return { code: 'internal', message: 'Something went wrong on our side.' };
  }
}
