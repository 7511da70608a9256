/**
 * The site's public address, without a trailing slash, for the links it sends out (e-mails, OAuth's callback):
 * SITE_URL, or this machine at the port the app listens on — so a development server moved to another PORT
 * still sends links that open.
 */
export function siteUrl(config: { SITE_URL?: string | undefined; PORT: number }): string {
  return (config.SITE_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
}
