import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, useI18n } from './i18n/I18n';
import { requestLocale } from './i18n/messages';
import { LanguageSwitch } from './LanguageSwitch';

function Title() {
  const { t } = useI18n();
  return <h1>{t('new.placeholder')}</h1>;
}

const app = () =>
  render(
    <I18nProvider>
      <Title />
      <LanguageSwitch />
    </I18nProvider>,
  );

describe('the language', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts in the browser’s language (zh, zh-CN, zh-Hans-CN → 简体中文)', () => {
    for (const languages of [['zh'], ['zh-CN', 'en'], ['zh-Hans-CN'], ['fr', 'zh-SG']]) {
      vi.stubGlobal('navigator', { languages });
      const view = app();
      expect(screen.getByRole('heading').textContent).toBe('接下来要做什么？');
      view.unmount();
    }
    vi.stubGlobal('navigator', { languages: ['de-DE', 'en-GB'] });
    app();
    expect(screen.getByRole('heading').textContent).toBe('What needs to be done?');
  });

  it('switches, is remembered, and sets <html lang> and the language the API is asked for', async () => {
    vi.stubGlobal('navigator', { languages: ['en-US'] });
    const first = app();
    await userEvent.setup().selectOptions(screen.getByLabelText('Language · 语言'), '简体中文');
    expect(screen.getByRole('heading').textContent).toBe('接下来要做什么？');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(requestLocale()).toBe('zh-CN');
    expect(screen.getByLabelText('语言 · Language')).toBeTruthy();
    first.unmount();

    app();
    expect(screen.getByRole('heading').textContent).toBe('接下来要做什么？');
  });
});
