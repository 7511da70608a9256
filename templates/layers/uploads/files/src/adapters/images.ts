import sharp, { type Metadata, type Sharp } from 'sharp';
import type { StoredExtension } from './file-store.js';
import type { DepsPart } from '../services/deps.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Checks uploaded images by their bytes and re-encodes them (sharp). */
    images: ImageProcessor;
  }
}

export const serviceDeps: DepsPart = ({ config }) => ({
  images: createImageProcessor({ maxPixels: config.IMAGE_MAX_PIXELS }),
});

/*
 * Image processing with sharp (libvips), done the careful way for files strangers upload:
 * 1. the type comes from the bytes: the file's first bytes must be a JPEG, PNG or WebP signature, and sharp's own
 *    reading of the header must agree; the name and the Content-Type the browser sent are ignored;
 * 2. the header's width × height is checked against a pixel limit before anything is decoded: a 80 KB PNG can
 *    decode to 25 million pixels (a decompression bomb) and take the server's memory with it;
 * 3. the whole image is decoded (a truncated or corrupt file fails here), turned upright by its EXIF orientation
 *    (a phone's portrait photo is stored sideways with a flag saying so) and encoded anew: the new file carries
 *    none of the original's metadata (EXIF, GPS position, camera serial, embedded thumbnails);
 * 4. smaller copies are made for lists and pages, never larger than the original.
 */

export class ImageRejected extends Error {
  override name = 'ImageRejected';
}

export type ImageFormat = 'jpeg' | 'png' | 'webp';

const extensionOf: Record<ImageFormat, StoredExtension> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** The format the first bytes announce, or undefined for anything else (HTML, SVG, GIF, a renamed text file). */
export function sniffFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return undefined;
}

/** A variant to make: fit inside `width` × `width` (or exactly a square of that size, cropped, with `square`). */
export interface VariantSpec {
  width: number;
  square?: boolean;
}

export interface ProcessedImage {
  format: ImageFormat;
  extension: StoredExtension;
  /** The upright size of the re-encoded original. */
  width: number;
  height: number;
  /** The re-encoded original, then each variant by name. */
  original: Buffer;
  variants: Record<string, { data: Buffer; width: number; height: number }>;
}

/** A square region of the upright image, in its pixels (an avatar crop). */
export interface Crop {
  left: number;
  top: number;
  size: number;
}

export interface ImageProcessor {
  /**
   * Checks, re-encodes and resizes one upload; throws ImageRejected with a message for the user. `crop` keeps a
   * square of the upright image ('centre': the largest centred one) before the variants are made.
   */
  process(input: Buffer, variants: Record<string, VariantSpec>, crop?: Crop | 'centre'): Promise<ProcessedImage>;
}

export interface ImageOptions {
  /** Largest width × height accepted (IMAGE_MAX_PIXELS). */
  maxPixels: number;
}

const accepted = 'Only JPEG, PNG and WebP images are accepted.';

export function createImageProcessor({ maxPixels }: ImageOptions): ImageProcessor {
  const open = (input: Buffer) =>
    // failOn 'error': a truncated or corrupt file is an error, not a half-grey picture.
    sharp(input, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true });

  return {
    async process(input, specs, crop) {
      const sniffed = sniffFormat(input);
      if (!sniffed) throw new ImageRejected(`This file is not an image we accept. ${accepted}`);
      let meta: Metadata;
      try {
        meta = await open(input).metadata();
      } catch (error) {
        throw rejection(error);
      }
      if (meta.format !== sniffed) throw new ImageRejected(`This file is not an image we accept. ${accepted}`);
      if ((meta.pages ?? 1) > 1) throw new ImageRejected('Animated images are not accepted.');
      if (!meta.width || !meta.height || meta.width * meta.height > maxPixels) {
        throw new ImageRejected(`The image is too large: at most ${maxPixels.toLocaleString('en')} pixels.`);
      }
      const format = sniffed;
      try {
        // One decode: autoOrient applies and drops the EXIF orientation; the result is kept as raw pixels.
        let upright = open(input).autoOrient();
        const square = crop === 'centre' ? centreSquare(meta) : crop;
        if (square) {
          upright = upright.extract({ left: square.left, top: square.top, width: square.size, height: square.size });
        }
        const { data, info } = await upright.raw().toBuffer({ resolveWithObject: true });
        const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
        const encode = (image: Sharp) =>
          format === 'jpeg'
            ? image.jpeg({ quality: 85, mozjpeg: true })
            : format === 'png'
              ? image.png({ compressionLevel: 8 })
              : image.webp({ quality: 85 });
        const original = await encode(raw()).toBuffer();
        const variants: ProcessedImage['variants'] = {};
        for (const [name, spec] of Object.entries(specs)) {
          const resized = raw().resize(
            spec.square
              ? { width: spec.width, height: spec.width, fit: 'cover' }
              : { width: spec.width, height: spec.width, fit: 'inside', withoutEnlargement: true },
          );
          const out = await encode(resized).toBuffer({ resolveWithObject: true });
          variants[name] = { data: out.data, width: out.info.width, height: out.info.height };
        }
        return { format, extension: extensionOf[format], width: info.width, height: info.height, original, variants };
      } catch (error) {
        throw rejection(error);
      }
    },
  };
}

/** The largest centred square of the upright image (orientations 5 to 8 swap width and height). */
function centreSquare(meta: Metadata): Crop {
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const size = Math.min(width, height);
  return { left: Math.floor((width - size) / 2), top: Math.floor((height - size) / 2), size };
}

function rejection(error: unknown): ImageRejected {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new ImageRejected('The image is too large to be processed.');
  if (/extract_area|bad extract/i.test(message)) return new ImageRejected('The crop lies outside the image.');
  if (/unsupported image format/i.test(message))
    return new ImageRejected(`This file is not an image we accept. ${accepted}`);
  return new ImageRejected('The image could not be read: the file is damaged or incomplete.');
}
