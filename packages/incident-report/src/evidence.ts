/**
 * Evidence images, made safe to send: each chosen file is decoded by the browser and drawn again
 * on a canvas, so that what leaves the device is new pixels with no EXIF, XMP, IPTC or GPS data,
 * at most 2,560 px on its longest side. Loaded with the form (never in the first chunk).
 */
import type { ImageType } from './report-model.js';

export const maxImages = 5;
/** The largest file a person may choose (a phone's photo is 2 to 12 MB). */
export const maxFileBytes = 25 * 1024 * 1024;
/** The largest image sent, after re-encoding (the reference receiver's limit: 10 MB). */
export const maxImageBytes = 10 * 1000 * 1000;
export const maxSide = 2560;
/** Longest side of the preview shown in the form. */
const previewSide = 240;

/** Why a chosen file was not added. */
export type ImageProblem = 'type' | 'too-big' | 'unreadable' | 'too-many' | 'storage';

export class ImageProblemError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`The image was not added: ${problem}`);
  }
}

/** The type by the file's first bytes, not by its name (a picker may give no type, or a wrong one). */
export async function sniffImageType(file: Blob): Promise<ImageType | undefined> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(1, 4) === 'PNG' && head[0] === 0x89) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** An image ready to keep and send. */
export interface PreparedImage {
  blob: Blob;
  type: ImageType;
  sha256: string;
  /** A small copy of what is sent, for the form's preview. */
  preview: ImageBitmap;
}

export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Decode, turn upright (the EXIF orientation is applied to the pixels, then the EXIF is gone),
 * scale down and encode again: a photo as JPEG, a screenshot (PNG) or a WebP as WebP, which keeps
 * text sharp; JPEG where the browser cannot write WebP. Throws an ImageProblemError.
 */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  if (file.size > maxFileBytes) throw new ImageProblemError('too-big');
  const sourceType = await sniffImageType(file);
  if (!sourceType) throw new ImageProblemError('type');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageProblemError('unreadable');
  }
  let blob: Blob;
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const wanted: ImageType = sourceType === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
    blob = await encode(bitmap, width, height, wanted, 0.85);
    for (const quality of [0.7, 0.5]) {
      if (blob.size > maxImageBytes) blob = await encode(bitmap, width, height, wanted, quality);
    }
  } catch {
    throw new ImageProblemError('unreadable');
  } finally {
    bitmap.close();
  }
  if (blob.size > maxImageBytes) throw new ImageProblemError('too-big');
  const [sha256, preview] = await Promise.all([sha256Hex(await blob.arrayBuffer()), previewOf(blob)]);
  return { blob, type: blob.type as ImageType, sha256, preview };
}

/** A small bitmap of an image kept on the device, for its preview. */
export async function previewOf(blob: Blob): Promise<ImageBitmap> {
  const full = await createImageBitmap(blob);
  const scale = Math.min(1, previewSide / Math.max(full.width, full.height));
  if (scale === 1) return full;
  try {
    return await createImageBitmap(full, {
      resizeWidth: Math.max(1, Math.round(full.width * scale)),
      resizeHeight: Math.max(1, Math.round(full.height * scale)),
      resizeQuality: 'medium',
    });
  } finally {
    full.close();
  }
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

function canvasOf(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function toBlob(canvas: AnyCanvas, type: string, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded'))),
      type,
      quality,
    ),
  );
}

/** Draw the pixels on a new canvas and encode them: nothing but the pixels comes along. */
async function encode(bitmap: ImageBitmap, width: number, height: number, type: ImageType, quality: number) {
  const canvas = canvasOf(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!context) throw new Error('No 2D canvas');
  if (type === 'image/jpeg') {
    // JPEG has no transparency: a transparent screenshot goes on white, not black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  const blob = await toBlob(canvas, type, quality);
  // A browser that cannot write WebP gives PNG instead, which is large: JPEG then.
  if (blob.type !== type && type !== 'image/jpeg') return encode(bitmap, width, height, 'image/jpeg', quality);
  return blob;
}
