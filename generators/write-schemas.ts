// `npm run schemas`: writes the manifests' JSON Schemas (templates/layer.schema.json, templates/template.schema.json)
// from the zod schemas in manifest.ts. A test fails when the committed files are not what this writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemas } from './manifest.js';
import { kitRoot } from './paths.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(path.join(kitRoot, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote templates/${file}`);
}
