import type { z } from 'zod';
import { checkInput } from './command.js';

/**
 * Asks for a password on the terminal without showing it: the terminal is put in raw mode, so nothing typed is
 * echoed, and the characters are read one by one (Backspace deletes, Enter ends, Ctrl-C or Ctrl-D cancels).
 * Without a terminal (a pipe, CI) it refuses rather than wait for input nobody will type.
 */
export function askPassword(question: string, noTerminal: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) return Promise.reject(new Error(noTerminal));
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.off('data', read);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const read = (chunk: string) => {
      // An arrow or function key sends an escape sequence: not part of a password.
      if (chunk.startsWith('\u001b')) return;
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) return finish(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', read);
  });
}

/**
 * An admin command's options and its password: --password, else ADMIN_PASSWORD — then every problem is told at
 * once — else asked on the terminal, once the other options are known to be good, so nobody types a password for
 * a command that then refuses them.
 */
export async function checkWithPassword<Options extends z.ZodType<object>>(
  options: Options,
  password: z.ZodType<string>,
  values: unknown,
  flag: string | undefined,
): Promise<z.infer<Options> & { password: string }> {
  const given = flag ?? (process.env.ADMIN_PASSWORD || undefined);
  if (given === undefined) {
    const checked = checkInput(options, values);
    const asked = await askPassword(
      'Password: ',
      'No terminal to ask for the password on: set ADMIN_PASSWORD or pass --password.',
    );
    return { ...checked, password: checkInput(password, asked) };
  }
  const [checked, secret] = [options.safeParse(values), password.safeParse(given)];
  if (checked.success && secret.success) return { ...checked.data, password: secret.data };
  const problems = [checked, secret].flatMap((result) => result.error?.issues ?? []);
  throw new Error(problems.map((issue) => issue.message).join('\n'));
}
