import type { ComponentChildren } from 'preact';
import type { FlashMessage } from '../plugins/web.js';
import { FlashMessages } from './components/flash-messages.js';

/** What surrounds every page. src/site.ts gives the defaults; a hook may set `request.chrome` per request. */
export interface Chrome {
  siteName: string;
  tagline: string;
  description: string;
  footer: string;
  /** Links in the header's navigation landmark. */
  nav?: { href: string; label: string }[];
  /** Rendered at the end of the header (e.g. a log-out button). */
  actions?: ComponentChildren;
  /** Set as <html data-theme>: app.css has light and dark; "auto" follows the system. */
  theme?: string;
  /** Stylesheets after /static/app.css. */
  styles?: string[];
}

export interface LayoutProps {
  title: string;
  flash: FlashMessage[];
  chrome: Chrome;
  /** The path of this page, to mark its link in the navigation. */
  path: string;
  children: ComponentChildren;
}

/** The frame of every page (Jinja2's base.html): pages fill the main landmark. */
export function Layout({ title, flash, chrome, path, children }: LayoutProps) {
  return (
    <html lang="en" data-theme={chrome.theme ?? 'auto'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={chrome.description} />
        <meta name="htmx-config" content='{"allowEval":false,"includeIndicatorStyles":false,"historyCacheSize":0}' />
        <title>{title === chrome.siteName ? title : `${title} · ${chrome.siteName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {chrome.styles?.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script src="/static/vendor/htmx/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="site-title">
            <a class="brand" href="/">
              {chrome.siteName}
            </a>
            <p class="tagline">{chrome.tagline}</p>
          </div>
          {chrome.nav?.length ? (
            <nav class="site-nav" aria-label="Main">
              {chrome.nav.map((link) => (
                <a href={link.href} aria-current={link.href === path ? 'page' : undefined}>
                  {link.label}
                </a>
              ))}
            </nav>
          ) : null}
          {chrome.actions ? <div class="site-actions">{chrome.actions}</div> : null}
        </header>
        <main id="main">
          <FlashMessages messages={flash} />
          {children}
        </main>
        <footer class="site-footer">
          <p>{chrome.footer}</p>
        </footer>
      </body>
    </html>
  );
}
