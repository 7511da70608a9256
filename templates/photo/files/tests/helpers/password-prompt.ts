import type { Services } from '../../src/services/index.js';

/** The command the prompt layer's terminal test drives (tests/system/password-prompt.test.ts). */
export const adminCommand = {
  name: 'npm run admin:create',
  script: 'src/commands/create-admin.ts',
  args: (name: string) => ['--username', name, '--email', `${name}@example.com`],
  done: 'is ready',
  wrong: { args: ['--username', 'x', '--email', 'not-an-address'], says: '--email must be an e-mail address' },
  signsIn: async (services: Services, name: string, password: string) =>
    (await services.accounts.authenticate(name, password))?.role === 'administrator',
};
