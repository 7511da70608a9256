import { IntlMessageFormat } from 'intl-messageformat';
import { defaultLocale, type Locale, pickLocale } from '../../../src/core/locale.js';
import en from './en.json';
import zhCN from './zh-CN.json';

export { locales, type Locale } from '../../../src/core/locale.js';

/** Every message of the UI, by key: en.json is the reference; a key zh-CN.json lacks fails the type check. */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

/**
 * The message catalogues (Flask-Babel's .po files): ICU MessageFormat, so that plurals, numbers and dates are
 * the translator's business, not the code's: `{count, plural, one {# item left} other {# items left}}` in
 * English, `{count, plural, other {还剩 # 项}}` in Chinese, which has no plural forms.
 */
export const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };

/** What a message's arguments may be: text, numbers and dates. */
export type Values = Record<string, string | number | Date>;

const compiled = new Map<string, IntlMessageFormat>();

/** A message compiled once per locale and key (parsing ICU is the slow part). */
export function message(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogues[locale][key], locale);
    compiled.set(id, format);
  }
  return format;
}

const storageKey = 'todo.locale';

/** The language to start in: the one chosen before (kept in localStorage), else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator === 'undefined' ? defaultLocale : pickLocale(navigator.languages);
}

let forRequests: Locale = defaultLocale;

/** The language the API is asked to answer in (Accept-Language): the UI's, set by <I18nProvider>. */
export const requestLocale = (): Locale => forRequests;

export function setRequestLocale(locale: Locale): void {
  forRequests = locale;
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
}
