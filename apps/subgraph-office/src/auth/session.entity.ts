import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One login session (ADR 0019): the id is the `sid` every access token carries; the refresh token is
 * stored only as its SHA-256. Refreshing rotates the hash; presenting an older refresh token of the same
 * session (a stolen copy, or the thief's after the user refreshed) ends the session. A revoked session's
 * sid is what every server refuses until its last access token has expired.
 */
@Entity('app_session')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('ix_app_session_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** SHA-256 (hex) of the current refresh token's secret part. */
  @Column({ name: 'refresh_hash', type: 'varchar', length: 64 })
  refreshHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'refreshed_at', type: 'datetime', precision: 6 })
  refreshedAt: Date;

  /** When the refresh token stops working, however often it was rotated. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;

  /** Set once the session is ended (logout, revocation, reuse, disable, password change). */
  @Index('ix_app_session_revoked_at')
  @Column({ name: 'revoked_at', type: 'datetime', precision: 6, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 20, nullable: true })
  revokeReason: string | null;
}
