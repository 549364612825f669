import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA (`channels` 4) or RGB (`channels` 3) pixels as a valid PNG. */
export function encodePng(width: number, height: number, pixels: Uint8Array, channels: 3 | 4 = 4): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // colour type: RGBA or RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

/** A handwriting-like blue-black stroke on a transparent background, different for every `seed`. */
export function createSignaturePng(seed: string, width = 240, height = 80): Buffer {
  const random = seededRandom(seed);
  const pixels = new Uint8Array(width * height * 4);
  const waves = Array.from({ length: 3 }, () => ({ f: 0.02 + random() * 0.08, p: random() * 6.3, a: 6 + random() * 14 }));
  const dot = (cx: number, cy: number, r: number) => {
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if (x < 0 || y < 0 || x >= width || y >= height || (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        pixels.set([20, 30, 90, 255], (y * width + x) * 4);
      }
    }
  };
  for (let x = 12; x < width - 12; x += 0.5) {
    const y = height / 2 + waves.reduce((sum, w) => sum + Math.sin(x * w.f + w.p) * w.a, 0) * 0.6;
    dot(x, y, 1.8);
  }
  return encodePng(width, height, pixels);
}

/**
 * A red round seal on a paper-white background, as a photographed stamp. `grain` adds sensor-like
 * noise so the file has a photo's size (about 100 KB at the default 320 px and grain 12).
 */
export function createStampPng(seed = 'stamp', size = 320, grain = 12): Buffer {
  const random = seededRandom(seed);
  const pixels = new Uint8Array(size * size * 3);
  const c = size / 2;
  const outer = size * 0.46;
  const ring = size * 0.05;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const angle = Math.atan2(y - c, x - c);
      // A five-pointed star in the middle: radius varies with the angle.
      const star = size * 0.16 * (0.55 + 0.45 * Math.cos(5 * (angle + Math.PI / 2)));
      const red = (d <= outer && d >= outer - ring) || d <= star;
      const n = (random() - 0.5) * grain;
      const base = red ? [200, 30, 35] : [246, 243, 236];
      pixels.set(base.map((v) => Math.max(0, Math.min(255, Math.round(v + n)))), (y * size + x) * 3);
    }
  }
  return encodePng(size, size, pixels, 3);
}
