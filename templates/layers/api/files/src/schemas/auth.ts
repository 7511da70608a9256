import { z } from 'zod';

const email = z
  .email('Enter an e-mail address.')
  .max(254)
  .transform((value) => value.toLowerCase());

export const registerBody = z.object({
  email,
  name: z.string().trim().min(1, 'Tell us your name.').max(80),
  // Long passphrases are welcome; a cap keeps a megabyte "password" from costing the server a hashing marathon.
  password: z.string().min(8, 'A password needs at least 8 characters.').max(200),
});

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) });

export const tokenPair = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string().describe('Send it as `Authorization: Bearer <accessToken>`.'),
  expiresIn: z.number().int().describe('Seconds until the access token expires.'),
  refreshToken: z.string().describe('Exchange it at /auth/refresh for a new pair; it works once.'),
});

export type RegisterInput = z.infer<typeof registerBody>;
export type LoginInput = z.infer<typeof loginBody>;
export type TokenPair = z.infer<typeof tokenPair>;
