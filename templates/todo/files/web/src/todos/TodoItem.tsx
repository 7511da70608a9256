import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { maxTitleLength, type Todo } from './todo';

export interface TodoItemProps {
  todo: Todo;
  onToggle: (todo: Todo) => void;
  onRename: (todo: Todo, title: string) => void;
  onDestroy: (todo: Todo) => void;
}

/**
 * One todo, in TodoMVC's markup (li > div.view > input.toggle + label + button.destroy, input.edit while
 * editing): double-click the label to edit; Enter or leaving the field saves, Escape cancels.
 */
export function TodoItem({ todo, onToggle, onRename, onDestroy }: TodoItemProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(todo.title);
  // Set at once (state updates later): an Escape or an Enter ends the edit before the blur that follows it.
  const open = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  const edit = () => {
    open.current = true;
    setDraft(todo.title);
    setEditing(true);
  };
  const close = (save: boolean) => {
    if (!open.current) return;
    open.current = false;
    setEditing(false);
    if (save) onRename(todo, draft);
  };

  const classes = [todo.completed && 'completed', editing && 'editing'].filter(Boolean).join(' ');
  return (
    <li className={classes || undefined}>
      <div className="view">
        <input
          className="toggle"
          type="checkbox"
          checked={todo.completed}
          onChange={() => onToggle(todo)}
          aria-labelledby={labelId}
        />
        <label id={labelId} onDoubleClick={edit} title={t('item.added', { date: new Date(todo.createdAt) })}>
          {todo.title}
        </label>
        <button
          className="destroy"
          aria-label={t('item.delete', { title: todo.title })}
          onClick={() => onDestroy(todo)}
        />
      </div>
      {editing && (
        <input
          ref={input}
          className="edit"
          aria-label={t('item.edit')}
          value={draft}
          maxLength={maxTitleLength}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => close(true)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (event.key === 'Enter') close(true);
            else if (event.key === 'Escape') close(false);
          }}
        />
      )}
    </li>
  );
}
