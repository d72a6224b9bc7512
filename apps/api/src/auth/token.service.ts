import { type KeyObject, createHash, createSecretKey, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AccessClaims } from './actor';

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

@Injectable()
export class TokenService {
  /**
   * Made once: given a string, jsonwebtoken first tries to read it as a public key and fails on
   * every request, which costs about a millisecond each time.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  // `iat` (and so `exp`) and the verification instant come from the clock, like all domain time.
  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  signAccess(claims: AccessClaims): string {
    const payload = { ...claims, iat: this.nowSeconds() } as unknown as Record<string, unknown>;
    return this.jwt.sign(payload, {
      secret: this.key as unknown as string,
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'baitong',
      audience: 'baitong',
    });
  }

  verifyAccess(token: string): AccessClaims {
    try {
      return this.jwt.verify<AccessClaims & object>(token, {
        secret: this.key as unknown as string,
        issuer: 'baitong',
        audience: 'baitong',
        algorithms: ['HS256'],
        clockTimestamp: this.nowSeconds(),
      });
    } catch {
      throw new AppException('TOKEN_INVALID', 'The access token is invalid or has expired');
    }
  }

  /**
   * Proof that the caller just gave the right code for `phone`, which no resident holds yet: the
   * one thing that lets them register it. Its own audience, so it is never an access token.
   */
  signRegistration(phone: string, ttlSeconds: number): string {
    return this.jwt.sign(
      { phn: phone, iat: this.nowSeconds() },
      {
        secret: this.key as unknown as string,
        expiresIn: ttlSeconds,
        issuer: 'baitong',
        audience: 'baitong-registration',
      },
    );
  }

  /** The phone a registration token proves, or a 401 when it is forged or has expired. */
  verifyRegistration(token: string): string {
    try {
      const p = this.jwt.verify<{ phn: string }>(token, {
        secret: this.key as unknown as string,
        issuer: 'baitong',
        audience: 'baitong-registration',
        algorithms: ['HS256'],
        clockTimestamp: this.nowSeconds(),
      });
      if (typeof p.phn !== 'string') throw new Error('no phone');
      return p.phn;
    } catch {
      throw new AppException(
        'TOKEN_INVALID',
        'The registration has expired; ask for a new code and sign in again',
      );
    }
  }

  /** `<sessionId>.<secret>`: the session is found by id, the secret only compared by hash. */
  newRefreshToken(sessionId: string): { token: string; hash: string } {
    const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    return { token, hash: sha256(token) };
  }

  parseRefreshToken(token: string): { sessionId: string; hash: string } {
    const parsed = this.tryParseRefreshToken(token);
    if (!parsed) throw new AppException('TOKEN_INVALID', 'The refresh token is invalid');
    return parsed;
  }

  tryParseRefreshToken(token: string): { sessionId: string; hash: string } | null {
    const m = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{20,}$/.exec(token);
    return m ? { sessionId: m[1]!, hash: sha256(token) } : null;
  }

  get accessTtl(): number {
    return this.config.accessTokenTtlSeconds;
  }

  get refreshTtl(): number {
    return this.config.refreshTokenTtlSeconds;
  }

  maxSessionAge(kind: 'staff' | 'resident'): number {
    return this.config.sessionMaxAgeSeconds[kind];
  }
}
