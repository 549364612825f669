import { downscaledSize } from './signature-geometry';

/** Options of {@link downscaleImage}. */
export interface DownscaleImageOptions {
  /** Longest side in pixels (default 1600): enough to read a stamp, small enough to send from the field. */
  maxSide?: number;
  /** JPEG quality between 0 and 1 (default 0.85). */
  quality?: number;
}

/** A photo brought down to size in the browser. */
export interface DownscaledImage {
  /** `data:image/jpeg;base64,…` */
  dataUrl: string;
  width: number;
  height: number;
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    // `from-image` turns a phone photo upright as its EXIF orientation says.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Decodes a photo (from the camera or the gallery), turns it upright, and re-encodes it as a JPEG
 * whose longer side is at most `maxSide`: a 12-megapixel camera picture becomes a few hundred
 * kilobytes. Transparent areas become white (JPEG has no alpha). Throws when the file is not an
 * image the browser can read.
 * @param file - the chosen file
 * @param options - size and quality
 */
export async function downscaleImage(file: Blob, options: DownscaleImageOptions = {}): Promise<DownscaledImage> {
  const { maxSide = 1600, quality = 0.85 } = options;
  let decoded;
  try {
    decoded = await decode(file);
  } catch {
    throw new Error('无法读取该图片，请重新拍摄或选择 JPEG/PNG 图片');
  }
  try {
    const size = downscaledSize(decoded.width, decoded.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('浏览器不支持图片处理');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(decoded.source, 0, 0, size.width, size.height);
    return { dataUrl: canvas.toDataURL('image/jpeg', quality), width: size.width, height: size.height };
  } finally {
    decoded.close();
  }
}
