import { randomInt } from 'node:crypto';
import type { LoginResponse, OtpResponse, SessionUser } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { Logger } from 'pino';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { LOGGER } from '../common/logger';
import { maskPhone } from '../common/mask';
import type { RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { type Actor, claimsFromActor } from './actor';
import { AuthRepository } from './auth.repository';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider';
import { TokenService, sha256 } from './token.service';

export const LOGIN_LIMITS = {
  /** Consecutive wrong passwords before the account locks. */
  maxFailures: 5,
  lockSeconds: 15 * 60,
  /** Sign-in attempts per client address per minute, whatever the account. */
  perIpPerMinute: 30,
  otpTtlSeconds: 5 * 60,
  otpResendSeconds: 60,
  otpPerPhonePerHour: 10,
  otpMaxAttempts: 5,
} as const;

type Subject = Omit<Actor, 'sessionId'>;

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so timing does not reveal which names exist. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly repo: AuthRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    this.dummyHash = hash('not-a-real-password');
  }

  async staffLogin(username: string, password: string, meta: RequestMeta): Promise<LoginResponse> {
    await this.throttle(`login-ip:${meta.ip ?? 'unknown'}`, LOGIN_LIMITS.perIpPerMinute, 60);
    const staff = await this.repo.findStaffByUsername(username.trim().toLowerCase());
    if (staff?.lockedUntil && staff.lockedUntil > new Date()) {
      await this.audit.record(
        null,
        {
          action: 'auth.login_refused_locked',
          entity: 'staff',
          entityId: staff.id,
          communityId: staff.communityId,
          detail: { username },
        },
        meta,
      );
      throw this.locked(staff.lockedUntil);
    }
    const ok =
      staff && staff.active
        ? await verify(staff.passwordHash, password)
        : await verify(await this.dummyHash, password).then(() => false);
    if (!staff || !ok) {
      let lockedUntil: Date | null = null;
      if (staff)
        ({ lockedUntil } = await this.repo.recordFailedLogin(
          staff.id,
          LOGIN_LIMITS.maxFailures,
          LOGIN_LIMITS.lockSeconds,
        ));
      await this.audit.record(
        null,
        {
          action: 'auth.login_failed',
          entity: 'staff',
          entityId: staff?.id,
          communityId: staff?.communityId ?? null,
          detail: { username, locked: lockedUntil !== null },
        },
        meta,
      );
      if (lockedUntil) throw this.locked(lockedUntil);
      throw new AppException('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.repo.resetFailedLogins(staff.id);
    const subject = await this.staffSubject(staff);
    const res = await this.openSession(subject, meta);
    await this.audit.record(
      { ...subject, sessionId: '' },
      { action: 'auth.login', entity: 'staff', entityId: staff.id },
      meta,
    );
    return res;
  }

  async requestOtp(phone: string, meta: RequestMeta): Promise<OtpResponse & { devCode?: string }> {
    const latest = await this.repo.latestOtp(phone);
    const since = latest ? (Date.now() - latest.createdAt.getTime()) / 1000 : Infinity;
    if (since < LOGIN_LIMITS.otpResendSeconds) {
      const wait = Math.ceil(LOGIN_LIMITS.otpResendSeconds - since);
      throw new AppException(
        'TOO_MANY_REQUESTS',
        `Wait ${wait} s before asking for another code`,
        undefined,
        { retryAfterSeconds: wait },
      );
    }
    await this.throttle(`otp-phone:${phone}`, LOGIN_LIMITS.otpPerPhonePerHour, 3600);
    await this.throttle(`otp-ip:${meta.ip ?? 'unknown'}`, 60, 3600);
    const resident = await this.repo.findResidentByPhone(phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    // The answer is the same for unknown numbers, so the endpoint cannot be used to find residents.
    await this.repo.createOtp(
      phone,
      this.otpHash(phone, resident ? code : `x${code}`),
      LOGIN_LIMITS.otpTtlSeconds,
      meta.ip,
    );
    if (resident) {
      await this.sms.send(
        phone,
        `【百通】您的登录验证码是 ${code}，5分钟内有效。Your Baitong sign-in code is ${code}.`,
      );
    } else {
      this.log.info(
        { phone: maskPhone(phone) },
        'one-time code requested for an unregistered phone',
      );
    }
    const res: OtpResponse & { devCode?: string } = {
      sent: true,
      expiresInSeconds: LOGIN_LIMITS.otpTtlSeconds,
      resendAfterSeconds: LOGIN_LIMITS.otpResendSeconds,
    };
    if (this.config.mode !== 'production' && this.sms.name === 'log' && resident)
      res.devCode = code;
    return res;
  }

  async residentLogin(phone: string, code: string, meta: RequestMeta): Promise<LoginResponse> {
    await this.throttle(`login-ip:${meta.ip ?? 'unknown'}`, LOGIN_LIMITS.perIpPerMinute, 60);
    const ok = await this.repo.tryConsumeOtp(
      phone,
      this.otpHash(phone, code),
      LOGIN_LIMITS.otpMaxAttempts,
    );
    const resident = ok ? await this.repo.findResidentByPhone(phone) : null;
    if (!resident) {
      await this.audit.record(
        null,
        { action: 'auth.login_failed', entity: 'resident', detail: { phone: maskPhone(phone) } },
        meta,
      );
      throw new AppException('OTP_INVALID', 'The code is wrong or has expired; ask for a new one');
    }
    await this.repo.touchResident(resident.id);
    const subject = await this.residentSubject(resident);
    const res = await this.openSession(subject, meta);
    await this.audit.record(
      { ...subject, sessionId: '' },
      { action: 'auth.login', entity: 'resident', entityId: resident.id },
      meta,
    );
    return res;
  }

  async refresh(refreshToken: string, meta: RequestMeta): Promise<LoginResponse> {
    const { sessionId, hash: oldHash } = this.tokens.parseRefreshToken(refreshToken);
    const session = await this.repo.findSession(sessionId);
    if (!session || session.revokedAt || session.refreshExpiresAt <= new Date()) {
      throw new AppException('TOKEN_INVALID', 'The session has ended; sign in again');
    }
    const next = this.tokens.newRefreshToken(sessionId);
    const expires = new Date(Date.now() + this.tokens.refreshTtl * 1000);
    if (!(await this.repo.rotateRefreshToken(sessionId, oldHash, next.hash, expires))) {
      // An old refresh token came back: it may have been stolen, so the whole session ends.
      await this.repo.revokeSession(sessionId);
      await this.audit.record(
        null,
        { action: 'auth.refresh_reuse', entity: 'session', entityId: sessionId },
        meta,
      );
      throw new AppException('TOKEN_INVALID', 'The refresh token was already used; sign in again');
    }
    const subject =
      session.subjectKind === 'staff'
        ? await this.loadStaffSubject(session.subjectId)
        : await this.loadResidentSubject(session.subjectId);
    if (!subject) {
      await this.repo.revokeSession(sessionId);
      throw new AppException('TOKEN_INVALID', 'The account is no longer active');
    }
    return {
      accessToken: this.tokens.signAccess(claimsFromActor(subject, sessionId)),
      refreshToken: next.token,
      expiresIn: this.tokens.accessTtl,
      user: await this.sessionUser(subject),
    };
  }

  async logout(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.repo.revokeSession(actor.sessionId);
    await this.audit.record(
      actor,
      { action: 'auth.logout', entity: 'session', entityId: actor.sessionId },
      meta,
    );
  }

  async me(actor: Actor): Promise<SessionUser> {
    const subject =
      actor.kind === 'staff'
        ? await this.loadStaffSubject(actor.id)
        : await this.loadResidentSubject(actor.id);
    if (!subject) throw new AppException('TOKEN_INVALID', 'The account is no longer active');
    return this.sessionUser(subject);
  }

  private async openSession(subject: Subject, meta: RequestMeta): Promise<LoginResponse> {
    const placeholder = this.tokens.newRefreshToken('00000000-0000-0000-0000-000000000000');
    const session = await this.repo.createSession({
      subjectKind: subject.kind,
      subjectId: subject.id,
      refreshTokenHash: placeholder.hash,
      refreshExpiresAt: new Date(Date.now() + this.tokens.refreshTtl * 1000),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const refresh = this.tokens.newRefreshToken(session.id);
    await this.repo.rotateRefreshToken(
      session.id,
      placeholder.hash,
      refresh.hash,
      session.refreshExpiresAt,
    );
    return {
      accessToken: this.tokens.signAccess(claimsFromActor(subject, session.id)),
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTtl,
      user: await this.sessionUser(subject),
    };
  }

  private async loadStaffSubject(id: string): Promise<Subject | null> {
    const staff = await this.repo.findStaff(id);
    return staff && staff.active ? this.staffSubject(staff) : null;
  }

  private async loadResidentSubject(id: string): Promise<Subject | null> {
    const r = await this.repo.findResident(id);
    return r ? this.residentSubject(r) : null;
  }

  private async staffSubject(s: StaffAccountEntity): Promise<Subject> {
    const names = await this.repo.scopeNames({
      streetId: s.streetId,
      communityId: s.communityId,
      compoundId: s.compoundId,
    });
    const scopeId =
      s.scopeLevel === 'district'
        ? 'district'
        : s.scopeLevel === 'street'
          ? s.streetId!
          : s.scopeLevel === 'community'
            ? s.communityId!
            : s.compoundId!;
    return {
      kind: 'staff',
      id: s.id,
      role: s.role,
      name: s.displayName,
      scopeLevel: s.scopeLevel,
      scopeId,
      streetId: names.streetId,
      communityId: s.communityId,
      compoundId: s.compoundId,
    };
  }

  private async residentSubject(r: ResidentEntity): Promise<Subject> {
    const names = await this.repo.scopeNames({ communityId: r.communityId });
    return {
      kind: 'resident',
      id: r.id,
      role: 'resident',
      name: r.name,
      scopeLevel: 'community',
      scopeId: r.communityId,
      streetId: names.streetId,
      communityId: r.communityId,
      compoundId: r.compoundId,
    };
  }

  private async sessionUser(s: Subject): Promise<SessionUser> {
    const names = await this.repo.scopeNames({
      streetId: s.streetId,
      communityId: s.communityId,
      compoundId: s.compoundId,
    });
    const scopeName =
      s.scopeLevel === 'district'
        ? '两江新区'
        : s.scopeLevel === 'street'
          ? names.streetName
          : s.scopeLevel === 'community'
            ? names.communityName
            : names.compoundName;
    const user: SessionUser = {
      id: s.id,
      kind: s.kind,
      displayName: s.name,
      role: s.role,
      scope: { level: s.scopeLevel, id: s.scopeId, name: scopeName ?? '' },
    };
    if (s.kind === 'staff') {
      user.username = (await this.repo.findStaff(s.id))?.username;
    } else {
      const r = await this.repo.findResident(s.id);
      if (r) user.phoneMasked = maskPhone(r.phone);
    }
    return user;
  }

  private otpHash(phone: string, code: string): string {
    return sha256(`${this.config.jwtSecret}:${phone}:${code}`);
  }

  private locked(until: Date): AppException {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppException(
      'ACCOUNT_LOCKED',
      'Too many wrong passwords: the account is locked for a while',
      undefined,
      { retryAfterSeconds },
    );
  }

  private async throttle(key: string, limit: number, windowSeconds: number): Promise<void> {
    const { count, resetInSeconds } = await this.repo.hit(key, windowSeconds);
    if (count > limit) {
      throw new AppException('TOO_MANY_REQUESTS', 'Too many attempts; try again later', undefined, {
        retryAfterSeconds: resetInSeconds,
      });
    }
  }
}
