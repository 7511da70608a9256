import { createHash } from 'node:crypto';

/**
 * Gravatar's key for an e-mail: md5 of the trimmed, lower-cased address. Without an e-mail, any stable seed (a
 * provider's user id) gives a stable avatar.
 */
export function avatarHash(seed: string): string {
  return createHash('md5').update(seed.trim().toLowerCase()).digest('hex');
}

/**
 * The avatar's address. Gravatar's would be `https://www.gravatar.com/avatar/<hash>?d=identicon&s=80`; this app
 * draws the same kind of identicon itself (GET /avatars/<hash>.svg), so pages need no third-party images (the
 * Content-Security-Policy allows images from this site only) and nobody learns who reads the chat.
 */
export function avatarUrl(hash: string): string {
  return `/avatars/${hash}.svg`;
}

/** A 5×5 identicon, mirrored left to right, its colour and cells taken from the hash: the same hash, the same picture. */
export function identiconSvg(hash: string): string {
  const bytes = Buffer.from(hash.padEnd(32, '0').slice(0, 32), 'hex');
  const hue = Math.round(((bytes[0] ?? 0) / 255) * 360);
  const cells: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let column = 0; column < 3; column++) {
      if (((bytes[1 + row * 3 + column] ?? 0) & 1) === 0) continue;
      for (const x of new Set([column, 4 - column])) cells.push(`<rect x="${x}" y="${row}" width="1" height="1"/>`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 6 6" width="80" height="80">` +
    `<rect x="-0.5" y="-0.5" width="6" height="6" fill="#f0f0f0"/>` +
    `<g fill="hsl(${hue} 55% 50%)">${cells.join('')}</g></svg>`
  );
}
