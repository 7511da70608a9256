import type { FastifyInstance } from 'fastify';
import { type AppServer, type AppSocket, requireUser } from '../plugins/realtime.js';
import { AppError } from '../core/errors.js';
import { socketRoom } from '../core/rooms.js';
import { catchUpEvent, deleteMessageEvent, joinEvent, newMessageEvent } from '../schemas/chat.js';
import { type PublicUser, toPublicUser } from '../services/account-service.js';
import type { MessageView } from '../services/message-service.js';
import { presenceOf } from '../services/presence.js';
import type { Services } from '../services/index.js';
import { toClient } from './messages.js';

declare module '../plugins/realtime.js' {
  interface SocketData {
    /** Who this socket is, read once at the handshake (the chat namespace lets no one else in). */
    user?: PublicUser;
  }
}

/** The signed-in rooms live in the main namespace; the anonymous room has its own (./anonymous.ts). */
const chatNamespace = (io: AppServer) => io.of('/');

/** Tells everyone in the message's room, on every process: the same call for a socket event and a form post. */
export function announceMessage(io: AppServer, message: MessageView): void {
  chatNamespace(io).to(socketRoom(message.room)).emit('new message', toClient(message));
}

export function announceDeleted(io: AppServer, deleted: { id: number; room: string }): void {
  chatNamespace(io).to(socketRoom(deleted.room)).emit('message deleted', { id: deleted.id });
}

/**
 * The chat's socket events, thin like routes: validate (SocketEvents), call a service, tell the room, answer.
 * Events are named after CatChat's: `new message`, `user count`; `join`, `catch up` and `delete message` are
 * this app's.
 */
export function chatSockets(app: FastifyInstance, services: Services): void {
  const chat = chatNamespace(app.io);
  const events = app.socketEvents;

  chat.use(requireUser);
  chat.use((socket, next) => {
    services.accounts.byId(socket.data.userId ?? 0).then(
      (user) => {
        if (!user) return next(new Error('unauthorized'));
        socket.data.user = toPublicUser(user);
        next();
      },
      (error: unknown) => next(error as Error),
    );
  });

  const presence = presenceUpdates(app, chat);

  chat.on('connection', (socket: AppSocket) => {
    const user = socket.data.user as PublicUser;
    const inRoom = (room: string) => {
      if (!socket.rooms.has(socketRoom(room))) throw new AppError('forbidden', 'Join the room first.');
    };

    // A page joins its room and gets the newest page of history with it (one room per page).
    events.on(socket, 'join', joinEvent, async ({ room }) => {
      const page = await services.messages.history(room);
      for (const joined of socket.rooms) if (joined.startsWith('room:')) await socket.leave(joined);
      await socket.join(socketRoom(room));
      return { messages: page.messages.map(toClient), before: page.before };
    });

    // After a reconnection that could not be recovered: what was written meanwhile.
    events.on(socket, 'catch up', catchUpEvent, async ({ room, after }) => {
      inRoom(room);
      const missed = await services.messages.since(room, after);
      return { messages: missed.messages.map(toClient), complete: missed.complete };
    });

    // 一条消息的旅程: stored first, then sent to everyone in the room, then acknowledged to the sender.
    events.on(socket, 'new message', newMessageEvent, async ({ room, body }) => {
      inRoom(room);
      const message = await services.messages.post(user, room, body);
      announceMessage(app.io, message);
      return { message: toClient(message) };
    });

    events.on(socket, 'delete message', deleteMessageEvent, async ({ id }) => {
      const deleted = await services.messages.remove(user, id);
      announceDeleted(app.io, deleted);
      return { id };
    });

    presence.changed();
    socket.on('disconnect', () => presence.changed());
  });
}

/**
 * `user count` for everyone, whenever someone comes or goes: computed from the sockets of every process
 * (fetchSockets goes through the adapter), so several tabs are one person and a closed tab is gone. Changes
 * that come together (a page of reconnecting clients) are sent as one update.
 */
function presenceUpdates(app: FastifyInstance, chat: ReturnType<typeof chatNamespace>) {
  let timer: NodeJS.Timeout | undefined;
  const current = async () => presenceOf((await chat.fetchSockets()).map((socket) => socket.data.user));
  const send = () => {
    timer = undefined;
    current().then(
      (presence) => chat.emit('user count', presence),
      (error: unknown) => app.log.warn({ err: error }, 'presence update failed'),
    );
  };
  app.addHook('preClose', async () => clearTimeout(timer));
  return {
    changed() {
      timer ??= setTimeout(send, 50);
    },
  };
}
