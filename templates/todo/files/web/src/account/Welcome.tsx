import { type FormEvent, useState } from 'react';
import { type Api, ApiError } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { LanguageSwitch } from '../LanguageSwitch';

/**
 * Signed out: a demo account in one click (the book's 生成测试账户), signing in, or making an account. Each ends
 * with tokens from the OAuth password grant (web/src/api/client.ts); then `onSignedIn` shows the list.
 */
export function Welcome({ api, notice, onSignedIn }: { api: Api; notice: string | null; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      onSignedIn();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t('error.network'));
      setBusy(false);
    }
  };
  const submit = (work: (form: FormData) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(() => work(form));
  };
  const field = (form: FormData, name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };

  return (
    <>
      <section className="todoapp welcome">
        <header className="header">
          <h1>{t('app.title')}</h1>
        </header>
        <div className="welcome-body">
          <p>{t('welcome.intro')}</p>
          {notice && <p role="status">{notice}</p>}
          {problem && <p role="alert">{problem}</p>}
          <p>
            <button type="button" className="primary" disabled={busy} onClick={() => void attempt(() => api.demo())}>
              {t('welcome.demo')}
            </button>{' '}
            {t('welcome.demoHint')}
          </p>
          <form
            aria-labelledby="sign-in"
            onSubmit={submit((form) => api.signIn(field(form, 'email'), field(form, 'password')))}
          >
            <h2 id="sign-in">{t('signIn.title')}</h2>
            <label>
              {t('signIn.email')}
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <label>
              {t('signIn.password')}
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <button type="submit" disabled={busy}>
              {t('signIn.submit')}
            </button>
          </form>
          <form
            aria-labelledby="sign-up"
            onSubmit={submit((form) =>
              api.signUp({ name: field(form, 'name'), email: field(form, 'email'), password: field(form, 'password') }),
            )}
          >
            <h2 id="sign-up">{t('signUp.title')}</h2>
            <label>
              {t('signUp.name')}
              <input name="name" autoComplete="name" required maxLength={80} />
            </label>
            <label>
              {t('signUp.email')}
              <input name="email" type="email" autoComplete="email" required />
            </label>
            <label>
              {t('signUp.password')}
              <input name="password" type="password" autoComplete="new-password" required minLength={8} />
            </label>
            <button type="submit" disabled={busy}>
              {t('signUp.submit')}
            </button>
          </form>
        </div>
      </section>
      <footer className="info">
        <LanguageSwitch />
      </footer>
    </>
  );
}
