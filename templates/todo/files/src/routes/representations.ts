import type { User } from '../db/schema/index.js';
import type { Counts } from '../repositories/item-repository.js';
import type { ItemPage } from '../services/item-service.js';
import type { Item } from '../db/schema/index.js';

// Serialisation (资源的序列化): what a row becomes in the API. Each resource names its kind and its own URL,
// and a collection links to its neighbours, so a client follows links instead of building URLs.

const prefix = '/api/v1';
export const itemsUrl = `${prefix}/user/items`;
export const itemUrl = (id: number) => `${itemsUrl}/${id}`;

export function itemResource(item: Item) {
  return {
    id: item.id,
    self: itemUrl(item.id),
    kind: 'Item' as const,
    title: item.title,
    completed: item.completed,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export function itemCollection(page: ItemPage) {
  const at = (n: number) => {
    const query = new URLSearchParams({ filter: page.filter, page: String(n), pageSize: String(page.pageSize) });
    return `${itemsUrl}?${query.toString()}`;
  };
  return {
    self: at(page.page),
    kind: 'ItemCollection' as const,
    filter: page.filter,
    items: page.items.map(itemResource),
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
    pageCount: page.pageCount,
    first: at(1),
    last: at(page.pageCount),
    prev: page.page > 1 ? at(page.page - 1) : null,
    next: page.page < page.pageCount ? at(page.page + 1) : null,
    counts: page.counts,
  };
}

export function userResource(user: User, counts: Counts) {
  return {
    id: user.id,
    self: `${prefix}/user`,
    kind: 'User' as const,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt,
    items: itemsUrl,
    counts,
  };
}
