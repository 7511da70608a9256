import { z } from 'zod';
import { id } from './ids.js';

export const usernameParam = z.object({ username: z.string().min(1).max(30) });

const password = z.string().min(8, 'At least 8 characters.').max(200, 'At most 200 characters.');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const registerForm = z.object({
  name: z.string().trim().min(1, 'Tell us your name.').max(40, 'At most 40 characters.'),
  username: z
    .string()
    .trim()
    .min(3, 'At least 3 characters.')
    .max(30, 'At most 30 characters.')
    .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, - and _.'),
  email: z.email('Give a valid e-mail address.').max(254),
  password,
});

export const loginForm = z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export const emailForm = z.object({ email: z.email('Give a valid e-mail address.').max(254) });
export const passwordForm = z.object({ password });
export const changePasswordForm = z.object({
  current: z.string().min(1, 'Give your current password.').max(200),
  password,
});
export const deleteAccountForm = z.object({ password: z.string().min(1, 'Give your password.').max(200) });

export const profileForm = z.object({
  name: z.string().trim().min(1, 'Tell us your name.').max(40, 'At most 40 characters.'),
  bio: text(200).default(''),
  website: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'An http:// or https:// address.' }).max(255)])
    .default(''),
  location: text(60).default(''),
});

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal('on')
  .optional()
  .transform((value) => value === 'on');
export const notificationForm = z.object({
  notifyOnFollow: checkbox,
  notifyOnComment: checkbox,
  notifyOnCollect: checkbox,
});
export const privacyForm = z.object({ publicCollections: checkbox });

const tagName = z.string().regex(/^[\p{L}\p{N}_-]{1,30}$/u, 'A tag is 1 to 30 letters, digits, - or _.');

/** "sunset, beach 城市": tags separated by commas or spaces, at most 10, each once. */
export const tagList = z
  .string()
  .max(300, 'At most 300 characters of tags.')
  .default('')
  .transform((value) => [...new Set(value.split(/[\s,，#]+/).filter(Boolean))])
  .pipe(z.array(tagName).max(10, 'At most 10 tags at once.'));

export const uploadForm = z.object({ description: text(500).default(''), tags: tagList });
export const descriptionForm = z.object({ description: text(500).default('') });
export const tagsForm = z.object({ tags: tagList.pipe(z.array(tagName).min(1, 'Give at least one tag.')) });
export const reportForm = z.object({ reason: text(200).default('') });
export const commentForm = z.object({
  body: z.string().trim().min(1, 'Write something first.').max(500, 'At most 500 characters.'),
  repliedId: z.union([z.literal('').transform(() => undefined), id]).optional(),
});

/** The optional avatar crop; all three or none. */
const pixel = z
  .union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(100_000)])
  .optional();
export const cropForm = z
  .object({ left: pixel, top: pixel, size: pixel })
  .refine(
    (crop) =>
      [crop.left, crop.top, crop.size].every((v) => v === undefined) ||
      [crop.left, crop.top, crop.size].every((v) => v !== undefined),
    'Give left, top and size, or none of them.',
  )
  .transform((crop) =>
    crop.left !== undefined && crop.top !== undefined && crop.size !== undefined && crop.size > 0
      ? { left: crop.left, top: crop.top, size: crop.size }
      : undefined,
  );

export const toggleForm = z.object({ state: z.enum(['on', 'off']), next: z.string().max(500).optional() });

export const adminUserForm = profileForm.extend({ role: z.enum(['locked', 'user', 'moderator', 'administrator']) });

export const searchQuery = z.object({
  q: z.string().max(100).default(''),
  category: z.enum(['photo', 'user', 'tag']).default('photo'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
