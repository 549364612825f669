import { Column, Entity, Index, PrimaryColumn, Table, TableIndex } from 'typeorm';
import { column } from '../data-source';

/**
 * An event waiting to be delivered to one subscriber, written in the same transaction as the change it
 * reports (a transactional outbox): the change and its event commit together or not at all.
 */
@Entity('event_outbox')
@Index('idx_event_outbox_pending', ['destination', 'deliveredAt', 'createdAt'])
export class OutboxEventEntity {
  /** One row per (event, destination): `${eventId}:${destination}` would exceed nothing, but two columns read better. */
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  destination: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  /** The event's payload as JSON. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 6, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}

/** An event this subgraph has already applied: a second delivery of the same id changes nothing. */
@Entity('event_inbox')
export class InboxEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 6 })
  processedAt: Date;
}

/** The two event tables, for each subgraph's own migration. */
export function eventTables(): Table[] {
  return [
    new Table({
      name: 'event_outbox',
      columns: [
        column('event_id', 'varchar', { length: 36, primary: true }),
        column('destination', 'varchar', { length: 32, primary: true }),
        column('topic', 'varchar', { length: 64 }),
        column('payload', 'text'),
        column('created_at', 'datetime', { precision: 6 }),
        column('delivered_at', 'datetime', { precision: 6, nullable: true }),
        column('attempts', 'integer', { default: '0' }),
        column('last_error', 'varchar', { length: 500, nullable: true }),
      ],
      indices: [new TableIndex({ name: 'idx_event_outbox_pending', columnNames: ['destination', 'delivered_at', 'created_at'] })],
    }),
    new Table({
      name: 'event_inbox',
      columns: [
        column('event_id', 'varchar', { length: 36, primary: true }),
        column('source', 'varchar', { length: 32 }),
        column('topic', 'varchar', { length: 64 }),
        column('processed_at', 'datetime', { precision: 6 }),
      ],
    }),
  ];
}
