// Terminal output: a few symbols and colours, only where the terminal takes colours: a TTY whose
// `hasColors()` says so (it reads NO_COLOR, FORCE_COLOR=0, NODE_DISABLE_COLORS and TERM=dumb).
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return stream.isTTY && stream.hasColors() ? styleText(style, text, { validateStream: false }) : text;
}

export const bold = (text: string): string => paint('bold', text);
export const dim = (text: string): string => paint('dim', text);
export const green = (text: string): string => paint('green', text);
export const red = (text: string): string => paint('red', text);
export const yellow = (text: string): string => paint('yellow', text);

export function info(message: string): void {
  console.log(message);
}

export function success(message: string): void {
  console.log(`${green('✔')} ${message}`);
}

export function warn(message: string): void {
  console.error(`${paint('yellow', '⚠', process.stderr)} ${message}`);
}

export function fail(message: string): void {
  console.error(`${paint('red', '✖', process.stderr)} ${message}`);
}

/** Quote a word for a POSIX shell only when it needs it: `my-app` stays, `My App` → `'My App'`. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
