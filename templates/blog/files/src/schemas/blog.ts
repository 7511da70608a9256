import { z } from 'zod';
import { id, maxId } from './ids.js';
import { pageQuery } from './pagination.js';

const text = (max: number, required: string, tooLong: string) => z.string().trim().min(1, required).max(max, tooLong);

/** An optional form field: empty means absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const commentForm = z.object({
  author: text(30, 'Please tell us your name.', 'A name can be at most 30 characters.'),
  email: z.string().trim().max(254, 'That address is too long.').pipe(z.email('Please give a valid e-mail address.')),
  // Only http(s): a javascript: or data: URL in the author's link would run when someone clicks it.
  site: optional(
    z
      .string()
      .trim()
      .max(255, 'That address is too long.')
      .pipe(z.url({ protocol: /^https?$/, error: 'A site must be an http:// or https:// address.' })),
  ),
  body: text(1000, 'Please write a comment.', 'A comment can be at most 1000 characters.'),
  repliedId: optional(id),
});
export type CommentInput = z.infer<typeof commentForm>;

export const postForm = z.object({
  title: text(120, 'A post needs a title.', 'A title can be at most 120 characters.'),
  // Empty: made from the title. Given: used as it is, after the same clean-up.
  slug: optional(z.string().trim().max(100, 'A slug can be at most 100 characters.')),
  categoryId: z.coerce
    .number({ error: 'Choose a category.' })
    .int()
    .positive('Choose a category.')
    .max(maxId, 'Choose a category.'),
  body: text(50_000, 'A post needs a body.', 'A post can be at most 50,000 characters.'),
});
export type PostInput = z.infer<typeof postForm>;

export const categoryForm = z.object({
  name: text(40, 'A category needs a name.', 'A name can be at most 40 characters.'),
});
export type CategoryInput = z.infer<typeof categoryForm>;

export const settingsForm = z.object({
  title: text(60, 'The blog needs a title.', 'A title can be at most 60 characters.'),
  subtitle: z.string().trim().max(120, 'A subtitle can be at most 120 characters.'),
  about: z.string().trim().max(5000, 'The about text can be at most 5,000 characters.'),
});
export type SettingsInput = z.infer<typeof settingsForm>;

export const loginForm = z.object({
  username: z.string().trim().min(1, 'Please give your username.').max(40),
  password: z.string().min(1, 'Please give your password.').max(200),
});

export const commentFilter = pageQuery.extend({ filter: z.enum(['pending', 'all']).default('pending') });

export const slugParam = z.object({ slug: z.string().min(1).max(200) });
