import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseEnv } from 'node:util';
import type { z } from 'zod';
import { envSchema } from './env.js';

type Env = z.infer<typeof envSchema>;
type SecretName = Extract<keyof Env, `${string}_SECRET`>;

/** The app's configuration: the validated environment, with every secret present. */
export type Config = Omit<Env, SecretName> & Record<SecretName, string>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from an environment (process.env by default). Empty values count as unset, so the
 * lines of `.env.example` copied as they are give a working development setup.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const parsed = result.data;
  const secrets = {} as Record<SecretName, string>;
  const missing: string[] = [];
  for (const name of secretNames()) {
    const value = parsed[name];
    if (value !== undefined) secrets[name] = value;
    else if (parsed.NODE_ENV === 'production') missing.push(name);
    else secrets[name] = randomBytes(32).toString('base64url');
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `Missing in production: ${missing.join(', ')}. Set each to a random value of 32+ characters, e.g. the ` +
        `output of: node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`,
    );
  }
  return { ...parsed, ...secrets };
}

/**
 * The environment a command runs with: process.env, over the values of a `.env` file if there is one, with
 * development secrets filled in. Tests call loadConfig with their own values instead.
 */
export function readEnvironment(
  envFile = '.env',
  secretsFile = './data/dev-secrets.json',
): Record<string, string | undefined> {
  let fromFile: Record<string, string | undefined> = {};
  try {
    fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return withDevelopmentSecrets({ ...fromFile, ...process.env }, secretsFile);
}

/**
 * In development, keeps generated secrets in a git-ignored file so that sessions survive the restarts of
 * `npm run dev`. Values set in the environment win; other environments are returned unchanged.
 */
function withDevelopmentSecrets(
  env: Record<string, string | undefined>,
  file: string,
): Record<string, string | undefined> {
  if ((env.NODE_ENV ?? 'development') !== 'development') return env;
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // First run, or an unreadable file: make new secrets below.
  }
  const missing = secretNames().filter((name) => !env[name] && !stored[name]);
  if (missing.length > 0) {
    for (const name of missing) stored[name] = randomBytes(32).toString('base64url');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { ...stored, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value)) };
}

/** The names of the secrets: every variable named *_SECRET. */
export function secretNames(): SecretName[] {
  return (Object.keys(envSchema.shape) as (keyof Env)[]).filter((name): name is SecretName => name.endsWith('_SECRET'));
}
