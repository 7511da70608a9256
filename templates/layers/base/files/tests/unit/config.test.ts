import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, readEnvironment, secretNames } from '../../src/core/config.js';

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

describe('readEnvironment (what `npm run dev`, `npm start` and the commands read)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  const envFile = join(dir, '.env');
  const secretsFile = join(dir, 'data', 'dev-secrets.json');
  afterEach(() => vi.unstubAllEnvs());

  it('reads .env, and a variable set in the environment wins over the file', () => {
    writeFileSync(envFile, 'PORT=4100\nLOG_LEVEL=debug\n');
    vi.stubEnv('LOG_LEVEL', 'warn');
    expect(readEnvironment(envFile, secretsFile)).toMatchObject({ PORT: '4100', LOG_LEVEL: 'warn' });
  });

  it('works without a .env file, and says so when .env cannot be read', () => {
    expect(readEnvironment(join(dir, 'missing.env'), secretsFile).PORT).toBeUndefined();
    mkdirSync(join(dir, 'a-directory.env'));
    expect(() => readEnvironment(join(dir, 'a-directory.env'), secretsFile)).toThrowError(/EISDIR/);
  });

  it('in development, keeps generated secrets in a private file, so sessions survive a restart', () => {
    vi.stubEnv('NODE_ENV', 'development');
    for (const name of secretNames()) vi.stubEnv(name, '');
    const first = readEnvironment(envFile, secretsFile);
    const second = readEnvironment(envFile, secretsFile);
    for (const name of secretNames()) {
      expect(first[name]?.length).toBeGreaterThanOrEqual(32);
      expect(second[name]).toBe(first[name]);
    }
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const [name] = secretNames();
    expect(name).toBeDefined();
    if (name) {
      vi.stubEnv(name, 'y'.repeat(32));
      expect(readEnvironment(envFile, secretsFile)[name]).toBe('y'.repeat(32));
    }
  });

  it('in development, replaces an unreadable secrets file instead of failing', () => {
    vi.stubEnv('NODE_ENV', 'development');
    for (const name of secretNames()) vi.stubEnv(name, '');
    writeFileSync(secretsFile, '{ not json');
    const env = readEnvironment(envFile, secretsFile);
    expect(JSON.parse(readFileSync(secretsFile, 'utf8'))).toEqual(
      Object.fromEntries(secretNames().map((name) => [name, env[name]])),
    );
  });

  it('outside development, makes no secrets and writes no file', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const elsewhere = join(dir, 'production', 'dev-secrets.json');
    readEnvironment(envFile, elsewhere);
    expect(() => statSync(elsewhere)).toThrowError(/ENOENT/);
  });
});
