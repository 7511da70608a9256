import { usePageContext } from '../page-context.js';

/** The hidden field every form carries: src/plugins/web.ts rejects a state-changing request without it. */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={usePageContext().csrfToken()} />;
}
