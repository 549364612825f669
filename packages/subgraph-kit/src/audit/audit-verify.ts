import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { AuditEntryEntity } from './audit.entities';
import { ChainVerifier, type ChainWalk } from './audit-chain';
import { auditHead } from './audit-writer';

const PAGE = 1000;

/**
 * Walks a subgraph's whole trail in sequence order, recomputing every hash, and checks the last entry
 * against the recorded head. Reads in pages, so a long trail never sits in memory at once.
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainWalk & { head: { seq: number; hash: string } | null }> {
  const verifier = new ChainVerifier();
  const repository = dataSource.getRepository(AuditEntryEntity);
  // Read the head first: entries appended while the walk runs come after it and are not judged.
  const head = await auditHead(dataSource);
  let after = 0;
  for (;;) {
    const page = await repository.find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: PAGE });
    if (!page.length) break;
    const inHead = head ? page.filter((entry) => entry.seq <= head.seq) : page;
    if (!verifier.feed(inHead) || inHead.length < page.length) break;
    after = page[page.length - 1].seq;
  }
  return { ...verifier.finish(head), head: head && { seq: head.seq, hash: head.hash } };
}
