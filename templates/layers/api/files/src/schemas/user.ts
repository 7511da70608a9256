import { z } from 'zod';

export const role = z.enum(['user', 'admin']);

/** A user as the API shows it. Response schemas drop every other key, so the password hash never leaves. */
export const publicUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: z.date(),
});

export const userPage = z.object({
  items: z.array(publicUser),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const userChange = z
  .object({ role: role.optional(), disabled: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, 'Send a role, disabled, or both.');

export type UserChange = z.infer<typeof userChange>;
