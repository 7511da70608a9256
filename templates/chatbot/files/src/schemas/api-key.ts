import { z } from 'zod';

export const apiKey = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart.'),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
});

export const createdApiKey = apiKey.extend({ key: z.string().describe('Shown once: store it now.') });

export const createApiKeyBody = z.object({ name: z.string().trim().min(1).max(80) });
