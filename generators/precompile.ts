// Run by `npm run build`, so that a create does less at start-up: every `.hbs` file of the kit compiled ahead of
// time (dist/kit-templates.js: ~40 ms of Handlebars compiling), and every kit manifest checked by its schema
// (dist/kit-manifests.js: loading zod is ~50 ms). Each entry is used only while the kit file is still the one it was
// made from (same hash); a folder template, or a kit file changed since, is compiled or checked then.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { kitRoot, packageRoot } from './paths.js';
import { contentHash } from './hash.js';
import { checkManifest, parseJson, type CheckedManifests } from './kit.js';
import { compileOptions } from './render.js';

const entries: string[] = [];
for (const relative of readdirSync(kitRoot, { recursive: true }).map(String).sort()) {
  if (!relative.endsWith('.hbs')) continue;
  const text = readFileSync(path.join(kitRoot, relative), 'utf8');
  const key = relative.split(path.sep).join('/');
  const spec = Handlebars.precompile(text, compileOptions) as string;
  entries.push(`  ${JSON.stringify(key)}: { hash: ${JSON.stringify(contentHash(text))}, spec: ${spec} },`);
}
writeFileSync(
  path.join(packageRoot, 'dist', 'kit-templates.js'),
  `// Written by dist/precompile.js (npm run build): the kit's .hbs files, precompiled.\nexport default {\n${entries.join('\n')}\n};\n`,
);
console.log(`precompiled ${entries.length} kit templates`);

const manifests: CheckedManifests = {};
for (const relative of readdirSync(kitRoot, { recursive: true }).map(String).sort()) {
  const base = path.basename(relative);
  if (base !== 'layer.json' && base !== 'template.json') continue;
  const file = path.join(kitRoot, relative);
  const text = readFileSync(file, 'utf8');
  const manifest = checkManifest(base === 'layer.json' ? 'layer' : 'template', file, parseJson(text));
  manifests[relative.split(path.sep).join('/')] = { hash: contentHash(text), manifest };
}
writeFileSync(
  path.join(packageRoot, 'dist', 'kit-manifests.js'),
  `// Written by dist/precompile.js (npm run build): the kit's manifests, checked by their schemas.\nexport default ${JSON.stringify(manifests)};\n`,
);
console.log(`checked ${Object.keys(manifests).length} kit manifests`);
