import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';

export interface RegisterPageProps {
  values?: { email?: string; nickname?: string };
  errors?: Partial<Record<'email' | 'nickname' | 'password', string>>;
}

export function RegisterPage({ values = {}, errors = {} }: RegisterPageProps) {
  return (
    <section class="card narrow" aria-labelledby="register-title">
      <h1 id="register-title">Create an account</h1>
      <form method="post" action="/register" novalidate>
        <CsrfField />
        <Field
          name="email"
          label="E-mail"
          type="email"
          value={values.email}
          error={errors.email}
          required
          autocomplete="email"
          maxLength={254}
          hint="Only for signing in, and for your avatar's picture; nobody else sees it."
        />
        <Field
          name="nickname"
          label="Nickname"
          value={values.nickname}
          error={errors.nickname}
          required
          autocomplete="nickname"
          maxLength={30}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          error={errors.password}
          required
          autocomplete="new-password"
        />
        <button type="submit">Create the account</button>
      </form>
      <p>
        Already registered? <a href="/login">Sign in</a>.
      </p>
    </section>
  );
}
