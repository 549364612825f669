import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { auditHead, hasAuditTrail } from './audit-writer';

/**
 * Logs the chain head (`audit head`: seq and hash) at start and then every `intervalMs`, so the log
 * collector holds copies of it outside the database: a trail cut at its tail and its head row rewound
 * together no longer matches a head logged before (docs/operations.md, "Anchoring the head").
 * @returns a function that stops the timer
 */
export function logAuditHeadPeriodically(dataSource: DataSource, logger: Logger, intervalMs: number): () => void {
  if (!hasAuditTrail(dataSource)) return () => undefined;
  const log = () =>
    auditHead(dataSource).then(
      (head) => head && logger.info({ auditHead: { seq: head.seq, hash: head.hash } }, 'audit head'),
      (error: unknown) => logger.warn({ err: error }, 'could not read the audit head'),
    );
  void log();
  const timer = setInterval(log, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
