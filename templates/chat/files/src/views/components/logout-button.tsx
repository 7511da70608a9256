import { CsrfField } from './csrf-field.js';

/** Signing out changes state, so it is a form (with its CSRF token), not a link another site could embed. */
export function LogoutButton() {
  return (
    <form method="post" action="/logout" class="inline-form">
      <CsrfField />
      <button type="submit" class="link-button">
        Sign out
      </button>
    </form>
  );
}
