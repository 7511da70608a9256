/**
 * `npm run admin:create -- --username admin --email admin@example.com [--name "Ada"] [--with-photo]`: creates an
 * administrator (confirmed), or makes an existing user one with a new password. The password is asked on the
 * terminal without echo; scripts set ADMIN_PASSWORD or pass --password. --with-photo uploads a generated photo
 * through the same pipeline as the site's upload form, if the user has none yet.
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { z } from 'zod';
import { checkWithPassword } from './ask-password.js';
import { runCommand } from './command.js';

const password = z.string().min(8, 'the password must have at least 8 characters').max(200);
const input = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,30}$/, '--username: 3 to 30 letters, digits, - or _'),
  email: z.email('--email must be an e-mail address'),
  name: z.string().trim().min(1).max(40, '--name: at most 40 characters'),
  withPhoto: z.boolean(),
});

runCommand(
  async () => {
    const { values } = parseArgs({
      options: {
        username: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        'with-photo': { type: 'boolean', default: false },
      },
    });
    return checkWithPassword(
      input,
      password,
      {
        ...values,
        name: values.name ?? values.username,
        withPhoto: values['with-photo'],
      },
      values.password,
    );
  },
  async (admin, { services }) => {
    const existing = await services.accounts.byUsername(admin.username).catch(() => undefined);
    const user = await services.accounts.makeAdministrator(
      existing ?? (await services.accounts.register(admin, { confirmed: true })),
      admin.password,
    );
    console.log(`Administrator “${user.username}” is ready: log in at /login.`);
    if (admin.withPhoto && (await services.photos.byAuthor(user.id, 1)).total === 0) {
      // A PNG: whatever is stored of it starts with the PNG header (IHDR), which the template check looks for.
      const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7ca5' } })
        .png()
        .toBuffer();
      const [photo] = await services.photos.upload(user, {
        files: [{ filename: 'generated.png', data }],
        description: 'A generated photo',
        tags: ['generated'],
      });
      console.log(`Photo ${photo!.id} is uploaded.`);
    }
  },
);
