import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DrawStatus {
  COMMITTED = 'COMMITTED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(DrawStatus, {
  name: 'DrawStatus',
  description: '抽取状态',
  valuesConfig: {
    COMMITTED: { description: '已公布承诺，待揭示种子' },
    COMPLETED: { description: '已完成抽取' },
    FAILED: { description: '无法完成（如某部门人员不足），须重新抽取' },
  },
});

/**
 * A double-random draw (R-DRAW-1..3). Its inputs are fixed when it is committed and never change;
 * the reveal completes it once. A redraw is a new draw naming the one it supersedes and why.
 */
@Entity('draw')
@Index('idx_draw_plan_batch', ['planId', 'batch'])
@ObjectType({ description: '双随机抽取' })
@Directive('@key(fields: "id")')
export class Draw {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: '批次' })
  batch: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => DrawStatus)
  status: DrawStatus;

  @Column({ type: 'varchar', length: 16 })
  @Field({ description: '算法版本（docs/draw-algorithm.md）' })
  algorithm: string;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: '抽取前公布的承诺（SHA-256）' })
  commitment: string;

  @Column({ name: 'venue_snapshot_hash', type: 'varchar', length: 64 })
  @Field({ description: '检查对象名录快照哈希' })
  venueSnapshotHash: string;

  @Column({ name: 'inspector_snapshot_hash', type: 'varchar', length: 64 })
  @Field({ description: '执法检查人员名录快照哈希' })
  inspectorSnapshotHash: string;

  @Column({ name: 'venue_count', type: 'int' })
  @Field(() => Int, { description: '快照中的检查对象数' })
  venueCount: number;

  @Column({ name: 'inspector_count', type: 'int' })
  @Field(() => Int, { description: '快照中的执法人员数' })
  inspectorCount: number;

  /** Canonical JSON of the draw parameters. */
  @Column({ type: 'text' })
  parameters: string;

  /** JSON `[{ party, commitment }]`. */
  @Column({ name: 'seed_commitments', type: 'text' })
  seedCommitments: string;

  /** JSON `[{ party, secret }]`, set at the reveal. */
  @Column({ type: 'text', nullable: true })
  reveals: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: '由各方种子导出的随机种子' })
  seed: string | null;

  @Column({ name: 'result_hash', type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: '抽取结果哈希' })
  resultHash: string | null;

  @Column({ name: 'drawn_count', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '抽中的检查对象数' })
  drawnCount: number | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: '无法完成的原因' })
  failureMessage: string | null;

  @Column({ name: 'supersedes_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: '本次重新抽取所取代的抽取' })
  supersedesId: string | null;

  @Column({ name: 'redraw_reason', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: '重新抽取的理由' })
  redrawReason: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  @Field()
  createdAt: Date;

  @Column({ name: 'revealed_at', type: 'datetime', precision: 6, nullable: true })
  @Field(() => Date, { nullable: true })
  revealedAt: Date | null;
}

/**
 * Large parts of a draw (the two directory snapshots, the result), gzip-compressed and cut into chunks
 * that fit a plain BLOB on every database and stay far below MySQL's packet limit.
 */
@Entity('draw_blob')
export class DrawBlob {
  @PrimaryColumn({ name: 'draw_id', type: 'varchar', length: 36 })
  drawId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: 'venues' | 'inspectors' | 'result';

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'blob' })
  data: Buffer;
}
