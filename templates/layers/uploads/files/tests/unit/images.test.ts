import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImageProcessor, ImageRejected, sniffFormat } from '../../src/adapters/images.js';
import { bombBytes, imageBytes } from '../helpers/images.js';

const images = createImageProcessor({ maxPixels: 4_000_000 });
const variants = { m: { width: 800 }, s: { width: 40 } };

describe('the image pipeline', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('accepts %s, keeps its format and makes the variants', async (format) => {
    const result = await images.process(await imageBytes(format, { width: 120, height: 60 }), variants);
    expect(result.format).toBe(format);
    expect(sniffFormat(result.original)).toBe(format);
    expect([result.width, result.height]).toEqual([120, 60]);
    // Never enlarged; fitted inside the box otherwise.
    expect([result.variants.m!.width, result.variants.m!.height]).toEqual([120, 60]);
    expect([result.variants.s!.width, result.variants.s!.height]).toEqual([40, 20]);
    const meta = await sharp(result.variants.s!.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual([format, 40, 20]);
  });

  it('drops EXIF (GPS, camera, owner) from the stored file', async () => {
    const input = await imageBytes('jpeg', { exif: true });
    expect((await sharp(input).metadata()).exif?.includes('secret-owner')).toBe(true);
    const result = await images.process(input, variants);
    for (const data of [result.original, result.variants.m!.data, result.variants.s!.data]) {
      const meta = await sharp(data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(data.includes('secret-owner')).toBe(false);
      expect(data.includes('TestPhone')).toBe(false);
    }
  });

  it('turns a portrait photo upright by its EXIF orientation', async () => {
    // 60 × 40 pixels stored, with orientation 6 ("rotate 90° to show"): a phone's portrait photo.
    const result = await images.process(await imageBytes('jpeg', { width: 60, height: 40, orientation: 6 }), variants);
    expect([result.width, result.height]).toEqual([40, 60]);
    const meta = await sharp(result.original).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([40, 60, undefined]);
  });

  it('crops a square (avatars), by hand or from the centre', async () => {
    const input = await imageBytes('png', { width: 100, height: 50 });
    const centre = await images.process(input, { l: { width: 30, square: true } }, 'centre');
    expect([centre.width, centre.height, centre.variants.l!.width, centre.variants.l!.height]).toEqual([
      50, 50, 30, 30,
    ]);
    const chosen = await images.process(input, {}, { left: 10, top: 5, size: 20 });
    expect([chosen.width, chosen.height]).toEqual([20, 20]);
    await expect(images.process(input, {}, { left: 90, top: 0, size: 20 })).rejects.toThrow('outside the image');
  });

  const refused: [string, () => Promise<Buffer>, string][] = [
    ['HTML named .jpg', async () => Buffer.from('<!doctype html><script>alert(1)</script>'), 'not an image we accept'],
    [
      'an SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      'not an image we accept',
    ],
    ['a GIF', () => imageBytes('gif'), 'not an image we accept'],
    ['a TIFF', () => imageBytes('tiff'), 'not an image we accept'],
    ['an empty file', async () => Buffer.alloc(0), 'not an image we accept'],
    [
      'a truncated JPEG',
      async () => (await imageBytes('jpeg', { width: 300, height: 300 })).subarray(0, 400),
      'damaged or incomplete',
    ],
    [
      'a JPEG header on PNG bytes',
      async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), await imageBytes('png')]),
      'could not be read',
    ],
    ['a decompression bomb', () => bombBytes(), 'too large'],
  ];
  it.each(refused)('refuses %s with a clear message', async (_name, bytes, message) => {
    const failure = images.process(await bytes(), variants);
    await expect(failure).rejects.toBeInstanceOf(ImageRejected);
    await expect(failure).rejects.toThrow(message);
  });
});
