// Small helpers shared by the steps that run the app: ports, production secrets, waiting.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Template } from '../kit.js';
import { mergeEnv, templateParts } from '../plan.js';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Every env entry marked `secret`, set to 48 random characters: as strong as production requires. */
export function productionSecrets(manifest: Template): Record<string, string> {
  return Object.fromEntries(
    mergeEnv(templateParts(manifest))
      .filter((entry) => entry.secret)
      .map((entry) => [entry.name, randomBytes(36).toString('base64url')]),
  );
}

/** `unref`: a pending timer must not keep verify alive once the work is done. */
export function sleep(ms: number, { unref = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });
}
