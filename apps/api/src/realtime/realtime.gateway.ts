import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import { actorFromClaims } from '../auth/actor';
import { AuthRepository } from '../auth/auth.repository';
import { TokenService } from '../auth/token.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { OrgService } from '../org/org.service';
import { communityWideRoom, type IoServer, RealtimeService } from './realtime.service';

type AppSocket = Socket & { data: { actor?: Actor } };
type Ack = (res: { ok: boolean; code?: string; replayed?: number }) => void;

const ROOM = /^(user|desk|community):([0-9a-f-]{36})$/;
/** How often each process re-checks the sessions of its open sockets. */
export const SESSION_CHECK_MS = 2_000;

/**
 * One gateway: the JWT is checked in the handshake, the session again on every subscribe and
 * replay and every few seconds while connected (a logout or a revoked session ends the socket),
 * every room join is checked against the caller's scope, and a client that reconnects names the
 * last stream id it saw to get the rest.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit<IoServer>, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthRepository,
    private readonly org: OrgService,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  afterInit(server: IoServer): void {
    this.realtime.attach(server);
    server.use((socket, next) => {
      void this.authenticate(socket as AppSocket).then(
        () => next(),
        (err: unknown) =>
          next(
            Object.assign(new Error(err instanceof AppException ? err.code : 'UNAUTHENTICATED'), {
              data: { code: err instanceof AppException ? err.code : 'UNAUTHENTICATED' },
            }),
          ),
      );
    });
    server.on('connection', (socket: AppSocket) => {
      const actor = socket.data.actor!;
      void socket.join(`user:${actor.id}`);
      socket.on('subscribe', (req: unknown, ack: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
        this.subscribe(socket, req).then(reply, (err: unknown) =>
          reply({ ok: false, code: err instanceof AppException ? err.code : 'INTERNAL' }),
        );
      });
    });
    this.timer = setInterval(() => void this.endRevokedSessions(server), SESSION_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Disconnects this process's sockets whose session ended (logout, revocation, expiry). */
  async endRevokedSessions(server: IoServer): Promise<number> {
    const sockets = [...server.of('/').sockets.values()] as AppSocket[];
    const sids = [...new Set(sockets.map((s) => s.data.actor?.sessionId).filter((s) => !!s))];
    if (sids.length === 0) return 0;
    const active = await this.auth
      .activeSessionIds(sids as string[], this.clock.now())
      .catch(() => null);
    if (!active) return 0;
    let ended = 0;
    for (const s of sockets) {
      const sid = s.data.actor?.sessionId;
      if (sid && !active.has(sid)) {
        s.emit('session.ended', { reason: 'session_revoked' });
        s.disconnect(true);
        ended++;
      }
    }
    return ended;
  }

  private async authenticate(socket: AppSocket): Promise<void> {
    const raw: unknown =
      (socket.handshake.auth as { token?: unknown } | undefined)?.token ??
      socket.handshake.headers.authorization?.replace(/^Bearer /, '');
    if (typeof raw !== 'string' || raw.length === 0)
      throw new AppException('UNAUTHENTICATED', 'Send the access token in auth.token');
    const claims = this.tokens.verifyAccess(raw);
    await this.requireSession(claims.sid);
    socket.data.actor = actorFromClaims(claims);
  }

  private async requireSession(sid: string): Promise<void> {
    const active = await this.auth.activeSessionIds([sid], this.clock.now());
    if (!active.has(sid)) throw new AppException('TOKEN_INVALID', 'The session has ended');
  }

  private async subscribe(
    socket: AppSocket,
    req: unknown,
  ): Promise<{ ok: boolean; code?: string; replayed?: number }> {
    const actor = socket.data.actor!;
    const { room, since } = (req ?? {}) as { room?: unknown; since?: unknown };
    const m = typeof room === 'string' ? ROOM.exec(room) : null;
    if (!m) return { ok: false, code: 'VALIDATION_FAILED' };
    if (since !== undefined && (typeof since !== 'string' || !/^\d{1,19}$/.test(since)))
      return { ok: false, code: 'VALIDATION_FAILED' };
    // A socket outlives the request that opened it: the session is checked again here.
    try {
      await this.requireSession(actor.sessionId);
    } catch {
      socket.emit('session.ended', { reason: 'session_revoked' });
      socket.disconnect(true);
      return { ok: false, code: 'TOKEN_INVALID' };
    }
    const kind = m[1] as 'user' | 'desk' | 'community';
    const id = m[2]!;
    if (!(await this.mayJoin(actor, kind, id)))
      return { ok: false, code: kind === 'user' ? 'FORBIDDEN' : 'NOT_FOUND' };
    // Join first, then replay: an event in between arrives twice at worst, and clients drop repeats by id.
    const name = `${kind}:${id}`;
    const communityWideOnly = kind === 'community' && actor.scopeLevel === 'compound';
    await socket.join(communityWideOnly ? communityWideRoom(name) : name);
    let replayed = 0;
    if (since !== undefined) {
      for (const { name: event, push } of await this.realtime.replay(
        name,
        since,
        communityWideOnly,
      )) {
        socket.emit(event, push as never);
        replayed++;
      }
    }
    return { ok: true, replayed };
  }

  private async mayJoin(
    actor: Actor,
    kind: 'user' | 'desk' | 'community',
    id: string,
  ): Promise<boolean> {
    if (kind === 'user') return id === actor.id;
    if (actor.kind !== 'staff') return false;
    // A grid worker's scope is one compound: of the community room, only its own community's, and
    // only the community-wide part of it (see COMMUNITY_WIDE_SUBJECTS).
    if (actor.scopeLevel === 'compound' && kind === 'community') return id === actor.communityId;
    const found = kind === 'desk' ? this.org.getDesk(actor, id) : this.org.getCommunity(actor, id);
    return found.then(
      (d) =>
        actor.scopeLevel !== 'compound' ||
        (d as { compoundId?: string | null }).compoundId === actor.compoundId,
      (e: unknown) => {
        if (e instanceof AppException) return false;
        throw e;
      },
    );
  }
}
