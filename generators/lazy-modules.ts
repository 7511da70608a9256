// Module loading, tuned for a fast `create` (most of it is start-up). Registered by bin/ before the CLI loads.
// - string-width (loaded by yargs and cliui when they load, for laying out --help) compiles large regular expressions
//   at load time: ~25 ms of a ~350 ms create that never prints help. It gets a stand-in that loads the real module
//   on its first call (a synchronous require of an ES module, which Node ≥ 22.12 allows).
// - node-plop imports inquirer (with rxjs and ora, ~70 ms) for generator prompts, which we never use: it gets a
//   stand-in (inquirer-stand-in.ts). Our questions are asked with `prompts` before node-plop runs.
// Without `module.registerHooks` (Node < 22.15) the real modules load, which is only slower.
import module from 'node:module';

const lazyStringWidth = new URL('./lazy-string-width.js', import.meta.url).href;
const inquirerStandIn = new URL('./inquirer-stand-in.js', import.meta.url).href;

if (typeof module.registerHooks === 'function') {
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL ?? '';
      if (specifier === 'string-width' && (parent.includes('/yargs/') || parent.includes('/cliui/'))) {
        const real = nextResolve(specifier, context).url;
        return { url: `${lazyStringWidth}?real=${encodeURIComponent(real)}`, shortCircuit: true };
      }
      if (specifier === 'inquirer' && parent.includes('/node-plop/'))
        return { url: inquirerStandIn, shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
}
