import { describe, expect, it } from 'vitest';
import { negotiateLocale, pickLocale } from '../../src/core/locale.js';
import { zhCN } from '../../src/core/messages-zh-cn.js';
import { placeholders, translator } from '../../src/core/translate.js';

describe('choosing the language', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['zh;q=0, en', 'en'],
    ['fr-FR, zh;q=0.3', 'zh-CN'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['', 'en'],
    ['not a language tag, ###', 'en'],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('reads navigator.languages in order', () => {
    expect(pickLocale(['fr', 'zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale([])).toBe('en');
  });
});

describe('translating the API’s messages', () => {
  const translate = translator(zhCN);

  it('translates known messages, fills in their varying parts, leaves unknown ones alone', () => {
    expect(translate('Wrong e-mail or password.')).toBe('邮箱或密码错误。');
    expect(translate('There is no item 42.')).toBe('没有编号为 42 的待办事项。');
    expect(translate('Nothing at GET /api/v1/nope.')).toBe('GET /api/v1/nope 不存在。');
    expect(translate('Something nobody translated.')).toBe('Something nobody translated.');
  });

  it('every translation keeps the placeholders of its English text', () => {
    for (const [english, chinese] of Object.entries(zhCN))
      expect({ english, names: placeholders(chinese).sort() }).toEqual({
        english,
        names: placeholders(english).sort(),
      });
  });
});
