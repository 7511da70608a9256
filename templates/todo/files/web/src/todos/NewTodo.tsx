import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { maxTitleLength } from './todo';

/** The field at the top: Enter adds what was typed, trimmed (nothing when it is empty), and empties the field. */
export function NewTodo({ onAdd }: { onAdd: (title: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <>
      <label className="visually-hidden" htmlFor="new-todo">
        {t('new.label')}
      </label>
      <input
        id="new-todo"
        className="new-todo"
        placeholder={t('new.placeholder')}
        autoFocus
        maxLength={maxTitleLength}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter also confirms a word in an input method (拼音): that Enter is not the end of the todo.
          if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
          const title = text.trim();
          if (title) onAdd(title);
          setText('');
        }}
      />
    </>
  );
}
