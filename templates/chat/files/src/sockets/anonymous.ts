import type { FastifyInstance } from 'fastify';
import { anonymousMessageEvent } from '../schemas/chat.js';
import type { Services } from '../services/index.js';
import { toClient } from './messages.js';

/** The anonymous room is a namespace of its own: anybody may connect, nothing is stored (CatChat's /anonymous). */
export const anonymousNamespace = '/anonymous';

export function anonymousSockets(app: FastifyInstance, services: Services): void {
  const anonymous = app.io.of(anonymousNamespace);
  anonymous.on('connection', (socket) => {
    app.socketEvents.on(socket, 'new message', anonymousMessageEvent, ({ body }) => {
      const message = toClient(services.messages.anonymous(body));
      anonymous.emit('new message', message);
      return { message };
    });
  });
}
