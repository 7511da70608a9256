// `npm run bench`: median wall time (Node start-up included) of
// `create-study-project <dir> --template <t> --yes --no-install --no-git` for each kit template.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'create-study-project.js');
const kit = path.join(root, 'templates');
const RUNS = 10;

const templates = readdirSync(kit).filter((name) => existsSync(path.join(kit, name, 'template.json')));
if (templates.length === 0) {
  console.log('No kit templates to benchmark.');
  process.exit(0);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];

console.log(
  `create … --yes --no-install --no-git, median of ${RUNS} runs (Node ${process.version}, ${os.cpus().length} CPUs)\n`,
);
try {
  for (const template of templates) {
    const times = [];
    let files = 0;
    for (let run = 0; run < RUNS + 1; run++) {
      const dir = path.join(work, `${template}-${run}`);
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [bin, dir, '--template', template, '--yes', '--no-install', '--no-git'],
        {
          env,
          encoding: 'utf8',
        },
      );
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`${template} failed:\n${result.stderr}`);
      if (run > 0) times.push(elapsed); // the first run warms the file system cache
      files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
        entry.isFile(),
      ).length;
      rmSync(dir, { recursive: true, force: true });
    }
    times.sort((a, b) => a - b);
    const median = (times[Math.floor((RUNS - 1) / 2)] + times[Math.ceil((RUNS - 1) / 2)]) / 2;
    console.log(
      `${template.padEnd(12)} ${String(files).padStart(4)} files  median ${(median / 1000).toFixed(3)} s` +
        `  (min ${(times[0] / 1000).toFixed(3)} s, max ${(times.at(-1) / 1000).toFixed(3)} s)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
