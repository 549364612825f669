import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A declared conflict of interest (回避): the officer is never drawn for this venue. */
@Entity('inspector_conflict')
@ObjectType({ description: '回避申报' })
export class InspectorConflict {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Index('idx_inspector_conflict_inspector')
  @Column({ name: 'inspector_id', type: 'varchar', length: 36 })
  inspectorId: string;

  @Index('idx_inspector_conflict_venue')
  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  venueId: string;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '关系，如 近亲属、曾任职' })
  relation: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '回避原因' })
  reason: string;
}
