import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';

type Errors = Partial<Record<string, string>>;
type Values = Partial<Record<string, string>>;

export function RegisterPage({ values = {}, errors = {} }: { values?: Values; errors?: Errors }) {
  return (
    <section class="narrow">
      <h1>Create an account</h1>
      <form method="post" action="/auth/register" novalidate>
        <CsrfField />
        <Field name="name" label="Name" value={values.name} error={errors.name} maxLength={40} required />
        <Field
          name="username"
          label="Username"
          value={values.username}
          error={errors.username}
          maxLength={30}
          required
          hint="Letters, digits, - and _; your page will be /users/<username>."
        />
        <Field
          name="email"
          label="E-mail"
          type="email"
          value={values.email}
          error={errors.email}
          required
          autocomplete="email"
        />
        <Field
          name="password"
          label="Password"
          type="password"
          error={errors.password}
          required
          autocomplete="new-password"
          hint="At least 8 characters."
        />
        <button type="submit">Create the account</button>
      </form>
      <p>
        Have an account? <a href="/login">Log in</a>.
      </p>
    </section>
  );
}

export function LoginPage({ next, login = '', error }: { next: string; login?: string; error?: string }) {
  return (
    <section class="narrow">
      <h1>Log in</h1>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/login">
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field name="login" label="Username or e-mail" value={login} required autocomplete="username" />
        <Field name="password" label="Password" type="password" required autocomplete="current-password" />
        <button type="submit">Log in</button>
      </form>
      <p>
        <a href="/auth/forgot">Forgot your password?</a> · <a href="/auth/register">Create an account</a>
      </p>
    </section>
  );
}

export function ForgotPage({ error }: { error?: string }) {
  return (
    <section class="narrow">
      <h1>Forgot your password?</h1>
      <p>Give the address of your account: we mail you a link to choose a new password.</p>
      <form method="post" action="/auth/forgot">
        <CsrfField />
        <Field name="email" label="E-mail" type="email" error={error} required autocomplete="email" />
        <button type="submit">Send the link</button>
      </form>
    </section>
  );
}

export function ResetPage({ token, error }: { token: string; error?: string }) {
  return (
    <section class="narrow">
      <h1>Choose a new password</h1>
      <form method="post" action="/auth/reset">
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label="New password"
          type="password"
          error={error}
          required
          autocomplete="new-password"
        />
        <button type="submit">Save the password</button>
      </form>
    </section>
  );
}

export function MessagePage({ heading, children }: { heading: string; children: preact.ComponentChildren }) {
  return (
    <section class="narrow">
      <h1>{heading}</h1>
      {children}
    </section>
  );
}
