import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_NAMES, mayManageOffice, stripUnsafeCharacters, type Principal } from '@dr/domain';
import type { InspectorRecord, VenueRecord } from '@dr/directory-import';
import { conflict, forbidden, notFound, type Logger } from '@dr/subgraph-kit';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { InspectorConflict } from '../inspector/conflict.entity';
import { ImportJob, ImportKind, ImportRowError, ImportStatus } from './import-job.entity';
import type { ImportWorkerData, ImportWorkerMessage } from './import.worker';

/** At most this many row errors are kept per import (the count covers them all). */
const STORED_ERRORS = 10_000;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UPSERT_BATCH = 500;

type Row = Extract<ImportWorkerMessage, { type: 'rows' }>['rows'][number];

export class UploadTooLarge extends Error {}

/**
 * Directory imports: the upload is kept on disk, a worker thread parses it (a dry run that lists every
 * bad row), and only a fully valid file is written, in one transaction. Progress is kept in memory
 * for polling while a job runs.
 */
export class ImportService {
  private readonly progress = new Map<string, { processedRows: number; totalRows: number | null }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { directory: string; streets: string[]; logger: Logger },
  ) {}

  /** The district's streets (DISTRICT_STREETS): an imported venue, and one entered by hand, is on one of them. */
  get districtStreets(): readonly string[] {
    return this.options.streets;
  }

  /** Jobs that were running when the server stopped can never finish: they fail, and say why. */
  async failInterrupted(): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ImportJob)
      .set({ status: ImportStatus.FAILED, failureMessage: '服务重启，导入中断，未写入任何数据；请重新上传', finishedAt: new Date() })
      .where('status IN (:...running)', { running: [ImportStatus.VALIDATING, ImportStatus.COMMITTING] })
      .execute();
  }

  /** Who may import what: venues are the office's; officers the office's or their own department admin's. */
  assertMayImport(kind: ImportKind, principal: Principal): void {
    if (mayManageOffice(principal)) return;
    if (kind === ImportKind.INSPECTORS && principal.role === 'DEPARTMENT_ADMIN') return;
    throw forbidden(kind === ImportKind.VENUES ? '只有联席办管理员可以导入检查对象名录' : '只有联席办或部门管理员可以导入执法人员名录');
  }

  /** Stores an uploaded file and starts its dry run. */
  async upload(body: Readable, kind: ImportKind, fileName: string, principal: Principal): Promise<ImportJob> {
    this.assertMayImport(kind, principal);
    await mkdir(this.options.directory, { recursive: true });
    const id = randomUUID();
    const filePath = join(this.options.directory, `${id}.upload`);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(size > MAX_UPLOAD_BYTES ? new UploadTooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(filePath));
    } catch (error) {
      await rm(filePath, { force: true });
      throw error;
    }
    const job = this.dataSource.getRepository(ImportJob).create({
      id,
      kind,
      // The name is shown back in lists: direction overrides could make it read as another file.
      fileName: stripUnsafeCharacters(fileName).slice(0, 200) || '未命名文件',
      status: ImportStatus.VALIDATING,
      totalRows: null,
      processedRows: 0,
      validRows: 0,
      errorCount: 0,
      failureMessage: null,
      filePath,
      createdBy: principal.userId,
      createdByDepartment: principal.department,
      createdAt: new Date(),
      finishedAt: null,
    });
    try {
      await this.dataSource.getRepository(ImportJob).insert(job);
    } catch (error) {
      // No job names this upload: nothing would ever read or remove it.
      await rm(filePath, { force: true });
      throw error;
    }
    void this.validate(job).catch((error: unknown) => this.fail(job, error));
    return job;
  }

  /** The job as the caller may see it (only its creator or the office), with live progress. */
  async find(id: string, principal: Principal): Promise<ImportJob | null> {
    const job = await this.dataSource.getRepository(ImportJob).findOneBy({ id });
    if (!job || (job.createdBy !== principal.userId && !mayManageOffice(principal))) return null;
    const live = this.progress.get(id);
    return live ? { ...job, ...live } : job;
  }

  async errors(jobId: string, offset: number, limit: number): Promise<[ImportRowError[], number]> {
    return this.dataSource.getRepository(ImportRowError).findAndCount({ where: { jobId }, order: { seq: 'ASC' }, skip: offset, take: limit });
  }

  /** Writes a validated file, all or nothing. */
  async commit(id: string, principal: Principal): Promise<ImportJob> {
    const job = await this.find(id, principal);
    if (!job) throw notFound('导入', id);
    this.assertMayImport(job.kind, principal);
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(ImportJob)
      .set({ status: ImportStatus.COMMITTING, processedRows: 0 })
      .where('id = :id AND status = :status', { id, status: ImportStatus.VALID })
      .execute();
    if (claimed.affected !== 1) throw conflict(job.status === ImportStatus.COMMITTED ? '该文件已导入' : '只有校验通过的文件才能导入', { status: job.status });
    void this.write(job).catch((error: unknown) => this.fail(job, error));
    return { ...job, status: ImportStatus.COMMITTING, processedRows: 0 };
  }

  private async *parsed(job: ImportJob): AsyncGenerator<Row[]> {
    const workerData: ImportWorkerData = { kind: job.kind, path: job.filePath, streets: this.options.streets };
    const worker = new Worker(join(__dirname, 'import.worker.js'), { workerData });
    const messages: ImportWorkerMessage[] = [];
    let wake: (() => void) | null = null;
    let crashed: Error | null = null;
    worker.on('message', (message: ImportWorkerMessage) => {
      messages.push(message);
      wake?.();
    });
    worker.on('error', (error: Error) => {
      crashed = error;
      wake?.();
    });
    try {
      for (;;) {
        if (messages.length === 0 && !crashed) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (crashed) throw crashed;
        const message = messages.shift()!;
        if (message.type === 'progress') this.progress.set(job.id, { processedRows: message.processedRows, totalRows: message.totalRows });
        else if (message.type === 'failed') throw new ImportFileError(message.message);
        else if (message.type === 'done') return;
        else {
          yield message.rows;
          worker.postMessage('next');
        }
      }
    } finally {
      await worker.terminate();
    }
  }

  private async validate(job: ImportJob): Promise<void> {
    let errorCount = 0;
    let validRows = 0;
    let seq = 0;
    for await (const rows of this.parsed(job)) {
      const extra = job.kind === ImportKind.INSPECTORS ? await this.inspectorProblems(rows, job) : [];
      const problems = [...rows.flatMap((r) => r.errors), ...extra];
      const badRows = new Set(problems.map((p) => p.row));
      validRows += rows.filter((r) => r.record && !badRows.has(r.row)).length;
      errorCount += problems.length;
      const stored = problems.slice(0, Math.max(0, STORED_ERRORS - seq)).map((p) => ({ jobId: job.id, seq: seq++, row: p.row, column: p.column.slice(0, 50), reason: p.reason.slice(0, 300) }));
      for (let i = 0; i < stored.length; i += UPSERT_BATCH) await this.dataSource.getRepository(ImportRowError).insert(stored.slice(i, i + UPSERT_BATCH));
    }
    const live = this.progress.get(job.id);
    this.progress.delete(job.id);
    const status = errorCount === 0 && validRows > 0 ? ImportStatus.VALID : ImportStatus.INVALID;
    await this.dataSource.getRepository(ImportJob).update(
      { id: job.id },
      { status, errorCount, validRows, processedRows: live?.processedRows ?? validRows, totalRows: live?.totalRows ?? live?.processedRows ?? null, failureMessage: validRows === 0 && errorCount === 0 ? '文件中没有数据行' : null, finishedAt: new Date() },
    );
    this.options.logger.info({ importId: job.id, kind: job.kind, status, validRows, errorCount }, 'import validated');
  }

  /**
   * Checks only the database can answer: a department admin's own department, both for the row and for
   * the officer the row's 执法证号 already belongs to (else the upsert would move another department's
   * officer into the admin's), and conflicts' venues.
   */
  private async inspectorProblems(rows: Row[], job: ImportJob, manager: EntityManager = this.dataSource.manager) {
    const problems: { row: number; column: string; reason: string }[] = [];
    const records = rows.filter((r) => r.record) as (Row & { record: InspectorRecord })[];
    if (job.createdByDepartment) {
      for (const r of records) if (r.record.department !== job.createdByDepartment) problems.push({ row: r.row, column: '所属部门', reason: '部门管理员只能导入本部门的执法人员' });
      const numbers = [...new Set(records.map((r) => r.record.certificateNumber))];
      const existing = numbers.length ? await manager.find(Inspector, { select: { certificateNumber: true, department: true }, where: { certificateNumber: In(numbers) } }) : [];
      const departmentOf = new Map(existing.map((i) => [i.certificateNumber, i.department]));
      for (const r of records) {
        const owner = departmentOf.get(r.record.certificateNumber);
        if (owner && owner !== job.createdByDepartment) {
          problems.push({ row: r.row, column: '执法证号', reason: `执法证号 ${r.record.certificateNumber} 已登记为${DEPARTMENT_NAMES[owner].short}的执法人员，部门管理员不能修改其他部门的人员` });
        }
      }
    }
    const codes = [...new Set(records.flatMap((r) => r.record.conflicts.map((c) => c.uscc)))];
    const known = new Set(codes.length ? (await manager.find(Venue, { select: { uscc: true }, where: { uscc: In(codes) } })).map((v) => v.uscc) : []);
    for (const r of records) {
      for (const c of r.record.conflicts) if (!known.has(c.uscc)) problems.push({ row: r.row, column: '回避对象统一社会信用代码', reason: `检查对象名录中没有代码为 ${c.uscc} 的检查对象，请先导入该检查对象` });
    }
    return problems;
  }

  private async write(job: ImportJob): Promise<void> {
    let written = 0;
    await this.dataSource.transaction(async (manager) => {
      for await (const rows of this.parsed(job)) {
        const extra = job.kind === ImportKind.INSPECTORS ? await this.inspectorProblems(rows, job, manager) : [];
        // The directory may have changed since the dry run: say which row is now refused, and write nothing.
        if (extra.length) throw new ImportFileError(`第 ${extra[0].row} 行：${extra[0].reason}。名录在校验后已被修改，未写入任何数据，请重新上传校验`);
        if (rows.some((r) => r.errors.length || !r.record)) throw new ImportFileError('文件在校验后发生了变化或名录已被修改，请重新上传校验');
        if (job.kind === ImportKind.VENUES) await this.upsertVenues(manager, rows.map((r) => r.record as VenueRecord));
        else await this.upsertInspectors(manager, rows.map((r) => r.record as InspectorRecord));
        written += rows.length;
      }
    });
    this.progress.delete(job.id);
    await this.dataSource.getRepository(ImportJob).update({ id: job.id }, { status: ImportStatus.COMMITTED, processedRows: written, finishedAt: new Date() });
    await rm(job.filePath, { force: true });
    this.options.logger.info({ importId: job.id, kind: job.kind, rows: written }, 'import committed');
  }

  /** New venues are added; a venue whose code is already in the directory is updated (its id kept). */
  private async upsertVenues(manager: EntityManager, records: VenueRecord[]): Promise<void> {
    const now = new Date();
    const rows = records.map((r) => ({ id: randomUUID(), ...r, createdAt: now }));
    const updated = ['name', 'code_kind', 'license_number', 'address', 'street', 'legal_representative', 'contact_person', 'phone', 'terminals', 'status', 'risk_class', 'last_inspection_date', 'last_inspection_problem_found'];
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      await manager.createQueryBuilder().insert().into(Venue).values(rows.slice(i, i + UPSERT_BATCH)).orUpdate(updated, ['uscc']).updateEntity(false).execute();
    }
  }

  /** Officers by 执法证号, likewise; their declared conflicts are replaced by the file's. */
  private async upsertInspectors(manager: EntityManager, records: InspectorRecord[]): Promise<void> {
    const rows = records.map(({ conflicts: _conflicts, ...r }) => ({ id: randomUUID(), ...r }));
    await manager.createQueryBuilder().insert().into(Inspector).values(rows).updateEntity(false).orUpdate(['name', 'department', 'certificate_valid_from', 'certificate_valid_until', 'status', 'expertise'], ['certificate_number']).execute();
    const saved = await manager.find(Inspector, { select: { id: true, certificateNumber: true }, where: { certificateNumber: In(records.map((r) => r.certificateNumber)) } });
    const idOf = new Map(saved.map((s) => [s.certificateNumber, s.id]));
    const codes = [...new Set(records.flatMap((r) => r.conflicts.map((c) => c.uscc)))];
    const venueOf = new Map(codes.length ? (await manager.find(Venue, { select: { id: true, uscc: true }, where: { uscc: In(codes) } })).map((v) => [v.uscc, v.id]) : []);
    await manager.delete(InspectorConflict, { inspectorId: In([...idOf.values()]) });
    const conflicts = records.flatMap((r) => r.conflicts.map((c) => ({ id: randomUUID(), inspectorId: idOf.get(r.certificateNumber)!, venueId: venueOf.get(c.uscc)!, relation: c.relation, reason: c.reason ?? '' })));
    if (conflicts.length) await manager.insert(InspectorConflict, conflicts);
  }

  private async fail(job: ImportJob, error: unknown): Promise<void> {
    this.progress.delete(job.id);
    const message = error instanceof ImportFileError ? error.message : '导入失败，未写入任何数据；请稍后重试';
    if (!(error instanceof ImportFileError)) this.options.logger.error({ err: error, importId: job.id }, 'import failed');
    await this.dataSource.getRepository(ImportJob).update({ id: job.id }, { status: ImportStatus.FAILED, failureMessage: message, finishedAt: new Date() });
  }
}

/** A problem with the file itself, said in Chinese to the user. */
export class ImportFileError extends Error {}

