import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 责令改正通知书: one per order to rectify of a signed visit, numbered once when the visit is signed and
 * kept as issued (the facts, the basis and the order as they stood then), so a reprint is the same letter.
 */
@Entity('fire_order_notice')
@Index('uq_fire_order_notice_year_serial', ['year', 'serial'], { unique: true })
export class OrderNoticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_fire_order_notice_order', { unique: true })
  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Index('idx_fire_order_notice_inspection')
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  /** The year of the 文书编号 and its serial within the year. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  serial: number;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Column({ name: 'venue_uscc', type: 'varchar', length: 32 })
  venueUscc: string;

  @Column({ name: 'venue_street', type: 'varchar', length: 100 })
  venueStreet: string;

  @Column({ name: 'item_title', type: 'varchar', length: 500, nullable: true })
  itemTitle: string | null;

  /** 检查依据 of the item the order is about; null when the order names no item. */
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  /** The problem found: the item's note, else the 现场笔录's facts. */
  @Column({ type: 'text' })
  facts: string;

  @Column({ name: 'order_content', type: 'varchar', length: 1000 })
  orderContent: string;

  @Column({ name: 'rectification_deadline', type: 'varchar', length: 10 })
  rectificationDeadline: string;

  /** The day the visit was signed: the letter's date. */
  @Index('idx_fire_order_notice_issued')
  @Column({ name: 'issued_on', type: 'varchar', length: 10 })
  issuedOn: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
