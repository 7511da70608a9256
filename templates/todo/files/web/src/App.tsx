import 'todomvc-app-css/index.css';
import './app.css';
import { useEffect, useMemo, useState } from 'react';
import { Welcome } from './account/Welcome';
import { createApi } from './api/client';
import { sessionStore } from './api/session';
import { I18nProvider, useI18n } from './i18n/I18n';
import { type MessageKey, requestLocale } from './i18n/messages';
import { TodoApp } from './todos/TodoApp';

/** The whole SPA (web/src/main.tsx renders it): the language around everything, then signed in or not. */
export function App() {
  return (
    <I18nProvider>
      <Screens />
    </I18nProvider>
  );
}

function Screens() {
  const { locale, t } = useI18n();
  const [signedIn, setSignedIn] = useState(() => sessionStore.load() !== null);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  useEffect(() => {
    document.title = t('app.title');
  }, [locale, t]);
  const api = useMemo(
    () =>
      createApi({
        session: sessionStore,
        locale: requestLocale,
        onSignedOut: (reason) => {
          setNotice(reason === 'expired' ? 'session.ended' : 'session.signedOut');
          setSignedIn(false);
        },
      }),
    [],
  );

  if (!signedIn) {
    return (
      <Welcome
        api={api}
        notice={notice && t(notice)}
        onSignedIn={() => {
          setNotice(null);
          setSignedIn(true);
        }}
      />
    );
  }
  return <TodoApp api={api} />;
}
