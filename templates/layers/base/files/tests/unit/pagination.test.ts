import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { pageWindow } from '../../src/core/pagination.js';

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
