import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What a view may need from the request it is rendered for, without every page passing it down. */
export interface PageContext {
  /** The CSRF token for a form on this page: made when a form first asks, so a page without a form makes none. */
  csrfToken(): string;
}

export const PageContext = createContext<PageContext>({
  csrfToken() {
    throw new Error('A form was rendered outside reply.page() or reply.fragment(), which provide its CSRF token.');
  },
});

export function usePageContext(): PageContext {
  return useContext(PageContext);
}
