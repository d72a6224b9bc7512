import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { AuthSessionEntity, OtpCodeEntity } from './auth.entities';

export interface ScopeNames {
  streetId: string | null;
  streetName: string | null;
  streetNameEn: string | null;
  communityId: string | null;
  communityName: string | null;
  communityNameEn: string | null;
  compoundName: string | null;
  compoundNameEn: string | null;
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

  /** A merged record is nobody's any more: it neither signs in nor keeps a session. */
  findResidentByPhone(phone: string): Promise<ResidentEntity | null> {
    return this.ds
      .getRepository(ResidentEntity)
      .findOneBy({ phone, verification: Not('merged' as const) });
  }

  findResident(id: string): Promise<ResidentEntity | null> {
    return this.ds
      .getRepository(ResidentEntity)
      .findOneBy({ id, verification: Not('merged' as const) });
  }

  async liveSessionIds(
    kind: 'staff' | 'resident',
    subjectId: string,
    now: Date,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM auth_session
        WHERE subject_kind = $1 AND subject_id = $2 AND revoked_at IS NULL AND refresh_expires_at > $3`,
      [kind, subjectId, now],
    );
    return rows.map((r) => r.id);
  }

  /** Names for a scope, and the street a community/compound belongs to. */
  async scopeNames(ids: {
    streetId?: string | null;
    communityId?: string | null;
    compoundId?: string | null;
  }): Promise<ScopeNames> {
    const rows: ScopeNames[] = await this.ds.query(
      `SELECT s.id AS "streetId", s.name AS "streetName", s.name_en AS "streetNameEn",
              c.id AS "communityId", c.name AS "communityName", c.name_en AS "communityNameEn",
              cp.name AS "compoundName", cp.name_en AS "compoundNameEn"
         FROM (SELECT 1) one
         LEFT JOIN compound cp ON cp.id = $3
         LEFT JOIN community c ON c.id = COALESCE($2, cp.community_id)
         LEFT JOIN street s ON s.id = COALESCE($1, c.street_id)`,
      [ids.streetId ?? null, ids.communityId ?? null, ids.compoundId ?? null],
    );
    return rows[0]!;
  }

  /**
   * One sign-in try for a (username, address) pair, counted before the password is checked so
   * that parallel tries cannot slip past the wait. `wait` says how long the pair must still wait
   * given its failures so far; a try that must wait is not counted. Returns that wait, 0 = go on.
   */
  async claimLoginAttempt(
    key: string,
    now: Date,
    forgetAfterSeconds: number,
    wait: (failures: number, lastTryAt: Date) => number,
  ): Promise<number> {
    return this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO rate_limit_bucket (key, window_start, count) VALUES ($1, $2, 0)
         ON CONFLICT (key) DO NOTHING`,
        [key, now],
      );
      const rows: { window_start: Date; count: number }[] = await m.query(
        'SELECT window_start, count FROM rate_limit_bucket WHERE key = $1 FOR UPDATE',
        [key],
      );
      const row = rows[0]!;
      const forgotten = now.getTime() - row.window_start.getTime() >= forgetAfterSeconds * 1000;
      const failures = forgotten ? 0 : row.count;
      const seconds = failures === 0 ? 0 : wait(failures, row.window_start);
      if (seconds > 0) return seconds;
      await m.query('UPDATE rate_limit_bucket SET count = $2, window_start = $3 WHERE key = $1', [
        key,
        failures + 1,
        now,
      ]);
      return 0;
    });
  }

  /** A successful sign-in wipes the pair's failures. */
  async clearLoginAttempts(key: string): Promise<void> {
    await this.ds.query('DELETE FROM rate_limit_bucket WHERE key = $1', [key]);
  }

  async touchResident(id: string, now: Date): Promise<void> {
    await this.ds.query(
      'UPDATE resident SET last_active_at = $2, app_since = COALESCE(app_since, $2) WHERE id = $1',
      [id, now],
    );
  }

  /** `createdAt` is the sign-in instant from the clock: the absolute lifetime counts from it. */
  async createSession(
    s: Pick<
      AuthSessionEntity,
      | 'id'
      | 'subjectKind'
      | 'subjectId'
      | 'refreshTokenHash'
      | 'refreshExpiresAt'
      | 'ip'
      | 'userAgent'
      | 'createdAt'
    >,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO auth_session (id, subject_kind, subject_id, refresh_token_hash, refresh_expires_at, ip, user_agent, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        s.id,
        s.subjectKind,
        s.subjectId,
        s.refreshTokenHash,
        s.refreshExpiresAt,
        s.ip,
        s.userAgent,
        s.createdAt,
      ],
    );
  }

  findSession(id: string): Promise<AuthSessionEntity | null> {
    return this.ds.getRepository(AuthSessionEntity).findOneBy({ id });
  }

  async isSessionActive(id: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM auth_session WHERE id = $1 AND revoked_at IS NULL AND refresh_expires_at > $2',
      [id, now],
    );
    return rows.length > 0;
  }

  /** Rotates only if the presented token is the current one: two racing refreshes cannot both win. */
  async rotateRefreshToken(
    id: string,
    oldHash: string,
    newHash: string,
    expiresAt: Date,
    now: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (
         UPDATE auth_session SET refresh_token_hash = $3, refresh_expires_at = $4, last_refreshed_at = $5
          WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL AND refresh_expires_at > $5
          RETURNING id)
       SELECT id FROM u`,
      [id, oldHash, newHash, expiresAt, now],
    );
    return rows.length > 0;
  }

  /** True when this call ended the session, false when it had ended already. */
  async revokeSession(id: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (
         UPDATE auth_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM u`,
      [id, now],
    );
    return rows.length > 0;
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
    now: Date,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO otp_code (phone, code_hash, expires_at, ip, created_at)
       VALUES ($1, $2, $5::timestamptz + make_interval(secs => $3), $4, $5)`,
      [phone, codeHash, ttlSeconds, ip, now],
    );
  }

  /** One attempt against the newest live code; consumes it on a match, at most once. */
  async tryConsumeOtp(
    phone: string,
    codeHash: string,
    maxAttempts: number,
    now: Date,
  ): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; code_hash: string; attempts: number }[] = await m.query(
        `SELECT id, code_hash, attempts FROM otp_code
          WHERE phone = $1 AND consumed_at IS NULL AND expires_at > $2
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [phone, now],
      );
      const otp = rows[0];
      if (!otp || otp.attempts >= maxAttempts) return false;
      if (otp.code_hash !== codeHash) {
        await m.query('UPDATE otp_code SET attempts = attempts + 1 WHERE id = $1', [otp.id]);
        return false;
      }
      await m.query('UPDATE otp_code SET consumed_at = $2 WHERE id = $1', [otp.id, now]);
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
    now: Date,
  ): Promise<{ count: number; resetInSeconds: number }> {
    const rows: { count: number; reset: number }[] = await this.ds.query(
      `INSERT INTO rate_limit_bucket (key, window_start, count) VALUES ($1, $3, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_bucket.window_start <= $3::timestamptz - make_interval(secs => $2) THEN 1 ELSE rate_limit_bucket.count + 1 END,
         window_start = CASE WHEN rate_limit_bucket.window_start <= $3::timestamptz - make_interval(secs => $2) THEN $3 ELSE rate_limit_bucket.window_start END
       RETURNING count, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - $3::timestamptz)))::int AS reset`,
      [key, windowSeconds, now],
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
