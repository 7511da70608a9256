import { describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/core/site-url.js';

describe('siteUrl', () => {
  it('is SITE_URL without its trailing slash', () => {
    expect(siteUrl({ SITE_URL: 'https://example.com/', PORT: 3000 })).toBe('https://example.com');
  });

  it('follows PORT when SITE_URL is unset', () => {
    expect(siteUrl({ PORT: 4321 })).toBe('http://127.0.0.1:4321');
  });
});
