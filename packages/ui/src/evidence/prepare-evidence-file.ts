import { downscaledSize } from '../signature/signature-geometry';

/** Options of {@link prepareEvidenceFile}. */
export interface PrepareEvidenceOptions {
  /** Longest side after scaling, in pixels (2048 by default). */
  maxSide?: number;
  /** JPEG quality 0–1 (0.85 by default). */
  quality?: number;
  /** Photos at most this large and no larger than `maxSide` are sent as they are (1.5 MB by default). */
  keepBelowBytes?: number;
}

/** The file to upload: the original or a scaled-down JPEG. */
export interface PreparedFile {
  blob: Blob;
  fileName: string;
  contentType: string;
}

/** `IMG_0001.HEIC` → `IMG_0001.jpg`. */
export function jpegName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]{1,5}$/, '') || '现场照片';
  return `${base}.jpg`;
}

/**
 * Makes evidence fit for an upload over 4G: a phone photo is scaled down in the browser to at most
 * 2048 px on the longest side and re-encoded as JPEG (EXIF orientation applied, transparency on
 * white), as a Blob to send raw. PDFs, small images and anything the browser cannot decode are
 * returned unchanged: the server checks the type by content and answers in Chinese if it refuses.
 * (`downscaleImage` of the signature screens returns a data URL for GraphQL instead.)
 * @param file - what the camera or file picker gave
 * @param options - size, quality
 */
export async function prepareEvidenceFile(file: File, options: PrepareEvidenceOptions = {}): Promise<PreparedFile> {
  const maxSide = options.maxSide ?? 2048;
  const original: PreparedFile = { blob: file, fileName: file.name || '现场证据', contentType: file.type || 'application/octet-stream' };
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return original;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return original;
  }
  try {
    const small = Math.max(bitmap.width, bitmap.height) <= maxSide;
    if (small && file.size <= (options.keepBelowBytes ?? 1.5 * 1024 * 1024) && /^image\/(jpeg|png|webp)$/.test(file.type)) return original;
    const { width, height } = downscaledSize(bitmap.width, bitmap.height, maxSide);
    const blob = await drawJpeg(bitmap, width, height, options.quality ?? 0.85);
    if (!blob || (small && blob.size >= file.size && /^image\/(jpeg|png|webp)$/.test(file.type))) return original;
    return { blob, fileName: jpegName(original.fileName), contentType: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
}

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * `1.2 MB`, `340 KB`, `900 B` (binary units, as file managers on phones show them).
 * @param bytes - a size
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
