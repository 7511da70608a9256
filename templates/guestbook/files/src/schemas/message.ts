import { z } from 'zod';

/** The guestbook form. The same limits are on the table's columns (src/db/schema/messages.ts). */
export const messageForm = z.object({
  name: z.string().trim().min(1, 'Please tell us your name.').max(20, 'Your name can be at most 20 characters.'),
  body: z.string().trim().min(1, 'Please write a message.').max(200, 'A message can be at most 200 characters.'),
});

export type MessageInput = z.infer<typeof messageForm>;
