import { z } from 'zod';

/** The largest value of a PostgreSQL integer column, the type of every id column (serial). */
export const maxId = 2_147_483_647;

const message = `An id is a whole number from 1 to ${maxId}.`;

/**
 * An id in an address or a query string. Bounded by the column type, so that a bigger one is a 400 and never reaches
 * the database (which refuses it: a 500). Only decimal digits count: `1e3`, `0x10`, ` 12`, `12.0` or `007` would be
 * read as numbers by `Number()`, but an address has one spelling per resource, so they are refused too.
 */
export const id = z.preprocess(
  (value) => (typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : value),
  // abort: 2^53 is not a safe integer and too big, but one message is enough.
  z.number({ error: message }).int({ error: message, abort: true }).min(1, message).max(maxId, message),
);

/** The params of a route with `:id` in its address. */
export const idParams = z.object({ id });
