import { AppError } from './errors.js';

/** One page of a list, with what a page navigation needs to know. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** Where a page starts; a page past the last one is a 404, as Flask-SQLAlchemy's paginate() does. */
export function pageWindow(page: number, pageSize: number, total: number): { offset: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) throw new AppError('not_found', `There is no page ${page}; the last page is ${pageCount}.`);
  return { offset: (page - 1) * pageSize, pageCount };
}

/** A row of a page, with the number of rows of the whole list (SQL: `count(*) over ()`). */
export interface Counted<T> {
  item: T;
  total: number;
}

/**
 * A page from one query instead of a count and a select: `read(offset, limit)` returns the page's rows, each
 * carrying the total of the whole list. Only a page past the end, which has no row to carry it, costs a second
 * query (`count`), for the 404 that names the last page.
 */
export async function readPage<T>(
  page: number,
  pageSize: number,
  read: (offset: number, limit: number) => Promise<Counted<T>[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const rows = await read((page - 1) * pageSize, pageSize);
  const total = rows[0]?.total ?? (page > 1 ? await count() : 0);
  const { pageCount } = pageWindow(page, pageSize, total);
  return { items: rows.map((row) => row.item), page, pageSize, total, pageCount };
}
