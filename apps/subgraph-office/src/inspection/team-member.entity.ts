import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TeamRole = 'LEADER' | 'MEMBER';

/** One officer on one inspection's team; the leader is a culture officer (R-DRAW-2). */
@Entity('team_member')
export class TeamMember {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Index('idx_team_member_inspector')
  @PrimaryColumn({ name: 'inspector_id', type: 'varchar', length: 36 })
  inspectorId: string;

  @Column({ type: 'varchar', length: 10 })
  role: TeamRole;

  @Column({ type: 'int' })
  position: number;
}
