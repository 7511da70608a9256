import { useI18n } from './i18n/I18n';
import { type Locale, locales } from './i18n/messages';

/** Each language named in itself, so that whoever cannot read the current one still finds theirs. */
const names: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <p className="language">
      <label htmlFor="language">{t('language.label')}</label>{' '}
      <select id="language" value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {locales.map((each) => (
          <option key={each} value={each} lang={each}>
            {names[each]}
          </option>
        ))}
      </select>
    </p>
  );
}
