import { encodePng } from '@dr/documents/testing';

/** A real PNG (white, a dark diagonal stroke), like a signature pad's export; `seed` varies the bytes. */
export function signaturePng(width = 120, height = 40, seed = 0): Buffer {
  const pixels = new Uint8Array(width * height * 3).fill(0xff);
  for (let y = 0; y < height; y++) {
    const x = Math.floor(((y + seed) * width) / height) % width;
    pixels.fill(0x20, (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return encodePng(width, height, pixels, 3);
}

export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
