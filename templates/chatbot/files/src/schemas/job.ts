import { z } from 'zod';

const state = z.enum(['waiting', 'active', 'completed', 'failed', 'delayed']);

export const jobStatus = z.object({
  backend: z.enum(['in-process', 'bullmq']),
  counts: z.record(state, z.number().int()),
  recent: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      state,
      attempts: z.number().int(),
      data: z.record(z.string(), z.unknown()),
      failedReason: z.string().optional(),
      createdAt: z.date(),
      finishedAt: z.date().optional(),
    }),
  ),
});
