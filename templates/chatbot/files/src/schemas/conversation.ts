import { z } from 'zod';

export const conversation = z.object({
  id: z.number().int(),
  title: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const message = z.object({
  id: z.number().int(),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  tokens: z.number().int(),
  provider: z.string().nullable(),
  finishReason: z.enum(['stop', 'stopped', 'error']).nullable(),
  createdAt: z.date(),
});

export const conversationPage = z.object({
  items: z.array(conversation),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const conversationWithMessages = conversation.extend({ messages: z.array(message) });

const title = z.string().trim().min(1, 'A title needs at least one character.').max(120);

export const createConversationBody = z.object({ title: title.optional() });
export const renameBody = z.object({ title });

export const sendMessageBody = z.object({
  content: z.string().trim().min(1, 'Write a message.').max(8000, 'A message can be at most 8000 characters.'),
  stream: z.boolean().default(false).describe('true: the answer comes as Server-Sent Events (start, delta…, done).'),
});

export const chatReply = z.object({ userMessage: message, message, cached: z.boolean() });

export const usage = z.object({ used: z.number().int(), limit: z.number().int(), resetsAt: z.date() });
