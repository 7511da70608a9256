import { z } from 'zod';

/** ?page=N: a positive whole number, 1 when absent. */
export const pageQuery = z.object({
  page: z.coerce.number().int('page must be a whole number').min(1, 'page starts at 1').max(1_000_000).default(1),
});
