import { signerFactory } from '@fastify/cookie';
import type { SessionStore } from '@fastify/session';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance, Session } from 'fastify';
import fp from 'fastify-plugin';
import { type DefaultEventsMap, type Namespace, Server, type ServerOptions, type Socket } from 'socket.io';
import { SocketEvents } from '../core/socket-events.js';
import { SessionRepository } from '../repositories/session-repository.js';
import type { AppContext } from './context.js';

/**
 * What the server knows about a socket: set by the handshake from the web session. Templates add their own fields
 * by declaration merging (`declare module '../plugins/realtime.js' { interface SocketData { … } }`). It travels with
 * the socket to other processes (fetchSockets) and through connection-state recovery, so it holds plain values.
 */
export interface SocketData {
  /** The signed-in user of the session cookie the handshake carried; undefined for an anonymous visitor. */
  userId?: number;
  /** The session's id: the room `session:<id>` holds every socket of one session (logging out closes them). */
  sessionId?: string;
}

export type AppServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type AppSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The Socket.IO server on this app's HTTP server (Flask-SocketIO's `socketio`). */
    io: AppServer;
    /** Registers acknowledged, validated, rate-limited event handlers on a socket (src/core/socket-events.ts). */
    socketEvents: SocketEvents;
  }
}

/** How long a dropped connection may come back and get what it missed (connection-state recovery). */
export const recoveryWindowMs = 2 * 60_000;

/** The session room of a session id: `io.in(sessionRoom(id)).disconnectSockets()` ends its sockets on log-out. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Socket.IO attached to the Fastify server (fastify-socket.io supports Fastify 4 only, and the whole plugin is a
 * few lines): the handshake reads the session cookie, the Redis streams adapter joins processes when REDIS_URL is
 * set, and sockets are closed before the HTTP server so that `app.close()` (SIGTERM) is not held up by them.
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { config, deps }) => {
    // Set when REDIS_URL is: rooms, broadcasts and recovered sessions are then shared by every process.
    const { redis } = deps;
    // The web layer's sessions, read the same way: a socket is signed in by the same cookie as a page.
    const sessionStore: SessionStore = new SessionRepository(deps.db);
    const options: Partial<ServerOptions> = {
      // Chat messages are small: a bigger frame closes that connection before it is read into memory.
      maxHttpBufferSize: 64 * 1024,
      // A socket that reconnects within the window gets its id, rooms, data and the events it missed.
      connectionStateRecovery: { maxDisconnectionDuration: recoveryWindowMs, skipMiddlewares: false },
      // Cross-site WebSocket hijacking: a page of another site may open a socket to us, with our cookies.
      allowRequest: (request, callback) => callback(null, sameOrigin(request.headers.origin, request.headers.host)),
    };
    if (redis) {
      options.adapter = createAdapter(redis, {
        streamName: `${config.REDIS_PREFIX}socket.io`,
        channelPrefix: `${config.REDIS_PREFIX}socket.io`,
        sessionKeyPrefix: `${config.REDIS_PREFIX}socket.io:session:`,
        // Each process reads the stream in blocking calls of this length: it bounds how long closing waits.
        blockTimeInMs: 1000,
      });
    }
    const io: AppServer = new Server(app.server, options);

    // The cookie is the one @fastify/session signs (src/plugins/web.ts): same secret, same algorithm (its default).
    const signer = signerFactory(config.SESSION_SECRET, 'sha256');
    const readSession = (sid: string) =>
      new Promise<Session | null | undefined>((resolve, reject) =>
        sessionStore.get(sid, (error, session) => (error ? reject(error as Error) : resolve(session))),
      );

    // Every namespace runs this first: who is this socket? An anonymous socket gets in; a namespace that needs
    // a user refuses it in its own middleware (requireUser).
    const signIn = (namespace: Namespace<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>) => {
      namespace.use((socket, next) => {
        identify(socket.request.headers.cookie)
          .then(({ userId, sessionId }) => {
            socket.data.userId = userId;
            socket.data.sessionId = sessionId;
            next();
          })
          .catch((error: unknown) => {
            app.log.error({ err: error }, 'socket handshake failed');
            next(new Error('unavailable'));
          });
      });
      namespace.on('connection', (socket) => {
        if (socket.data.sessionId) void socket.join(sessionRoom(socket.data.sessionId));
      });
    };
    signIn(io.of('/'));
    io.on('new_namespace', signIn);

    async function identify(cookieHeader: string | undefined): Promise<SocketData> {
      const signed = app.parseCookie(cookieHeader ?? '').sid;
      if (!signed) return {};
      const unsigned = signer.unsign(signed);
      if (!unsigned.valid || !unsigned.value) return {};
      const session = await readSession(unsigned.value);
      if (!session?.userId) return {};
      return { userId: session.userId, sessionId: unsigned.value };
    }

    app.decorate('io', io);
    app.decorate('socketEvents', new SocketEvents({ limit: config.SOCKET_RATE_LIMIT, windowMs: 10_000, log: app.log }));

    // Open connections would keep the HTTP server from closing: they are closed first, in every namespace.
    // Clients see a dropped transport and reconnect by themselves: to another replica, or to this app once it
    // is back (their session and, within the recovery window, what they missed are in Redis or the database).
    app.addHook('preClose', (done) => {
      io.engine.close();
      done();
    });
    app.addHook('onClose', async () => {
      // Closes the namespaces' adapters (the Redis readers stop) and the engine; the HTTP server is Fastify's.
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    });
  },
  { name: 'realtime', dependencies: ['web'] },
);

/**
 * A namespace middleware that lets only signed-in sockets in: `io.of('/').use(requireUser)`. The client sees a
 * `connect_error` whose message is `unauthorized`.
 */
export function requireUser(socket: AppSocket, next: (error?: Error) => void): void {
  next(socket.data.userId === undefined ? new Error('unauthorized') : undefined);
}

/** A request without Origin (not a browser) or from a page of this very site. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
