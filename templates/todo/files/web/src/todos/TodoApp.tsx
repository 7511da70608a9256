import { useEffect, useState } from 'react';
import type { Api, User } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { LanguageSwitch } from '../LanguageSwitch';
import { Problem } from '../Problem';
import { Footer } from './Footer';
import { NewTodo } from './NewTodo';
import { filterOf } from './todo';
import { TodoList } from './TodoList';
import { useTodos } from './useTodos';

/** The current filter, from the URL's hash: the links change it, and so do the back and forward buttons. */
function useHashFilter() {
  const [filter, setFilter] = useState(() => filterOf(window.location.hash));
  useEffect(() => {
    const follow = () => setFilter(filterOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return filter;
}

/** The signed-in app: TodoMVC's section.todoapp, and below it who is signed in and the language. */
export function TodoApp({ api }: { api: Api }) {
  const { t } = useI18n();
  const filter = useHashFilter();
  const list = useTodos(api);
  const [user, setUser] = useState<User | null>(null);

  useEffect(() => {
    api.user().then(setUser, () => setUser(null));
  }, [api]);

  return (
    <>
      <section className="todoapp">
        <header className="header">
          <h1>{t('app.title')}</h1>
          <NewTodo onAdd={list.add} />
        </header>
        <Problem problem={list.problem} onDismiss={list.dismissProblem} />
        {!list.loaded && !list.problem && (
          <p className="loading" role="status">
            {t('loading')}
          </p>
        )}
        {list.todos.length > 0 && (
          <>
            <TodoList
              todos={list.todos}
              filter={filter}
              onToggle={list.toggle}
              onRename={list.rename}
              onDestroy={list.destroy}
              onCompleteAll={list.completeAll}
            />
            <Footer todos={list.todos} filter={filter} onClearCompleted={list.clearCompleted} />
          </>
        )}
      </section>
      <footer className="info">
        <p>{t('info.editHint')}</p>
        {user && (
          <p>
            {t('info.signedInAs', { name: user.name })} · {t('info.total', { count: list.todos.length })} ·{' '}
            <button type="button" className="link" onClick={() => void api.signOut()}>
              {t('info.signOut')}
            </button>
          </p>
        )}
        <LanguageSwitch />
      </footer>
    </>
  );
}
