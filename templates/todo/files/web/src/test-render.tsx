import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from './i18n/I18n';
import type { Locale } from './i18n/messages';
import type { Todo } from './todos/todo';

/** Renders a component inside the language provider, in the given language. */
export function renderIn(locale: Locale, ui: ReactElement) {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}

let n = 0;
export function todo(title: string, completed = false): Todo {
  n += 1;
  return { key: `t${n}`, id: n, title, completed, createdAt: '2026-05-01T12:00:00.000Z' };
}
