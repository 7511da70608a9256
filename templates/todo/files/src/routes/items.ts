import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/bearer.js';
import { bearerSecurity as security } from '../plugins/openapi.js';
import { idParams } from '../schemas/ids.js';
import {
  clearCompletedResult,
  completeAll,
  completeAllResult,
  itemChange,
  itemCollection as collectionSchema,
  itemResource as itemSchema,
  listQuery,
  newItem,
  userResource as userSchema,
} from '../schemas/item.js';
import { problem, problems } from '../schemas/problem.js';
import type { Services } from '../services/index.js';
import { itemCollection, itemResource, itemUrl, userResource } from './representations.js';

/**
 * The signed-in user and their todo items, as REST resources (Todoism's /user and /user/items): the URL names
 * the resource, the HTTP method says what to do with it, JSON carries it, the status code says how it went.
 */
export const itemRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  const tags = ['items'];
  const { 400: badRequest, 401: unauthorized, 404: notFound } = problems;

  routes.get(
    '/user',
    {
      schema: {
        tags: ['user'],
        operationId: 'getUser',
        summary: 'The signed-in user, with the counts of their items',
        security,
        response: { 200: userSchema, 401: unauthorized, 404: notFound },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const [user, counts] = await Promise.all([services.auth.profile(userId), services.items.counts(userId)]);
      return userResource(user, counts);
    },
  );

  routes.get(
    '/user/items',
    {
      schema: {
        tags,
        operationId: 'listItems',
        summary: 'Your items, oldest first, a page at a time; ?filter=active|completed',
        security,
        querystring: listQuery,
        response: { 200: collectionSchema, 400: badRequest, 401: unauthorized, 404: notFound },
      },
    },
    async (request) => itemCollection(await services.items.list(currentUser(request).userId, request.query)),
  );

  routes.post(
    '/user/items',
    {
      schema: {
        tags,
        operationId: 'createItem',
        summary: 'Add an item at the end of the list',
        security,
        body: newItem,
        response: { 201: itemSchema, 400: badRequest, 401: unauthorized, 409: problem },
      },
    },
    async (request, reply) => {
      const item = await services.items.create(currentUser(request).userId, request.body);
      return reply.status(201).header('location', itemUrl(item.id)).send(itemResource(item));
    },
  );

  routes.patch(
    '/user/items',
    {
      schema: {
        tags,
        operationId: 'completeAllItems',
        summary: 'Mark every item as completed, or every item as active (TodoMVC: toggle all)',
        security,
        body: completeAll,
        response: { 200: completeAllResult, 400: badRequest, 401: unauthorized },
      },
    },
    async (request) => services.items.completeAll(currentUser(request).userId, request.body.completed),
  );

  routes.delete(
    '/user/items/completed',
    {
      schema: {
        tags,
        operationId: 'clearCompletedItems',
        summary: 'Delete every completed item (TodoMVC: clear completed)',
        security,
        response: { 200: clearCompletedResult, 401: unauthorized },
      },
    },
    async (request) => services.items.clearCompleted(currentUser(request).userId),
  );

  routes.get(
    '/user/items/:id',
    {
      schema: {
        tags,
        operationId: 'getItem',
        summary: 'One item',
        security,
        params: idParams,
        response: { 200: itemSchema, 400: badRequest, 401: unauthorized, 404: notFound },
      },
    },
    async (request) => itemResource(await services.items.get(currentUser(request).userId, request.params.id)),
  );

  routes.patch(
    '/user/items/:id',
    {
      schema: {
        tags,
        operationId: 'updateItem',
        summary: 'Change the title, the completed state, or both',
        security,
        params: idParams,
        body: itemChange,
        response: { 200: itemSchema, 400: badRequest, 401: unauthorized, 404: notFound },
      },
    },
    async (request) =>
      itemResource(await services.items.update(currentUser(request).userId, request.params.id, request.body)),
  );

  routes.delete(
    '/user/items/:id',
    {
      schema: {
        tags,
        operationId: 'deleteItem',
        summary: 'Delete an item',
        security,
        params: idParams,
        response: { 204: z.null(), 400: badRequest, 401: unauthorized, 404: notFound },
      },
    },
    async (request, reply) => {
      await services.items.remove(currentUser(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
