import { AppError } from '../core/errors.js';
import { type Page, pageWindow } from '../core/pagination.js';
import type { Item } from '../db/schema/index.js';
import type { Counts, Filter, ItemChanges, ItemRepository } from '../repositories/item-repository.js';

/** How many todos one list may hold: a bound on what one account can store (and on what the SPA loads). */
export const maxItemsPerUser = 500;

export interface ListQuery {
  filter: Filter;
  page: number;
  pageSize: number;
}

/** One page of a user's items, with the filter it was made with and the counts the SPA's footer shows. */
export interface ItemPage extends Page<Item> {
  filter: Filter;
  counts: Counts;
}

const notFound = (id: number) => new AppError('not_found', `There is no item ${id}.`);

/**
 * The rules of a todo list. Each method takes the user it acts for; the repository scopes every query by that
 * user, so another user's item is "not found" (404), never "forbidden": its existence is nobody else's business.
 * Titles arrive trimmed and bounded (src/schemas/item.ts).
 */
export class ItemService {
  constructor(
    private readonly items: ItemRepository,
    private readonly maxItems = maxItemsPerUser,
  ) {}

  async list(userId: number, { filter, page, pageSize }: ListQuery): Promise<ItemPage> {
    const counts = await this.items.counts(userId);
    const total = counts[filter];
    const { offset, pageCount } = pageWindow(page, pageSize, total);
    const items = await this.items.list(userId, filter, offset, pageSize);
    return { items, page, pageSize, total, pageCount, filter, counts };
  }

  async get(userId: number, id: number): Promise<Item> {
    const item = await this.items.find(userId, id);
    if (!item) throw notFound(id);
    return item;
  }

  async create(userId: number, input: { title: string; completed?: boolean }): Promise<Item> {
    const { all } = await this.items.counts(userId);
    if (all >= this.maxItems)
      throw new AppError('conflict', `A list holds at most ${this.maxItems} todos. Clear some first.`);
    const [item] = await this.items.create(userId, [input]);
    if (!item) throw new Error('insert returned no row');
    return item;
  }

  async update(userId: number, id: number, changes: ItemChanges): Promise<Item> {
    const item = await this.items.update(userId, id, changes);
    if (!item) throw notFound(id);
    return item;
  }

  async remove(userId: number, id: number): Promise<void> {
    if (!(await this.items.delete(userId, id))) throw notFound(id);
  }

  /** TodoMVC's "Mark all as complete" (and its opposite): every item of the list at once. */
  async completeAll(userId: number, completed: boolean): Promise<{ updated: number; counts: Counts }> {
    const updated = await this.items.completeAll(userId, completed);
    return { updated, counts: await this.items.counts(userId) };
  }

  /** TodoMVC's "Clear completed". */
  async clearCompleted(userId: number): Promise<{ deleted: number; counts: Counts }> {
    const deleted = await this.items.deleteCompleted(userId);
    return { deleted, counts: await this.items.counts(userId) };
  }

  counts(userId: number): Promise<Counts> {
    return this.items.counts(userId);
  }
}
