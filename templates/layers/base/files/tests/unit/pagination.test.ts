import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { pageWindow, readPage } from '../../src/core/pagination.js';

describe('pageWindow', () => {
  it('finds where a page starts and how many pages there are', () => {
    expect(pageWindow(1, 10, 0)).toEqual({ offset: 0, pageCount: 1 });
    expect(pageWindow(2, 10, 11)).toEqual({ offset: 10, pageCount: 2 });
    expect(pageWindow(3, 10, 30)).toEqual({ offset: 20, pageCount: 3 });
  });

  it('refuses a page past the last one with a 404', () => {
    expect(() => pageWindow(4, 10, 30)).toThrowError(AppError);
    expect(() => pageWindow(2, 10, 0)).toThrowError(/There is no page 2; the last page is 1/);
  });
});

describe('readPage', () => {
  const list = Array.from({ length: 25 }, (_, i) => i + 1);
  let counts = 0;
  const read = async (offset: number, limit: number) =>
    list.slice(offset, offset + limit).map((item) => ({ item, total: list.length }));
  const count = async () => {
    counts++;
    return list.length;
  };

  it('reads a page and the total with one query', async () => {
    counts = 0;
    expect(await readPage(3, 10, read, count)).toEqual({
      items: [21, 22, 23, 24, 25],
      page: 3,
      pageSize: 10,
      total: 25,
      pageCount: 3,
    });
    expect(await readPage(1, 10, async () => [], count)).toMatchObject({ items: [], total: 0, pageCount: 1 });
    expect(counts).toBe(0);
  });

  it('counts only to refuse a page past the end, naming the last page', async () => {
    await expect(readPage(4, 10, read, count)).rejects.toThrowError(/There is no page 4; the last page is 3/);
    expect(counts).toBe(1);
  });
});
