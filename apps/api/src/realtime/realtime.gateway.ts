import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import { actorFromClaims } from '../auth/actor';
import { AuthRepository } from '../auth/auth.repository';
import { TokenService } from '../auth/token.service';
import { AppException } from '../common/app-exception';
import { OrgRepository } from '../org/org.repository';
import { localDate } from '../org/opening-hours';
import { type IoServer, RealtimeService } from './realtime.service';

type AppSocket = Socket & { data: { actor?: Actor } };
type Ack = (res: { ok: boolean; code?: string; replayed?: number }) => void;

const ROOM = /^(user|desk|community):([0-9a-f-]{36})$/;

/**
 * One gateway: the JWT is checked in the handshake, every room join is checked against the
 * caller's scope, and a client that reconnects names the last event it saw to get the rest.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit<IoServer> {
  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthRepository,
    private readonly org: OrgRepository,
    private readonly realtime: RealtimeService,
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
  }

  private async authenticate(socket: AppSocket): Promise<void> {
    const raw: unknown =
      (socket.handshake.auth as { token?: unknown } | undefined)?.token ??
      socket.handshake.headers.authorization?.replace(/^Bearer /, '');
    if (typeof raw !== 'string' || raw.length === 0)
      throw new AppException('UNAUTHENTICATED', 'Send the access token in auth.token');
    const claims = this.tokens.verifyAccess(raw);
    if (!(await this.auth.isSessionActive(claims.sid)))
      throw new AppException('TOKEN_INVALID', 'The session has ended');
    socket.data.actor = actorFromClaims(claims);
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
    const kind = m[1] as 'user' | 'desk' | 'community';
    const id = m[2]!;
    if (!(await this.mayJoin(actor, kind, id)))
      return { ok: false, code: kind === 'user' ? 'FORBIDDEN' : 'NOT_FOUND' };
    // Join first, then replay: an event in between arrives twice at worst, and clients drop repeats by id.
    await socket.join(`${kind}:${id}`);
    let replayed = 0;
    if (since !== undefined) {
      for (const { name, push } of await this.realtime.replay(
        { kind, id, userKind: actor.kind },
        since,
      )) {
        socket.emit(name, push);
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
    if (kind === 'desk') return !!(await this.org.findDesk(actor, id, localDate(new Date())));
    return !!(await this.org.findCommunity(actor, id));
  }
}
