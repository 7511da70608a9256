import type { Page } from '../../core/pagination.js';

export interface PaginationProps {
  page: Page<unknown>;
  /** The list's URL (with its own query, if any); page=N is added. */
  href: string;
  /** With htmx, a link swaps only this element (a CSS selector) and keeps the address bar in step. */
  swap?: string;
  /** Labels of the links to the previous and the next page. */
  labels?: [previous: string, next: string];
}

/** Previous/next links, usable without JavaScript; with htmx they replace only the list. */
export function Pagination({ page, href, swap, labels = ['← Previous', 'Next →'] }: PaginationProps) {
  if (page.pageCount <= 1) return null;
  const link = (to: number, label: string, rel: string) => {
    const url = to === 1 ? href : `${href}${href.includes('?') ? '&' : '?'}page=${to}`;
    const htmx = swap ? { 'hx-get': url, 'hx-target': swap, 'hx-swap': 'outerHTML', 'hx-push-url': 'true' } : {};
    return (
      <a href={url} rel={rel} {...htmx}>
        {label}
      </a>
    );
  };
  return (
    <nav class="pagination" aria-label="Pagination">
      {page.page > 1 ? link(page.page - 1, labels[0], 'prev') : <span />}
      <span aria-current="page">
        Page {page.page} of {page.pageCount}
      </span>
      {page.page < page.pageCount ? link(page.page + 1, labels[1], 'next') : <span />}
    </nav>
  );
}
