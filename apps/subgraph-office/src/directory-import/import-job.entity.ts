import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportStatus {
  VALIDATING = 'VALIDATING',
  VALID = 'VALID',
  INVALID = 'INVALID',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: '导入状态',
  valuesConfig: {
    VALIDATING: { description: '校验中（试导入，不写入）' },
    VALID: { description: '校验通过，待确认导入' },
    INVALID: { description: '有错误行，不能导入' },
    COMMITTING: { description: '导入中' },
    COMMITTED: { description: '已导入' },
    FAILED: { description: '导入失败，未写入任何数据' },
  },
});

export enum ImportKind {
  VENUES = 'venues',
  INSPECTORS = 'inspectors',
}
registerEnumType(ImportKind, { name: 'DirectoryKind', description: '名录库', valuesConfig: { VENUES: { description: '检查对象名录库' }, INSPECTORS: { description: '执法检查人员名录库' } } });

/** An import of a directory file: a dry run that lists every bad row, then an all-or-nothing commit. */
@Entity('import_job')
@ObjectType({ description: '名录导入' })
@Directive('@key(fields: "id")')
export class ImportJob {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ImportKind)
  kind: ImportKind;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  @Field()
  fileName: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ImportStatus)
  status: ImportStatus;

  @Column({ name: 'total_rows', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '文件中的数据行数（已知时）' })
  totalRows: number | null;

  @Column({ name: 'processed_rows', type: 'int' })
  @Field(() => Int, { description: '已处理的行数' })
  processedRows: number;

  @Column({ name: 'valid_rows', type: 'int' })
  @Field(() => Int, { description: '校验通过的行数' })
  validRows: number;

  @Column({ name: 'error_count', type: 'int' })
  @Field(() => Int, { description: '错误数（含未逐条保存的）' })
  errorCount: number;

  @Column({ name: 'failure_message', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  failureMessage: string | null;

  @Column({ name: 'file_path', type: 'varchar', length: 500 })
  filePath: string;

  @Index('idx_import_job_created_by')
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  /** The importer's department: a department admin imports only its own officers. */
  @Column({ name: 'created_by_department', type: 'varchar', length: 16, nullable: true })
  createdByDepartment: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  @Field()
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 6, nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

/** One problem in one row of an import file (row as Excel numbers it, Chinese column and reason). */
@Entity('import_error')
@ObjectType({ description: '导入错误行' })
export class ImportRowError {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 })
  jobId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '行号（表头为第 1 行）' })
  row: number;

  @Column({ name: 'column_name', type: 'varchar', length: 50 })
  @Field({ description: '列' })
  column: string;

  @Column({ type: 'varchar', length: 300 })
  @Field({ description: '原因' })
  reason: string;
}
