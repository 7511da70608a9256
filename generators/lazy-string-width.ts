// string-width, loaded when it is first called (see lazy-modules.ts): help output is laid out with the real one.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type StringWidth = (text: string, options?: object) => number;
let real: StringWidth | undefined;

export default function stringWidth(text: string, options?: object): number {
  if (!real) {
    const url = new URL(import.meta.url).searchParams.get('real');
    if (!url) throw new Error('lazy-string-width: loaded without the real module');
    real = (createRequire(import.meta.url)(fileURLToPath(url)) as { default: StringWidth }).default;
  }
  return real(text, options);
}
