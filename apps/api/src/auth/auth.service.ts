import { randomInt, randomUUID } from 'node:crypto';
import type {
  LoginResponse,
  OtpResponse,
  ResidentLoginResult,
  SessionUser,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import type { RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { type Actor, claimsFromActor } from './actor';
import { AuthRepository } from './auth.repository';
import { LOGIN_THROTTLE, pairKey, retryAfterSeconds } from './login-throttle';
import type { SessionKind, WithSessionCookie } from './session-cookie';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider';
import { TokenService, sha256 } from './token.service';

export const LOGIN_LIMITS = {
  perIpPerMinute: LOGIN_THROTTLE.perAddressPerMinute,
  otpTtlSeconds: 5 * 60,
  otpResendSeconds: 60,
  otpPerPhonePerHour: 10,
  otpMaxAttempts: 5,
  /** How long a right code for an unregistered phone stays good for registering it. */
  registrationTtlSeconds: 30 * 60,
} as const;

/** Why a session ended; each is audited. */
export type SessionEndReason =
  'logout' | 'refresh_reuse' | 'expired' | 'max_age' | 'account_inactive';

type Subject = Omit<Actor, 'sessionId'>;

const ENDED = 'The session has ended; sign in again';

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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.dummyHash = hash('not-a-real-password');
  }

  /**
   * Known and unknown usernames take the same path: the same throttling, an argon2 verify (of a
   * dummy hash when there is no such account) and the same answer.
   */
  async staffLogin(
    username: string,
    password: string,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<LoginResponse>> {
    const now = this.clock.now();
    await this.throttle(
      `login-ip:${meta.ip ?? 'unknown'}`,
      this.config.loginPerAddressPerMinute,
      60,
      now,
    );
    const key = pairKey(username, meta.ip);
    const wait = await this.repo.claimLoginAttempt(
      key,
      now,
      LOGIN_THROTTLE.forgetAfterSeconds,
      (failures, lastTryAt) => retryAfterSeconds(failures, lastTryAt, now),
    );
    const staff = await this.repo.findStaffByUsername(username.trim().toLowerCase());
    if (wait > 0) {
      await this.audit.record(
        null,
        {
          action: 'auth.login_throttled',
          entity: 'staff',
          entityId: staff?.id,
          communityId: staff?.communityId ?? null,
          detail: { username, retryAfterSeconds: wait },
        },
        meta,
      );
      throw this.tooManyAttempts(wait);
    }
    const ok =
      staff && staff.active
        ? await verify(staff.passwordHash, password)
        : await verify(await this.dummyHash, password).then(() => false);
    if (!staff || !ok) {
      await this.audit.record(
        null,
        {
          action: 'auth.login_failed',
          entity: 'staff',
          entityId: staff?.id,
          communityId: staff?.communityId ?? null,
          detail: { username },
        },
        meta,
      );
      throw new AppException('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.repo.clearLoginAttempts(key);
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
    const now = this.clock.now();
    const latest = await this.repo.latestOtp(phone);
    const since = latest ? (now.getTime() - latest.createdAt.getTime()) / 1000 : Infinity;
    if (since < LOGIN_LIMITS.otpResendSeconds) {
      const wait = Math.ceil(LOGIN_LIMITS.otpResendSeconds - since);
      throw new AppException(
        'TOO_MANY_REQUESTS',
        `Wait ${wait} s before asking for another code`,
        undefined,
        { retryAfterSeconds: wait },
      );
    }
    await this.throttle(`otp-phone:${phone}`, LOGIN_LIMITS.otpPerPhonePerHour, 3600, now);
    await this.throttle(`otp-ip:${meta.ip ?? 'unknown'}`, 60, 3600, now);
    // Every phone gets a real code, registered or not: a newcomer registers with it, and the
    // answer (and the work behind it) is the same, so the endpoint tells nobody who is a resident.
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.repo.createOtp(
      phone,
      this.otpHash(phone, code),
      LOGIN_LIMITS.otpTtlSeconds,
      meta.ip,
      now,
    );
    await this.sms.send(
      phone,
      `【百通】您的验证码是 ${code}，5分钟内有效。Your Baitong code is ${code}.`,
    );
    const res: OtpResponse & { devCode?: string } = {
      sent: true,
      expiresInSeconds: LOGIN_LIMITS.otpTtlSeconds,
      resendAfterSeconds: LOGIN_LIMITS.otpResendSeconds,
    };
    if (this.config.mode !== 'production' && this.sms.name === 'log') res.devCode = code;
    return res;
  }

  /**
   * A right code signs the resident in; for a phone nobody holds yet it opens a registration
   * instead (the caller has just proven the phone is theirs, so saying so reveals nothing). A
   * wrong code gets the same answer for every phone.
   */
  async residentLogin(
    phone: string,
    code: string,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<ResidentLoginResult>> {
    const now = this.clock.now();
    await this.throttle(
      `login-ip:${meta.ip ?? 'unknown'}`,
      this.config.loginPerAddressPerMinute,
      60,
      now,
    );
    const ok = await this.repo.tryConsumeOtp(
      phone,
      this.otpHash(phone, code),
      LOGIN_LIMITS.otpMaxAttempts,
      now,
    );
    const resident = ok ? await this.repo.findResidentByPhone(phone) : null;
    if (ok && !resident) {
      await this.audit.record(
        null,
        {
          action: 'auth.registration_opened',
          entity: 'resident',
          detail: { phone: maskPhone(phone) },
        },
        meta,
      );
      return {
        body: {
          registrationRequired: true,
          registrationToken: this.tokens.signRegistration(
            phone,
            LOGIN_LIMITS.registrationTtlSeconds,
          ),
          expiresInSeconds: LOGIN_LIMITS.registrationTtlSeconds,
          phoneMasked: maskPhone(phone),
        },
        cookie: null,
      };
    }
    if (!resident) {
      await this.audit.record(
        null,
        { action: 'auth.login_failed', entity: 'resident', detail: { phone: maskPhone(phone) } },
        meta,
      );
      throw new AppException('OTP_INVALID', 'The code is wrong or has expired; ask for a new one');
    }
    return this.openResidentSession(resident, meta);
  }

  /** The phone a registration token proves (see `residentLogin`). */
  registrationPhone(token: string): string {
    return this.tokens.verifyRegistration(token);
  }

  /** Signs a resident in: after a right code, or right after they registered. */
  async openResidentSession(
    resident: ResidentEntity,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<LoginResponse>> {
    await this.repo.touchResident(resident.id, this.clock.now());
    const subject = await this.residentSubject(resident);
    const res = await this.openSession(subject, meta);
    await this.audit.record(
      { ...subject, sessionId: '' },
      { action: 'auth.login', entity: 'resident', entityId: resident.id },
      meta,
    );
    return res;
  }

  /** Ends every live session of a resident (their record was merged into another). */
  async endResidentSessions(residentId: string, meta: RequestMeta, actor: Actor): Promise<void> {
    for (const id of await this.repo.liveSessionIds('resident', residentId, this.clock.now()))
      await this.revokeSession(id, 'account_inactive', meta, actor);
  }

  /**
   * A new access token for the app's refresh cookie, and the cookie rotated. The session's idle
   * expiry slides with each refresh, never past its absolute lifetime from sign-in.
   */
  async refresh(
    kind: SessionKind,
    refreshToken: string | null,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<LoginResponse>> {
    if (!refreshToken) throw new AppException('TOKEN_INVALID', 'No session cookie; sign in');
    const { sessionId, hash: oldHash } = this.tokens.parseRefreshToken(refreshToken);
    const now = this.clock.now();
    const session = await this.repo.findSession(sessionId);
    // A cookie of the other app is not a session of this one.
    if (!session || session.subjectKind !== kind || session.revokedAt) {
      throw new AppException('TOKEN_INVALID', ENDED);
    }
    const deadline = this.sessionDeadline(kind, session.createdAt);
    if (deadline <= now || session.refreshExpiresAt <= now) {
      await this.revokeSession(sessionId, deadline <= now ? 'max_age' : 'expired', meta);
      throw new AppException('TOKEN_INVALID', ENDED);
    }
    const next = this.tokens.newRefreshToken(sessionId);
    const expires = earliest(addSeconds(now, this.tokens.refreshTtl), deadline);
    if (!(await this.repo.rotateRefreshToken(sessionId, oldHash, next.hash, expires, now))) {
      // An old refresh token came back: it may have been stolen, so the whole session ends.
      await this.revokeSession(sessionId, 'refresh_reuse', meta);
      throw new AppException('TOKEN_INVALID', 'The refresh token was already used; sign in again');
    }
    const subject = await this.loadSubject(kind, session.subjectId);
    if (!subject) {
      await this.revokeSession(sessionId, 'account_inactive', meta);
      throw new AppException('TOKEN_INVALID', 'The account is no longer active');
    }
    return {
      body: {
        accessToken: this.tokens.signAccess(claimsFromActor(subject, sessionId)),
        expiresIn: this.tokens.accessTtl,
        user: await this.sessionUser(subject),
      },
      cookie: { kind, token: next.token, expiresAt: expires },
    };
  }

  /** Logout with the access token: ends its session and clears the app's cookie. */
  async logout(actor: Actor, meta: RequestMeta): Promise<WithSessionCookie<void>> {
    await this.revokeSession(actor.sessionId, 'logout', meta, actor);
    return { body: undefined, cookie: { kind: actor.kind, token: null } };
  }

  /**
   * Logout with the app's cookie (works after the access token expired): ends the session when
   * the cookie is its current refresh token, and always clears the cookie.
   */
  async logoutByCookie(
    kind: SessionKind,
    refreshToken: string | null,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<void>> {
    const cleared: WithSessionCookie<void> = { body: undefined, cookie: { kind, token: null } };
    const parsed = refreshToken ? this.tokens.tryParseRefreshToken(refreshToken) : null;
    if (!parsed) return cleared;
    const session = await this.repo.findSession(parsed.sessionId);
    if (!session || session.subjectKind !== kind || session.refreshTokenHash !== parsed.hash)
      return cleared;
    const subject = await this.loadSubject(kind, session.subjectId);
    await this.revokeSession(
      session.id,
      'logout',
      meta,
      subject ? { ...subject, sessionId: session.id } : null,
    );
    return cleared;
  }

  /**
   * The one way a session ends (logout, refresh-token reuse, idle or absolute expiry, an account
   * no longer active). Audited once, when it really ended the session.
   */
  async revokeSession(
    sessionId: string,
    reason: SessionEndReason,
    meta: RequestMeta,
    actor: Actor | null = null,
  ): Promise<void> {
    if (!(await this.repo.revokeSession(sessionId, this.clock.now()))) return;
    const action =
      reason === 'logout'
        ? 'auth.logout'
        : reason === 'refresh_reuse'
          ? 'auth.refresh_reuse'
          : 'auth.session_ended';
    await this.audit.record(
      actor,
      { action, entity: 'session', entityId: sessionId, detail: { reason } },
      meta,
    );
  }

  async me(actor: Actor): Promise<SessionUser> {
    const subject = await this.loadSubject(actor.kind, actor.id);
    if (!subject) throw new AppException('TOKEN_INVALID', 'The account is no longer active');
    return this.sessionUser(subject);
  }

  private sessionDeadline(kind: SessionKind, createdAt: Date): Date {
    return addSeconds(createdAt, this.tokens.maxSessionAge(kind));
  }

  private async openSession(
    subject: Subject,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<LoginResponse>> {
    const kind = subject.kind;
    const now = this.clock.now();
    const id = randomUUID();
    const refresh = this.tokens.newRefreshToken(id);
    const expiresAt = earliest(
      addSeconds(now, this.tokens.refreshTtl),
      this.sessionDeadline(kind, now),
    );
    await this.repo.createSession({
      id,
      subjectKind: kind,
      subjectId: subject.id,
      refreshTokenHash: refresh.hash,
      refreshExpiresAt: expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
      createdAt: now,
    });
    return {
      body: {
        accessToken: this.tokens.signAccess(claimsFromActor(subject, id)),
        expiresIn: this.tokens.accessTtl,
        user: await this.sessionUser(subject),
      },
      cookie: { kind, token: refresh.token, expiresAt },
    };
  }

  private loadSubject(kind: SessionKind, id: string): Promise<Subject | null> {
    return kind === 'staff' ? this.loadStaffSubject(id) : this.loadResidentSubject(id);
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
    const [scopeName, scopeNameEn] =
      s.scopeLevel === 'district'
        ? ['两江新区', 'Liangjiang New Area']
        : s.scopeLevel === 'street'
          ? [names.streetName, names.streetNameEn]
          : s.scopeLevel === 'community'
            ? [names.communityName, names.communityNameEn]
            : [names.compoundName, names.compoundNameEn];
    const user: SessionUser = {
      id: s.id,
      kind: s.kind,
      displayName: s.name,
      role: s.role,
      scope: {
        level: s.scopeLevel,
        id: s.scopeId,
        name: scopeName ?? '',
        nameEn: scopeNameEn ?? '',
      },
    };
    if (s.kind === 'staff') {
      const staff = await this.repo.findStaff(s.id);
      user.username = staff?.username;
      user.deskId = staff?.deskId ?? null;
    } else {
      const r = await this.repo.findResident(s.id);
      if (r) {
        user.phoneMasked = maskPhone(r.phone);
        user.verification = r.verification;
      }
      user.compound =
        s.compoundId && names.compoundName
          ? { id: s.compoundId, name: names.compoundName, nameEn: names.compoundNameEn ?? '' }
          : null;
    }
    return user;
  }

  private otpHash(phone: string, code: string): string {
    return sha256(`${this.config.jwtSecret}:${phone}:${code}`);
  }

  private tooManyAttempts(retryAfterSeconds: number): AppException {
    return new AppException('TOO_MANY_REQUESTS', 'Too many attempts; try again later', undefined, {
      retryAfterSeconds,
    });
  }

  private async throttle(
    key: string,
    limit: number,
    windowSeconds: number,
    now: Date,
  ): Promise<void> {
    const { count, resetInSeconds } = await this.repo.hit(key, windowSeconds, now);
    if (count > limit) throw this.tooManyAttempts(resetInSeconds);
  }
}

function addSeconds(d: Date, seconds: number): Date {
  return new Date(d.getTime() + seconds * 1000);
}

function earliest(a: Date, b: Date): Date {
  return a <= b ? a : b;
}
