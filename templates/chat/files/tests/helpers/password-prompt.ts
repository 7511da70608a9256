import type { Services } from '../../src/services/index.js';

/** The command the prompt layer's terminal test drives (tests/system/password-prompt.test.ts). */
export const adminCommand = {
  name: 'npm run admin:create',
  script: 'src/commands/create-admin.ts',
  args: (name: string) => ['--email', `${name}@example.com`],
  done: 'is ready',
  wrong: { args: ['--email', 'not-an-address'], says: '--email must be an e-mail address' },
  signsIn: async (services: Services, name: string, password: string) =>
    (await services.accounts.authenticate(`${name}@example.com`, password))?.isAdmin === true,
};
