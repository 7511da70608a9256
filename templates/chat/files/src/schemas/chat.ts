import { z } from 'zod';
import { messageMaxLength } from '../core/markdown.js';
import { id, maxId } from './ids.js';

/** An id in a socket payload, where a number must be a number (no "12" strings). */
export const eventId = z.number().int().min(1).max(maxId);

export const messageBody = z
  .string({ error: 'The message must be text.' })
  .trim()
  .min(1, 'Write something first.')
  .max(messageMaxLength, `A message has at most ${messageMaxLength} characters.`);

const roomName = z.string().min(1).max(30);

/** Socket events of the signed-in namespace, named after CatChat's. */
export const joinEvent = z.object({ room: roomName });
export const newMessageEvent = z.object({ room: roomName, body: messageBody });
export const deleteMessageEvent = z.object({ id: eventId });
export const catchUpEvent = z.object({ room: roomName, after: eventId });
/** The anonymous namespace: one room, so only a body. */
export const anonymousMessageEvent = z.object({ body: messageBody });

export const roomParams = z.object({ slug: z.string().max(100) });
export const historyQuery = z.object({ before: id.optional() });
export const messageForm = z.object({ body: messageBody });

export const registerForm = z.object({
  email: z.email('Enter an e-mail address.').max(254),
  nickname: z.string().trim().min(1, 'Choose a nickname.').max(30, 'At most 30 characters.'),
  password: z.string().min(8, 'At least 8 characters.').max(200, 'At most 200 characters.'),
});

export const loginForm = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});

export const oauthCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});
