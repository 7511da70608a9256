import type { Services } from '../../src/services/index.js';

/** The command the prompt layer's terminal test drives (tests/system/password-prompt.test.ts). */
export const adminCommand = {
  name: 'npm run admin:create',
  script: 'src/commands/create-admin.ts',
  args: (name: string) => ['--username', name, '--email', `${name}@example.com`],
  done: 'is ready',
  wrong: { args: ['--email', 'not-an-address'], says: '--username is required' },
  signsIn: async (services: Services, name: string, password: string) =>
    (await services.auth.authenticate(name, password)) !== undefined,
};
