import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretNames } from '../../src/core/config.js';

const strong = 'x'.repeat(32);
const allSecrets = Object.fromEntries(secretNames().map((name) => [name, strong]));

describe('loadConfig', () => {
  it('works with nothing set: development defaults and generated secrets', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      PGLITE_DATA_DIR: './data/pglite',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    for (const name of secretNames()) expect(config[name].length).toBeGreaterThanOrEqual(32);
  });

  it('treats empty values as unset, so a copied .env.example works', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('names every invalid variable and why', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/app', TRUST_PROXY: 'maybe' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'TRUST_PROXY'])
      expect((error as Error).message).toContain(`\n  ${name}: `);
  });

  it('requires every secret in production, at least 32 characters each', () => {
    for (const name of secretNames()) {
      expect(() => loadConfig({ NODE_ENV: 'production', ...allSecrets, [name]: '' })).toThrowError(
        new RegExp(`Missing in production: ${name}`),
      );
      expect(() => loadConfig({ NODE_ENV: 'production', ...allSecrets, [name]: 'short' })).toThrowError(
        new RegExp(`${name}: must be at least 32 characters`),
      );
    }
    expect(loadConfig({ NODE_ENV: 'production', ...allSecrets }).NODE_ENV).toBe('production');
  });

  it('reads booleans and numbers from text', () => {
    expect(loadConfig({ TRUST_PROXY: 'true', PORT: '8080' })).toMatchObject({ TRUST_PROXY: true, PORT: 8080 });
  });
});
