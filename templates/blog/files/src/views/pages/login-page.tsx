import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';

export interface LoginPageProps {
  /** Where to go after logging in (already checked to be a path of this site). */
  next: string;
  username?: string;
  error?: string;
}

export function LoginPage({ next, username, error }: LoginPageProps) {
  return (
    <section class="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/login" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field name="username" label="Username" value={username} required autocomplete="username" maxLength={40} />
        <Field name="password" label="Password" type="password" required autocomplete="current-password" />
        <button type="submit">Log in</button>
      </form>
    </section>
  );
}
