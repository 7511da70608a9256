import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identiconSvg } from '../core/avatar.js';
import { AppError } from '../core/errors.js';
import { defaultRoom, roomBySlug } from '../core/rooms.js';
import { historyQuery, messageForm, roomParams } from '../schemas/chat.js';
import { toPublicUser } from '../services/account-service.js';
import type { Services } from '../services/index.js';
import { announceMessage } from '../sockets/chat.js';
import { toClient } from '../sockets/messages.js';
import { RoomPage } from '../views/pages/room-page.js';

/** The rooms' pages, their history (infinite scroll), the form post that works without JavaScript, avatars. */
export const chatRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const roomOf = (slug: string) => {
    const room = roomBySlug(slug);
    if (!room) throw new AppError('not_found', 'There is no room here.');
    return room;
  };
  const viewerOf = async (userId: number | undefined) => {
    const user = userId === undefined ? undefined : await services.accounts.byId(userId);
    return user ? toPublicUser(user) : null;
  };

  routes.get('/', async (_request, reply) => reply.redirect(`/rooms/${defaultRoom.slug}`, 303));

  routes.get('/rooms/:slug', { schema: { params: roomParams } }, async (request, reply) => {
    const room = roomOf(request.params.slug);
    const [viewer, page] = await Promise.all([viewerOf(request.userId), services.messages.history(room.slug)]);
    return reply.page(
      room.name,
      <RoomPage
        room={room}
        messages={[...page.messages].reverse()}
        before={page.before}
        namespace="/"
        viewer={viewer}
        canWrite={viewer !== null}
      />,
    );
  });

  // Older messages, for the infinite scroll: JSON, each message with its rendered list item.
  routes.get(
    '/rooms/:slug/messages',
    { schema: { params: roomParams, querystring: historyQuery } },
    async (request) => {
      const page = await services.messages.history(roomOf(request.params.slug).slug, request.query.before);
      return { messages: page.messages.map(toClient), before: page.before };
    },
  );

  // Without JavaScript the composer is a plain form: the message takes the same way as one sent over a socket.
  routes.post(
    '/rooms/:slug/messages',
    { schema: { params: roomParams }, preHandler: app.requireLogin },
    async (request, reply) => {
      const room = roomOf(request.params.slug);
      const viewer = await viewerOf(request.userId);
      if (!viewer) throw new AppError('unauthorized', 'Sign in first.');
      const form = messageForm.safeParse(request.body ?? {});
      if (!form.success) {
        const page = await services.messages.history(room.slug);
        return reply.page(
          room.name,
          <RoomPage
            room={room}
            messages={[...page.messages].reverse()}
            before={page.before}
            namespace="/"
            viewer={viewer}
            canWrite
            error={form.error.issues[0]?.message}
          />,
          400,
        );
      }
      announceMessage(app.io, await services.messages.post(viewer, room.slug, form.data.body));
      return reply.redirect(`/rooms/${room.slug}`, 303);
    },
  );

  routes.get('/anonymous', async (request, reply) =>
    reply.page(
      'Anonymous',
      <RoomPage
        room={{ slug: 'anonymous', name: 'Anonymous', topic: 'No account needed, and nothing is kept.' }}
        messages={[]}
        before={null}
        namespace="/anonymous"
        viewer={await viewerOf(request.userId)}
        canWrite
      />,
    ),
  );

  routes.get(
    '/avatars/:file',
    { schema: { params: z.object({ file: z.string().regex(/^[0-9a-f]{32}\.svg$/, 'an avatar is <md5>.svg') }) } },
    async (request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400, immutable')
        .send(identiconSvg(request.params.file.slice(0, 32))),
  );
};
