/** The hidden field every form carries: src/core/web.ts rejects a state-changing request without it. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
