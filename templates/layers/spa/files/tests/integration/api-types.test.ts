import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, renderApiTypes } from '../../scripts/api-types.js';
import { useTestApp } from '../helpers/app.js';

describe('the SPA and the API cannot drift apart', () => {
  const t = useTestApp();

  it('web/src/api/types.gen.ts is what the OpenAPI document of the app makes (else: npm run api:types)', async () => {
    const document: unknown = (await t.app.inject({ url: '/docs/json' })).json();
    const expected = await renderApiTypes(document);
    const committed = await readFile(apiTypesFile, 'utf8');
    // On failure: the API changed and the SPA's types did not follow. `npm run api:types`, then `npm run typecheck`.
    expect(committed).toBe(expected);
  });
});
