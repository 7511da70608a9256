import sharp from 'sharp';

/** Real image bytes, made by sharp in the test: a plain colour, optionally with EXIF (orientation, GPS, owner). */
export async function imageBytes(
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff',
  {
    width = 60,
    height = 40,
    orientation,
    exif = false,
  }: { width?: number; height?: number; orientation?: number; exif?: boolean } = {},
): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#c0392b' } });
  if (exif)
    image = image.withExif({
      IFD0: { Copyright: 'secret-owner', Make: 'TestPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' },
    });
  if (orientation) image = image.withMetadata({ orientation });
  return image.toFormat(format).toBuffer();
}

/** A small PNG that decodes to a huge image: a decompression bomb of `side` × `side` pixels. */
export function bombBytes(side = 6000): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#ffffff' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
