import { describe, expect, it } from '@jest/globals';
import { formatFileSize, jpegName } from './prepare-evidence-file';

describe('photo downscaling before upload', () => {
  it('names the re-encoded photo .jpg and shows sizes as phones do', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('现场.png')).toBe('现场.jpg');
    expect(jpegName('')).toBe('现场照片.jpg');
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(340 * 1024)).toBe('340 KB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});
