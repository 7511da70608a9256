/**
 * The languages of this app, and how a list of preferences (an Accept-Language header, the browser's
 * navigator.languages) picks one. Pure TypeScript with no Node or DOM import: the API (src/core/i18n.ts) and the
 * SPA (web/src/i18n/) use this same file, so both sides agree on the language.
 */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/**
 * The locale for one language tag, or undefined. Tags are compared after `Intl.Locale#maximize()`, which fills in
 * the likely script and region: zh, zh-CN, zh-SG, zh-Hans and zh-Hans-CN all become zh-Hans-…, so they all get
 * 简体中文. Traditional Chinese (zh-TW, zh-HK: zh-Hant-…) gets it too: closer to its readers than English, until a
 * zh-TW catalogue exists. A malformed tag matches nothing.
 */
export function localeOf(tag: string): Locale | undefined {
  let language: string;
  try {
    language = new Intl.Locale(tag).maximize().language;
  } catch {
    return undefined;
  }
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}

/** The best locale for a list of tags, most preferred first (navigator.languages); the default when none fits. */
export function pickLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

/**
 * The best locale for an Accept-Language header (RFC 9110 §12.5.4): `zh-CN,zh;q=0.9,en;q=0.8`. Tags are tried by
 * q-value, highest first (ties keep their order); q=0 means "not this one"; `*` means "anything", the default.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return pickLocale(ranked.map(({ tag }) => (tag === '*' ? defaultLocale : tag)));
}
