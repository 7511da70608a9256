import type { ComponentChildren } from 'preact';
import type { FlashMessage } from '../core/web.js';
import { site } from '../site.js';
import { FlashMessages } from './components/flash-messages.js';

export interface LayoutProps {
  title: string;
  flash: FlashMessage[];
  children: ComponentChildren;
}

/** The frame of every page (Jinja2's base.html): pages fill the main landmark. */
export function Layout({ title, flash, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={site.description} />
        <meta name="htmx-config" content='{"allowEval":false,"includeIndicatorStyles":false,"historyCacheSize":0}' />
        <title>{title === site.name ? title : `${title} · ${site.name}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {site.name}
          </a>
          <p class="tagline">{site.tagline}</p>
        </header>
        <main id="main">
          <FlashMessages messages={flash} />
          {children}
        </main>
        <footer class="site-footer">
          <p>{site.footer}</p>
        </footer>
      </body>
    </html>
  );
}
