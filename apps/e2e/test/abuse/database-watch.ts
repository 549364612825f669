import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SUBGRAPHS, type Subgraph } from './schema';

/**
 * Watches the four subgraphs' SQLite files from outside the servers. `PRAGMA data_version` changes
 * whenever another connection commits, so "nothing was written" costs four tiny reads per request;
 * only when it moved is every table hashed (row count + content), to tell real changes from the
 * event relay's own bookkeeping.
 */
export class DatabaseWatch {
  /**
   * Tables a refusal may leave changed: the event relay marks deliveries on its own clock, and a failed
   * login counts against the client in `login_throttle` (docs/operations.md), a write that may land after
   * the refusal was answered.
   */
  static readonly BOOKKEEPING = new Set(['event_outbox', 'event_inbox', 'login_throttle', 'migrations', 'typeorm_metadata', 'sqlite_sequence']);
  /**
   * The audit trail records failed logins and reads in a transaction of their own, so a refusal may add
   * those entries (ADR 0016); what it must never add is the record of a write. So the trail is compared by
   * its write entries only.
   */
  static readonly AUDIT = new Set(['audit_entry', 'audit_head']);
  static readonly AUDITED_WRITES = `SELECT COUNT(*) || ':' || COALESCE(MAX(seq), 0) FROM audit_entry WHERE action IN ('insert', 'update', 'delete', 'soft-delete')`;
  private readonly connections: Record<Subgraph, Database.Database>;
  private versions: Record<Subgraph, number>;
  private digests: Record<Subgraph, Map<string, string>>;

  constructor(dataDir: string) {
    this.connections = Object.fromEntries(SUBGRAPHS.map((name) => [name, new Database(join(dataDir, `${name}.sqlite`), { readonly: true, fileMustExist: true })])) as Record<Subgraph, Database.Database>;
    this.versions = this.readVersions();
    this.digests = this.readDigests();
  }

  private readVersions(): Record<Subgraph, number> {
    return Object.fromEntries(SUBGRAPHS.map((name) => [name, this.connections[name].pragma('data_version', { simple: true }) as number])) as Record<Subgraph, number>;
  }

  private digest(name: Subgraph): Map<string, string> {
    const db = this.connections[name];
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const result = new Map<string, string>();
    if (tables.includes('audit_entry')) result.set('audit_entry (writes)', String(db.prepare(DatabaseWatch.AUDITED_WRITES).pluck().get()));
    for (const table of tables) {
      if (DatabaseWatch.BOOKKEEPING.has(table) || DatabaseWatch.AUDIT.has(table)) continue;
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
        hash.update(JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)));
        rows++;
      }
      result.set(table, `${rows}:${hash.digest('hex')}`);
    }
    return result;
  }

  private readDigests(): Record<Subgraph, Map<string, string>> {
    return Object.fromEntries(SUBGRAPHS.map((name) => [name, this.digest(name)])) as Record<Subgraph, Map<string, string>>;
  }

  /** The tables (as `subgraph.table`) whose rows differ from the last accepted state; empty when nothing changed. */
  changedSinceBaseline(): string[] {
    const now = this.readVersions();
    const changed: string[] = [];
    for (const name of SUBGRAPHS) {
      if (now[name] === this.versions[name]) continue;
      const digest = this.digest(name);
      const tables = new Set([...digest.keys(), ...this.digests[name].keys()]);
      const unexpected = [...tables].filter((table) => this.digests[name].get(table) !== digest.get(table)).map((table) => `${name}.${table}`);
      changed.push(...unexpected);
      // Only bookkeeping moved: accept it, so the next check is four cheap reads again.
      if (!unexpected.length) {
        this.versions[name] = now[name];
        this.digests[name] = digest;
      }
    }
    return changed;
  }

  /**
   * Accepts the current state (after a call that was allowed to write), once the writes have settled:
   * no commit for `settleMs`, longer than the event relay's poll (EVENTS_POLL_MS, 250 ms), so the events
   * the call sent have landed too.
   */
  async rebaseline(settleMs = 400): Promise<void> {
    let before = this.readVersions();
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const after = this.readVersions();
      if (SUBGRAPHS.every((name) => after[name] === before[name])) break;
      before = after;
    }
    this.versions = this.readVersions();
    this.digests = this.readDigests();
  }

  close(): void {
    for (const db of Object.values(this.connections)) db.close();
  }
}
