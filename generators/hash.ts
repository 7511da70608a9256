import { createHash } from 'node:crypto';

/** A short content hash: which version of a kit file a precompiled template was made from. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
