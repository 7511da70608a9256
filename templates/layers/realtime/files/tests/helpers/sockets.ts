import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterEach } from 'vitest';

export type ClientSocket = Socket;

export interface ConnectOptions extends Partial<ManagerOptions & SocketOptions> {
  /** The Cookie header of the handshake, e.g. the session cookie of a signed-in client. */
  cookie?: string;
}

/**
 * Socket.IO clients for a test file: `const sockets = useSockets();` at the top, then `await sockets.connect(url)`.
 * Every client is closed after each test, so none reconnects into the next one. Clients use the websocket
 * transport (no polling upgrade to wait for) and do not reconnect unless a test asks them to.
 */
export function useSockets() {
  const open: ClientSocket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.disconnect();
  });

  /** A client that is connecting (for tests of a refused handshake). */
  function client(url: string, { cookie, ...options }: ConnectOptions = {}): ClientSocket {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(cookie ? { extraHeaders: { cookie } } : {}),
      ...options,
    });
    open.push(socket);
    return socket;
  }

  /** A connected client; rejects with the server's reason when the handshake is refused. */
  function connect(url: string, options: ConnectOptions = {}): Promise<ClientSocket> {
    const socket = client(url, options);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => reject(error));
    });
  }

  return { client, connect };
}

/** The next `event` on a socket, or a failure after `timeoutMs`. */
export function waitFor<T = unknown>(socket: ClientSocket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    socket.once(event, listener);
  });
}

/** Everything a socket receives of `event` from now on, for tests that check what did not arrive. */
export function collect<T = unknown>(socket: ClientSocket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (payload: T) => received.push(payload));
  return received;
}

/** The first `event` that satisfies `match`. */
export function waitUntil<T = unknown>(
  socket: ClientSocket,
  event: string,
  match: (payload: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}
