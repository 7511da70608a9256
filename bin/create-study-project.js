#!/usr/bin/env node
// Entry point. Plain JavaScript with no static imports, so that an old Node can parse it and print a plain
// message instead of a stack trace. Everything else is loaded only after the version check.

var MINIMUM = [22, 13];
var parts = process.versions.node.split('.').map(Number);
var major = parts[0];
var minor = parts[1];

if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  console.error(
    'create-study-project needs Node.js ' +
      MINIMUM.join('.') +
      ' or newer; you have v' +
      process.versions.node +
      '. Install Node 24 LTS: https://nodejs.org',
  );
  process.exit(1);
}

// Cache compiled code between runs (Node's on-disk compile cache): start-up is most of a `create`.
var nodeModule = process.getBuiltinModule && process.getBuiltinModule('node:module');
if (nodeModule && nodeModule.enableCompileCache) nodeModule.enableCompileCache();

// What loads lazily or not at all on a create (dist/lazy-modules.js says why), then the CLI.
import('../dist/lazy-modules.js')
  .then(function () {
    return import('../dist/cli.js');
  })
  .catch(function (error) {
    if (
      error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      /dist\/(cli|lazy-modules)\.js/.test(String(error.message))
    ) {
      console.error(
        'create-study-project is not built: run `npm run build` in ' +
          new URL('..', import.meta.url).pathname,
      );
    } else {
      console.error(error);
    }
    process.exit(1);
  });
