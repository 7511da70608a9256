import type { FormatXMLElementFn } from 'intl-messageformat';
import { createContext, Fragment, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  initialLocale,
  setRequestLocale,
  type Locale,
  message,
  type MessageKey,
  rememberLocale,
  type Values,
} from './messages';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A message as text. */
  t: (key: MessageKey, values?: Values) => string;
  /** A message with markup: its tags (`<strong>#</strong>`) become the elements `tags` makes. */
  rich: (key: MessageKey, values: Values, tags: Record<string, (children: ReactNode) => ReactNode>) => ReactNode;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The language of the UI (国际化与本地化): detected from the browser on the first visit, switchable, remembered.
 * `<html lang>` follows it, so that screen readers pronounce the page in the right language, and so does every
 * request to the API (Accept-Language, web/src/api/client.ts), whose error messages come back translated.
 */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
    setRequestLocale(locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => String(message(locale, key).format(values)),
      rich: (key, values, tags) => {
        const elements: Record<string, FormatXMLElementFn<ReactNode>> = Object.fromEntries(
          Object.entries(tags).map(([tag, make]) => [tag, (chunks: ReactNode[]) => make(chunks)]),
        );
        const parts = message(locale, key).format<ReactNode>({ ...values, ...elements });
        return Array.isArray(parts) ? parts.map((part, i) => <Fragment key={i}>{part}</Fragment>) : parts;
      },
    }),
    [locale, setLocale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
