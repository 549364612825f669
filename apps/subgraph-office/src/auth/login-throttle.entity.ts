import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins counted under one throttle key (account and address, address, or account), in the
 * office's own database when no Redis is configured: counters must outlive a restart and be shared by
 * every office process, so they never live in process memory.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'datetime', precision: 6 })
  lastFailureAt: Date;

  /** When the counter is forgotten; expired rows are purged as new failures arrive. */
  @Index('ix_login_throttle_expires_at')
  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;
}
