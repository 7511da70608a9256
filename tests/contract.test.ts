// The template contract, checked when a template is loaded and planned: what a template must provide, slots,
// plugins and adapters that must exist, layers that need other layers, and the JSON Schemas of the manifests.
// Each case is a copy of a real kit template, made a little wrong, used as a folder template (`--template ./x`).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, defaults, root, tempDir } from './helpers.js';

const kit = path.join(root, 'templates');

/** A copy of a kit template in a temp dir (its layers stay the kit's), changed by `edit`. */
function brokenCopy(name: string, edit: (dir: string) => void): { cwd: string; template: string } {
  const cwd = tempDir();
  const dir = path.join(cwd, 'tpl');
  cpSync(path.join(kit, name), dir, { recursive: true });
  const manifest = path.join(dir, 'template.json');
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
  delete json.$schema;
  writeFileSync(manifest, JSON.stringify(json));
  edit(dir);
  return { cwd, template: './tpl' };
}

function editManifest(dir: string, change: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(dir, 'template.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

async function createFrom({ cwd, template }: { cwd: string; template: string }, ...extra: string[]) {
  const result = await cli(['app', '--template', template, ...defaults, ...extra], { cwd });
  return { ...result, written: readdirSync(cwd).filter((entry) => entry !== 'tpl') };
}

describe('what a template must provide', () => {
  it.each([
    ['src/site.ts', 'the web layer', 'guestbook'],
    ['src/routes/index.ts', 'the base layer', 'guestbook'],
    ['src/services/index.ts', 'the base layer', 'chatbot'],
    ['src/commands/seed.ts', 'the base layer', 'blog'],
  ])(
    'without %s: an error at plan time naming the file and who needs it; nothing written',
    async (file, who, name) => {
      const copy = brokenCopy(name, (dir) => {
        rmSync(path.join(dir, 'files', file), { force: true });
        rmSync(path.join(dir, 'files', `${file}x`), { force: true });
        rmSync(path.join(dir, 'files', `${file}.hbs`), { force: true });
      });
      for (const extra of [['--dry-run'], []]) {
        const { exitCode, stderr, written } = await createFrom(copy, ...extra);
        expect(exitCode).toBe(1);
        expect(stderr).toContain(`the template is missing ${file}, which ${who} requires`);
        expect(written).toEqual([]);
      }
    },
  );

  it('without partials/features.hbs (the README section)', async () => {
    const copy = brokenCopy('guestbook', (dir) => rmSync(path.join(dir, 'partials', 'features.hbs')));
    const { exitCode, stderr } = await createFrom(copy, '--dry-run');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('the template is missing partials/features.hbs, which the base layer requires');
  });
});

describe('extension points', () => {
  it('a plugin the manifest names must exist', async () => {
    const copy = brokenCopy('blog', (dir) => editManifest(dir, (m) => void (m.plugins = ['chrome', 'nope'])));
    const { exitCode, stderr } = await createFrom(copy, '--dry-run');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('"plugins" lists nope, but the project has no src/plugins/nope.ts (or .tsx)');
  });

  it('an adapter the manifest names must exist', async () => {
    const copy = brokenCopy('chatbot', (dir) => rmSync(path.join(dir, 'files/src/adapters/store.ts')));
    const { exitCode, stderr } = await createFrom(copy, '--dry-run');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('"serviceDeps" lists store, but the project has no src/adapters/store.ts');
  });

  it('a layer that needs another one names it, with a "layers" that works', async () => {
    const copy = brokenCopy('blog', (dir) =>
      editManifest(dir, (m) => void (m.layers = ['base', 'web', 'auth', 'mail'])),
    );
    const { exitCode, stderr } = await createFrom(copy, '--dry-run');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('the auth layer needs passwords before it in "layers"');
    expect(stderr).toContain('["base","web","passwords","auth"]');
  });

  it('a slot partial that no file renders is an error naming the partial (a typo would lose it)', async () => {
    const copy = brokenCopy('guestbook', (dir) => {
      const slots = path.join(dir, 'partials', 'slots');
      mkdirSync(slots);
      cpSync(path.join(dir, 'partials', 'features.hbs'), path.join(slots, 'readme-sectons.hbs'));
    });
    for (const extra of [['--dry-run'], []]) {
      const { exitCode, stderr, written } = await createFrom(copy, ...extra);
      expect(exitCode).toBe(1);
      expect(stderr).toContain('readme-sectons.hbs: no file of the project has {{slot "readme-sectons"}}');
      expect(written).toEqual([]);
    }
  });

  it("a template's slot partial lands where the base renders the slot", async () => {
    const copy = brokenCopy('guestbook', (dir) => {
      mkdirSync(path.join(dir, 'partials', 'slots'));
      writeFileSync(
        path.join(dir, 'partials', 'slots', 'readme-sections.hbs'),
        '## Deploying\n\nAnywhere.\n\n',
      );
    });
    const { exitCode } = await createFrom(copy);
    expect(exitCode).toBe(0);
    const readme = readFileSync(path.join(copy.cwd, 'app', 'README.md'), 'utf8');
    expect(readme).toMatch(/when it starts\.\n\n## Deploying\n\nAnywhere\.\n\n## Tests\n/);
  });
});

describe('the manifests', () => {
  it('their JSON Schemas in templates/ are the ones the zod schemas give (npm run schemas writes them)', async () => {
    const { jsonSchemas } = (await import(path.join(root, 'dist', 'manifest.js'))) as {
      jsonSchemas: () => Record<string, unknown>;
    };
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(path.join(kit, file), 'utf8'))).toEqual(schema);
    }
  });

  it('every kit manifest names its schema, so an editor checks it', () => {
    const manifests = [
      ...readdirSync(path.join(kit, 'layers')).map((layer) => path.join(kit, 'layers', layer, 'layer.json')),
      ...readdirSync(kit)
        .filter((name) => name !== 'layers' && !name.endsWith('.json'))
        .map((name) => path.join(kit, name, 'template.json')),
    ];
    for (const file of manifests) {
      const { $schema } = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
      const expected = file.endsWith('layer.json') ? 'layer.schema.json' : 'template.schema.json';
      expect([file, $schema && path.resolve(path.dirname(file), $schema)]).toEqual([
        file,
        path.join(kit, expected),
      ]);
    }
  });
});

describe('docs/authoring-templates.md', () => {
  it('its table of what a template provides is what the kit layers require', () => {
    const doc = readFileSync(path.join(root, 'docs', 'authoring-templates.md'), 'utf8');
    const table = /<!-- requires:start -->\n([\s\S]*?)<!-- requires:end -->/.exec(doc)?.[1] ?? '';
    const rows = table
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((row) => row.split('|').map((cell) => cell.trim()))
      .map(([, file, layer, why]) => [file?.replace(/`/g, ''), layer, why]);
    const required = readdirSync(path.join(kit, 'layers')).flatMap((layer) => {
      const manifest = JSON.parse(readFileSync(path.join(kit, 'layers', layer, 'layer.json'), 'utf8')) as {
        requires?: { file: string; why: string }[];
      };
      return (manifest.requires ?? []).map(({ file, why }) => [file, layer, why]);
    });
    expect(rows.sort()).toEqual(required.sort());
  });
});
