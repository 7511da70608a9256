import { z } from 'zod';
import { maxTitleLength } from '../db/schema/items.js';
import { pageQuery } from './pagination.js';

// Deserialisation (资源的反序列化, Webargs' job in the book): what a request may contain, checked before a
// route runs. A bad request is a 400 with a message per field (src/core/errors.ts); nothing reaches a service.

/** What a todo's title may be: text, trimmed (TodoMVC trims too), not empty, not longer than the column. */
export const itemTitle = z
  .string({ error: 'The title must be text.' })
  .trim()
  .min(1, 'Write what there is to do.')
  .max(maxTitleLength, `A todo can be at most ${maxTitleLength} characters long.`);

const completed = z.boolean({ error: 'completed must be true or false.' });

export const filter = z.enum(['all', 'active', 'completed']);

export const listQuery = pageQuery.extend({
  filter: filter.default('all').describe('all, active (not completed) or completed'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const newItem = z.object({ title: itemTitle, completed: completed.optional() });

export const itemChange = z
  .object({ title: itemTitle.optional(), completed: completed.optional() })
  .refine(
    (change) => change.title !== undefined || change.completed !== undefined,
    'Send a title, completed, or both.',
  );

export const completeAll = z.object({ completed });

// Serialisation (资源的序列化): what the API answers. Response schemas drop every key they do not name.

export const counts = z.object({
  all: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
});

export const itemResource = z.object({
  id: z.number().int(),
  self: z.string().describe("This item's URL"),
  kind: z.literal('Item'),
  title: z.string(),
  completed: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const itemCollection = z.object({
  self: z.string(),
  kind: z.literal('ItemCollection'),
  filter,
  items: z.array(itemResource),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('Items that match the filter, on every page'),
  pageCount: z.number().int(),
  first: z.string(),
  last: z.string(),
  prev: z.string().nullable(),
  next: z.string().nullable(),
  counts,
});

export const completeAllResult = z.object({ updated: z.number().int(), counts });
export const clearCompletedResult = z.object({ deleted: z.number().int(), counts });

export const userResource = z.object({
  id: z.number().int(),
  self: z.string(),
  kind: z.literal('User'),
  email: z.string(),
  name: z.string(),
  createdAt: z.date(),
  items: z.string().describe("The URL of the user's items"),
  counts,
});

export type ListQuery = z.infer<typeof listQuery>;
