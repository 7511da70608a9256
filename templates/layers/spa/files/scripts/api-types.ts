/**
 * `npm run api:types`: writes web/src/api/types.gen.ts, the TypeScript types of every operation of the API,
 * generated from its OpenAPI document (GET /docs/json, itself made from the routes' zod schemas). The SPA's client
 * (web/src/api/) is typed with them, so a change to a route that the SPA does not follow fails `npm run typecheck`;
 * tests/integration/api-types.test.ts fails when this file is older than the document.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import * as prettier from 'prettier';

export const apiTypesFile = resolve(import.meta.dirname, '../web/src/api/types.gen.ts');

/** The types file for an OpenAPI document, formatted as the project's Prettier settings say. */
export async function renderApiTypes(document: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'api-types-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    await createClient({
      input: join(dir, 'openapi.json'),
      output: { path: join(dir, 'out') },
      plugins: ['@hey-api/typescript'],
      logs: { level: 'silent' },
    });
    const source = await readFile(join(dir, 'out', 'types.gen.ts'), 'utf8');
    const options = await prettier.resolveConfig(apiTypesFile);
    return prettier.format(source, { ...options, filepath: apiTypesFile });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  // The document of the app as it is now: built in this process, on an empty in-memory database.
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/core/config.js');
  const { openDatabase } = await import('../src/db/client.js');
  const database = await openDatabase({ PGLITE_DATA_DIR: 'memory://' });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  try {
    const document: unknown = (await app.inject({ url: '/docs/json' })).json();
    await writeFile(apiTypesFile, await renderApiTypes(document));
    console.log(`Wrote ${apiTypesFile}`);
  } finally {
    await app.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
