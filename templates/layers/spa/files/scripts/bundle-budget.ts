import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * A Vite plugin that prints the size of the built JavaScript, gzipped (what a browser downloads), and fails the
 * build above the budget: a dependency that doubles the bundle shows up in the pull request that adds it, not
 * months later on a slow phone.
 */
export function bundleBudget({ javascriptKb }: { javascriptKb: number }): Plugin {
  return {
    name: 'bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      let bytes = 0;
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') bytes += gzipSync(file.code, { level: 9 }).length;
      }
      const kb = (bytes / 1000).toFixed(1);
      const line = `SPA JavaScript: ${kb} kB gzip (budget ${javascriptKb} kB)`;
      if (bytes > javascriptKb * 1000) this.error(`${line}: over the budget`);
      // Printed on its own line, after Vite's file list, so that CI logs show it.
      process.stdout.write(`\n${line}\n`);
    },
  };
}
