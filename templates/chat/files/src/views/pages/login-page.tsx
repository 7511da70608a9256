import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';

export interface LoginPageProps {
  /** Where to go after signing in (already checked to be a path of this site). */
  next: string;
  email?: string;
  error?: string;
  /** The third-party provider's name, when one is set up. */
  provider?: string;
}

export function LoginPage({ next, email, error, provider }: LoginPageProps) {
  return (
    <section class="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/login" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field name="email" label="E-mail" type="email" value={email} required autocomplete="email" maxLength={254} />
        <Field name="password" label="Password" type="password" required autocomplete="current-password" />
        <button type="submit">Sign in</button>
      </form>
      {provider ? (
        <p class="oauth">
          <a class="button" href={`/oauth/login?next=${encodeURIComponent(next)}`}>
            Sign in with {provider}
          </a>
        </p>
      ) : null}
      <p>
        No account yet? <a href="/register">Create an account</a>.
      </p>
    </section>
  );
}
