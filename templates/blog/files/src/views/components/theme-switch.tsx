export const themes = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** The theme in the cookie, if it is one of ours. */
export function themeOf(cookie: string | undefined): Theme {
  return themes.find((theme) => theme === cookie) ?? 'auto';
}

/** Links that set the theme cookie and come back to this page (Bluelog's theme switch). */
export function ThemeSwitch({ current, next }: { current: Theme; next: string }) {
  return (
    <nav class="theme-switch" aria-label="Theme">
      {themes.map((theme) => (
        <a
          href={`/theme/${theme}?next=${encodeURIComponent(next)}`}
          aria-current={theme === current ? 'true' : undefined}
          rel="nofollow"
        >
          {theme}
        </a>
      ))}
    </nav>
  );
}
