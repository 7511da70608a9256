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
