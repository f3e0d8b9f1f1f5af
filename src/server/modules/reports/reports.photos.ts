// Report photos: what comes in is checked by its content (never its name): the first bytes must be a JPEG, PNG, WebP
// or HEIF/HEIC signature and sharp must decode it; at most 10 MB and 40 megapixels. What is stored is always a fresh
// JPEG sharp wrote (turned upright by its EXIF orientation, then every metadata block — EXIF with the GPS position,
// XMP, ICC, comments — dropped, as sharp does unless asked to keep them), at most 1600 px on the long side, and a
// 320 px thumbnail. So no upload can make the server store anything but an image it encoded itself.
import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const FULL_PX = 1600;
export const THUMB_PX = 320;

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The image type the first bytes announce (jpeg, png, webp, heif), or null for anything else. */
export function sniffImage(b: Buffer): 'jpeg' | 'png' | 'webp' | 'heif' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(b.toString('latin1', 8, 12)))
    return 'heif';
  return null;
}

/**
 * The bytes of a base64 upload (a `data:image/…;base64,` prefix and whitespace allowed). PHOTO_NOT_IMAGE when it is
 * not base64 at all; PHOTO_TOO_LARGE above 10 MB.
 */
export function decodeUpload(text: string): Buffer {
  const body = text.replace(/^data:[^,]{0,100},/, '').replace(/\s+/g, '');
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new AppError('PHOTO_NOT_IMAGE');
  // 4 characters carry 3 bytes: refuse before decoding what would be too large anyway.
  if (Math.floor((body.length * 3) / 4) - (body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0) > MAX_PHOTO_BYTES)
    throw new AppError('PHOTO_TOO_LARGE', { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  return Buffer.from(body, 'base64');
}

export interface ProcessedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/** Checks an uploaded image and makes the two JPEGs that are stored (see the top of this file). */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > MAX_PHOTO_BYTES) throw new AppError('PHOTO_TOO_LARGE', { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  if (!sniffImage(input)) throw new AppError('PHOTO_NOT_IMAGE');
  const open = () => sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', pages: 1 });
  let meta: sharp.Metadata;
  try {
    // The header alone (no pixels decoded), so a picture too large to decode is told apart from a non-image.
    meta = await sharp(input, { limitInputPixels: false, failOn: 'error', pages: 1 }).metadata();
  } catch {
    throw new AppError('PHOTO_NOT_IMAGE');
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new AppError('PHOTO_NOT_IMAGE');
  if (!meta.width || !meta.height) throw new AppError('PHOTO_NOT_IMAGE');
  if (meta.width * meta.height > MAX_PHOTO_PIXELS)
    throw new AppError('PHOTO_TOO_MANY_PIXELS', { maxMp: MAX_PHOTO_PIXELS / 1_000_000 });
  try {
    const full = await open()
      .rotate()
      .resize({ width: FULL_PX, height: FULL_PX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full.data)
      .resize({ width: THUMB_PX, height: THUMB_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75, mozjpeg: true })
      .toBuffer();
    return { full: full.data, thumb, width: full.info.width, height: full.info.height };
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A file that announces an image but does not decode (truncated, corrupt, an unsupported HEVC HEIC).
    throw new AppError('PHOTO_NOT_IMAGE');
  }
}
