import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** The system's Chromium (playwright-core downloads no browser): CHROMIUM_PATH, or /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * false when there is no browser to drive. On a laptop without Chromium the browser tests are skipped with a
 * loud message; with E2E_REQUIRE_BROWSER=1 (CI, the template check) a missing browser fails the run instead.
 */
export const hasBrowser = (() => {
  if (existsSync(chromiumPath)) return true;
  const message = `No browser at ${chromiumPath}: install Chromium or set CHROMIUM_PATH.`;
  if (process.env.E2E_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`\n!!! BROWSER TESTS SKIPPED. ${message}\n`);
  return false;
})();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
