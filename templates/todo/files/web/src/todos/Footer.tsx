import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import type { Filter, Todo } from './todo';

const filters: { filter: Filter; href: string; label: MessageKey }[] = [
  { filter: 'all', href: '#/', label: 'filter.all' },
  { filter: 'active', href: '#/active', label: 'filter.active' },
  { filter: 'completed', href: '#/completed', label: 'filter.completed' },
];

/**
 * TodoMVC's footer: how many are left (a plural that the catalogue decides: "1 item left", "2 items left",
 * "还剩 2 项"), the filters as real links (so that the back button goes back to the previous one), and "Clear
 * completed" when something is completed.
 */
export function Footer({
  todos,
  filter,
  onClearCompleted,
}: {
  todos: Todo[];
  filter: Filter;
  onClearCompleted: () => void;
}) {
  const { rich, t } = useI18n();
  const active = todos.filter((todo) => !todo.completed).length;
  return (
    <footer className="footer">
      <span className="todo-count">
        {rich('footer.itemsLeft', { count: active }, { strong: (children) => <strong>{children}</strong> })}
      </span>
      <ul className="filters">
        {filters.map((link) => (
          <li key={link.filter}>
            <a
              href={link.href}
              className={link.filter === filter ? 'selected' : undefined}
              aria-current={link.filter === filter ? 'page' : undefined}
            >
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
      {active < todos.length && (
        <button className="clear-completed" onClick={onClearCompleted}>
          {t('footer.clearCompleted')}
        </button>
      )}
    </footer>
  );
}
