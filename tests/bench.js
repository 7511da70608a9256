// `npm run bench`: median wall time (Node start-up included) of
// `create-study-project <dir> --template <t> --yes --no-install --no-git` for each kit template, and of
// create-vite's react-ts template measured in the same run, alternating with ours, so that the ratio holds even on a
// busy machine. create-vite comes from the npm registry into a cache folder the first time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'create-study-project.js');
const kit = path.join(root, 'templates');
const RUNS = 10;

const templates = readdirSync(kit).filter((name) => existsSync(path.join(kit, name, 'template.json')));
const work = mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];

function createVite() {
  const dir = path.join(os.homedir(), '.cache', 'create-study-project-bench', 'create-vite');
  const entry = path.join(dir, 'node_modules', 'create-vite', 'index.js');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    const installed = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', 'create-vite@9'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (installed.status !== 0) throw new Error(`could not install create-vite:\n${installed.stderr}`);
  }
  return entry;
}

const median = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(3)} s`;

/** Runs `args` once in `cwd` (the project goes to `name` there); the time and the number of files written. */
function once(args, name) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: work,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  const dir = path.join(work, name);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  ).length;
  rmSync(dir, { recursive: true, force: true });
  return { elapsed, files };
}

console.log(
  `create … --yes --no-install --no-git, median of ${RUNS} runs (Node ${process.version}, ${os.cpus().length} CPUs),\n` +
    'each run of ours followed by one of create-vite (react-ts, --no-interactive)\n',
);
const vite = createVite();
try {
  const viteTimes = [];
  let viteFiles = 0;
  for (const template of templates) {
    const times = [];
    const ratios = [];
    let files = 0;
    for (let run = 0; run < RUNS + 1; run++) {
      const ours = once([bin, 'app', '--template', template, '--yes', '--no-install', '--no-git'], 'app');
      const theirs = once([vite, 'vite-app', '--template', 'react-ts', '--no-interactive'], 'vite-app');
      if (run === 0) continue; // the first run warms the file system cache
      times.push(ours.elapsed);
      viteTimes.push(theirs.elapsed);
      // Measured back to back, so that a busy moment of the machine slows both alike.
      ratios.push(ours.elapsed / theirs.elapsed);
      files = ours.files;
      viteFiles = theirs.files;
    }
    console.log(
      `${template.padEnd(12)} ${String(files).padStart(4)} files  median ${seconds(median(times))}` +
        `  (min ${seconds(Math.min(...times))}, max ${seconds(Math.max(...times))})`,
    );
    templates[templates.indexOf(template)] = { template, ratio: median(ratios) };
  }
  const viteMedian = median(viteTimes);
  console.log(
    `${'create-vite'.padEnd(12)} ${String(viteFiles).padStart(4)} files  median ${seconds(viteMedian)}\n`,
  );
  console.log('each run of ours ÷ the run of create-vite right after it, median:');
  for (const { template, ratio } of templates)
    console.log(`${template.padEnd(12)} ${ratio.toFixed(1)}× create-vite`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
