import { useI18n } from '../i18n/I18n';
import { type Filter, type Todo, visible } from './todo';
import { TodoItem, type TodoItemProps } from './TodoItem';

interface TodoListProps extends Omit<TodoItemProps, 'todo'> {
  todos: Todo[];
  filter: Filter;
  onCompleteAll: (completed: boolean) => void;
}

/** TodoMVC's section.main: "Mark all as complete" and the todos the current filter shows. */
export function TodoList({ todos, filter, onCompleteAll, ...itemProps }: TodoListProps) {
  const { t } = useI18n();
  // Checked when every todo is completed; clicking it then makes them all active again.
  const allCompleted = todos.length > 0 && todos.every((todo) => todo.completed);
  return (
    <section className="main">
      <input
        id="toggle-all"
        className="toggle-all"
        type="checkbox"
        checked={allCompleted}
        onChange={() => onCompleteAll(!allCompleted)}
      />
      <label htmlFor="toggle-all">{t('main.toggleAll')}</label>
      <ul className="todo-list">
        {visible(todos, filter).map((todo) => (
          <TodoItem key={todo.key} todo={todo} {...itemProps} />
        ))}
      </ul>
    </section>
  );
}
