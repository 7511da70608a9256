import { createHash } from 'node:crypto';
import sharp from 'sharp';

/**
 * A default avatar made from a name, with no outside service (Flask-Avatars' identicons): a 5 × 5 pattern,
 * mirrored left to right, in one colour, all taken from the name's SHA-256. The same name always gives the same
 * picture; different names almost always differ. Returned as a PNG of `size` × `size` pixels.
 */
export async function identicon(seed: string, size: number): Promise<Buffer> {
  const hash = createHash('sha256').update(seed).digest();
  const cells = 5;
  const margin = 1;
  const grid = cells + 2 * margin;
  const hue = (hash[0]! / 255) * 360;
  const [r, g, b] = hslToRgb(hue, 0.55, 0.5);
  const pixels = Buffer.alloc(grid * grid * 3, 0xf0);
  for (let y = 0; y < cells; y++) {
    for (let x = 0; x < Math.ceil(cells / 2); x++) {
      // One bit of the hash per cell of the left half (and the middle column); the right half mirrors it.
      const bit = (hash[1 + Math.floor((y * 3 + x) / 8)]! >> ((y * 3 + x) % 8)) & 1;
      if (!bit) continue;
      for (const column of [x, cells - 1 - x]) {
        const offset = ((y + margin) * grid + column + margin) * 3;
        pixels[offset] = r;
        pixels[offset + 1] = g;
        pixels[offset + 2] = b;
      }
    }
  }
  return sharp(pixels, { raw: { width: grid, height: grid, channels: 3 } })
    .resize(size, size, { kernel: 'nearest' })
    .png()
    .toBuffer();
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
