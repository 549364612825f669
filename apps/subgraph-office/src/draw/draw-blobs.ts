import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { DrawBlob } from './draw.entity';

/** Below a plain BLOB's 64 KiB on MySQL, so every database stores the chunks the same way. */
const CHUNK_BYTES = 60 * 1024;

/** Stores `value` as gzip-compressed JSON in chunks (fastest level: a draw waits on it; the text compresses ~8× anyway). */
export async function writeDrawBlob(manager: EntityManager, drawId: string, kind: DrawBlob['kind'], value: unknown): Promise<void> {
  const packed = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 1 });
  const chunks: Partial<DrawBlob>[] = [];
  for (let seq = 0; seq * CHUNK_BYTES < packed.length || seq === 0; seq++) {
    chunks.push({ drawId, kind, seq, data: packed.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
  }
  // Batches keep each INSERT statement small whatever the snapshot's size.
  for (let i = 0; i < chunks.length; i += 16) await manager.createQueryBuilder().insert().into(DrawBlob).values(chunks.slice(i, i + 16)).updateEntity(false).execute();
}

export async function readDrawBlob<T>(manager: EntityManager, drawId: string, kind: DrawBlob['kind']): Promise<T | null> {
  const chunks = await manager.find(DrawBlob, { where: { drawId, kind }, order: { seq: 'ASC' } });
  if (chunks.length === 0) return null;
  return JSON.parse(gunzipSync(Buffer.concat(chunks.map((c) => Buffer.from(c.data)))).toString('utf8')) as T;
}
