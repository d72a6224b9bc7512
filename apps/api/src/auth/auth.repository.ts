import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { AuthSessionEntity, OtpCodeEntity } from './auth.entities';

export interface ScopeNames {
  streetId: string | null;
  streetName: string | null;
  communityId: string | null;
  communityName: string | null;
  compoundName: string | null;
}

@Injectable()
export class AuthRepository {
  constructor(private readonly ds: DataSource) {}

  findStaffByUsername(username: string): Promise<StaffAccountEntity | null> {
    return this.ds.getRepository(StaffAccountEntity).findOneBy({ username });
  }

  findStaff(id: string): Promise<StaffAccountEntity | null> {
    return this.ds.getRepository(StaffAccountEntity).findOneBy({ id });
  }

  findResidentByPhone(phone: string): Promise<ResidentEntity | null> {
    return this.ds.getRepository(ResidentEntity).findOneBy({ phone });
  }

  findResident(id: string): Promise<ResidentEntity | null> {
    return this.ds.getRepository(ResidentEntity).findOneBy({ id });
  }

  /** Names for a scope, and the street a community/compound belongs to. */
  async scopeNames(ids: {
    streetId?: string | null;
    communityId?: string | null;
    compoundId?: string | null;
  }): Promise<ScopeNames> {
    const rows: ScopeNames[] = await this.ds.query(
      `SELECT s.id AS "streetId", s.name AS "streetName", c.id AS "communityId", c.name AS "communityName",
              cp.name AS "compoundName"
         FROM (SELECT 1) one
         LEFT JOIN compound cp ON cp.id = $3
         LEFT JOIN community c ON c.id = COALESCE($2, cp.community_id)
         LEFT JOIN street s ON s.id = COALESCE($1, c.street_id)`,
      [ids.streetId ?? null, ids.communityId ?? null, ids.compoundId ?? null],
    );
    return rows[0]!;
  }

  /** Counts a failure atomically; locks the account when the limit is reached. */
  async recordFailedLogin(
    staffId: string,
    maxAttempts: number,
    lockSeconds: number,
  ): Promise<{ lockedUntil: Date | null }> {
    const rows: { locked_until: Date | null }[] = await this.ds.query(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH u AS (
         UPDATE staff_account
            SET failed_attempts = failed_attempts + 1,
                locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
          WHERE id = $1
          RETURNING locked_until)
       SELECT locked_until FROM u`,
      [staffId, maxAttempts, lockSeconds],
    );
    return { lockedUntil: rows[0]?.locked_until ?? null };
  }

  async resetFailedLogins(staffId: string): Promise<void> {
    await this.ds.query(
      'UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = $1',
      [staffId],
    );
  }

  async touchResident(id: string): Promise<void> {
    await this.ds.query('UPDATE resident SET last_active_at = now() WHERE id = $1', [id]);
  }

  createSession(
    s: Pick<
      AuthSessionEntity,
      'subjectKind' | 'subjectId' | 'refreshTokenHash' | 'refreshExpiresAt' | 'ip' | 'userAgent'
    >,
  ): Promise<AuthSessionEntity> {
    const repo = this.ds.getRepository(AuthSessionEntity);
    return repo.save(repo.create({ ...s, revokedAt: null, lastRefreshedAt: null }));
  }

  findSession(id: string): Promise<AuthSessionEntity | null> {
    return this.ds.getRepository(AuthSessionEntity).findOneBy({ id });
  }

  async isSessionActive(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM auth_session WHERE id = $1 AND revoked_at IS NULL AND refresh_expires_at > now()',
      [id],
    );
    return rows.length > 0;
  }

  /** Rotates only if the presented token is the current one: two racing refreshes cannot both win. */
  async rotateRefreshToken(
    id: string,
    oldHash: string,
    newHash: string,
    expiresAt: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (
         UPDATE auth_session SET refresh_token_hash = $3, refresh_expires_at = $4, last_refreshed_at = now()
          WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL AND refresh_expires_at > now()
          RETURNING id)
       SELECT id FROM u`,
      [id, oldHash, newHash, expiresAt],
    );
    return rows.length > 0;
  }

  async revokeSession(id: string): Promise<void> {
    await this.ds.query(
      'UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
  }

  async latestOtp(phone: string): Promise<OtpCodeEntity | null> {
    return this.ds
      .getRepository(OtpCodeEntity)
      .findOne({ where: { phone }, order: { createdAt: 'DESC' } });
  }

  async createOtp(
    phone: string,
    codeHash: string,
    ttlSeconds: number,
    ip: string | null,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO otp_code (phone, code_hash, expires_at, ip) VALUES ($1, $2, now() + make_interval(secs => $3), $4)`,
      [phone, codeHash, ttlSeconds, ip],
    );
  }

  /** One attempt against the newest live code; consumes it on a match, at most once. */
  async tryConsumeOtp(phone: string, codeHash: string, maxAttempts: number): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; code_hash: string; attempts: number }[] = await m.query(
        `SELECT id, code_hash, attempts FROM otp_code
          WHERE phone = $1 AND consumed_at IS NULL AND expires_at > now()
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [phone],
      );
      const otp = rows[0];
      if (!otp || otp.attempts >= maxAttempts) return false;
      if (otp.code_hash !== codeHash) {
        await m.query('UPDATE otp_code SET attempts = attempts + 1 WHERE id = $1', [otp.id]);
        return false;
      }
      await m.query('UPDATE otp_code SET consumed_at = now() WHERE id = $1', [otp.id]);
      return true;
    });
  }

  /**
   * Fixed-window counter shared by all API processes. Returns the count in the current window
   * including this hit, and the seconds until the window resets.
   */
  async hit(
    key: string,
    windowSeconds: number,
  ): Promise<{ count: number; resetInSeconds: number }> {
    const rows: { count: number; reset: number }[] = await this.ds.query(
      `INSERT INTO rate_limit_bucket (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_bucket.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE rate_limit_bucket.count + 1 END,
         window_start = CASE WHEN rate_limit_bucket.window_start <= now() - make_interval(secs => $2) THEN now() ELSE rate_limit_bucket.window_start END
       RETURNING count, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now())))::int AS reset`,
      [key, windowSeconds],
    );
    return { count: rows[0]!.count, resetInSeconds: Math.max(1, rows[0]!.reset) };
  }

  /** Which of these sessions are still live at `now`: the socket gateway's periodic re-check. */
  async activeSessionIds(ids: string[], now: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.ds.query(
      'SELECT id FROM auth_session WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL AND refresh_expires_at > $2',
      [ids, now],
    );
    return new Set(rows.map((r) => r.id));
  }
}
