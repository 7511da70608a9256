import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogues, locales, message } from './messages';

/** The names of a message's arguments and tags, read from its parsed form (not by a regular expression). */
function argumentsOf(source: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: unknown; options?: object; children?: unknown[] }[]) {
      // 0 literal and 7 pound (#) carry no name; 8 is a tag (<strong>), the others are arguments.
      if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') names.add(element.value);
      if (element.children) walk(element.children);
      for (const option of Object.values(element.options ?? {}) as { value: unknown[] }[]) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, locale).getAst());
  return [...names].sort();
}

describe('the message catalogues', () => {
  const [reference, ...others] = locales;

  it.each(others)('%s has every message of en and no other', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(catalogues[reference]).sort());
  });

  it.each(locales)('%s: every message is valid ICU with the arguments and tags of its English original', (locale) => {
    for (const [key, source] of Object.entries(catalogues[locale])) {
      const english = catalogues.en[key as keyof typeof catalogues.en];
      expect({ key, arguments: argumentsOf(source, locale) }).toEqual({ key, arguments: argumentsOf(english, 'en') });
    }
  });

  it('counts in each language’s own plural rules', () => {
    const left = (locale: 'en' | 'zh-CN', count: number) =>
      message(locale, 'footer.itemsLeft')
        .format<string>({ count, strong: (chunks) => chunks.join('') })
        .toString()
        .replaceAll(',', '');
    expect([0, 1, 2].map((count) => left('en', count))).toEqual(['0 items left', '1 item left', '2 items left']);
    expect([0, 1, 2].map((count) => left('zh-CN', count))).toEqual(['还剩 0 项', '还剩 1 项', '还剩 2 项']);
    expect(left('en', 1200)).toBe('1200 items left');
  });

  it('formats dates for the locale', () => {
    const date = new Date(Date.UTC(2026, 4, 1, 12, 0));
    expect(message('en', 'item.added').format({ date })).toMatch(/^Added May 1, 2026/);
    expect(message('zh-CN', 'item.added').format({ date })).toMatch(/^添加于 2026年5月1日/);
  });
});
