import type {
  ClientToServerEvents,
  ServerToClientEvents,
  StreamEventName,
  StreamPushMap,
} from '@baitong/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Server } from 'socket.io';
import { type DomainEvent, EventStream } from '../events/event-stream.service';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export type StreamPush = StreamPushMap[StreamEventName];

/**
 * Turns committed events of one subject type into pushes. It is given every room an event goes
 * to and answers with the payload for that room, or null to send nothing there — so a resident's
 * room gets the resident's view of the same event.
 */
export type PushRenderer = (
  events: DomainEvent[],
) => Promise<(event: DomainEvent, room: string) => StreamPush | null>;

/**
 * What a grid worker hears of their community's room. Their scope is one compound, and the room
 * carries every compound's cases and follow-ups; what belongs to the whole community (its council,
 * meetings, proposals, desk hours) reaches them through a shadow room that only the server joins
 * sockets to. A subject type not named here stays out, so a new domain never leaks by default.
 */
export const COMMUNITY_WIDE_SUBJECTS: ReadonlySet<string> = new Set([
  'proposal',
  'meeting',
  'council',
  'desk',
]);

/** The shadow of `community:<id>` holding only its community-wide pushes. */
export const communityWideRoom = (communityRoom: string) => `${communityRoom}#community-wide`;

const isCommunityRoom = (room: string) => room.startsWith('community:');

export interface Push {
  name: StreamEventName;
  push: StreamPush;
}

/**
 * Publishes the one event stream to socket rooms after commit, and replays it; it knows no domain:
 * each module registers how its subjects are rendered. Through the Postgres adapter every API
 * process delivers them.
 */
@Injectable()
export class RealtimeService implements OnModuleInit {
  private server: IoServer | null = null;
  private readonly renderers = new Map<string, PushRenderer>();

  constructor(private readonly stream: EventStream) {}

  onModuleInit(): void {
    this.stream.onCommitted((events) => this.publish(events));
  }

  attach(server: IoServer): void {
    this.server = server;
  }

  /** Registers the renderer of one subject type (`case`, `desk`, …). */
  render(subjectType: string, renderer: PushRenderer): void {
    this.renderers.set(subjectType, renderer);
  }

  private async publish(events: DomainEvent[]): Promise<void> {
    const server = this.server;
    if (!server || events.length === 0) return;
    // Rooms that get the same payload go in one emit, so a socket in several of them gets it once.
    const groups = new Map<StreamPush, { name: StreamEventName; rooms: string[] }>();
    for (const { event, room, push } of await this.pushesFor(events)) {
      const g = groups.get(push) ?? { name: event.name, rooms: [] };
      g.rooms.push(room);
      if (isCommunityRoom(room) && COMMUNITY_WIDE_SUBJECTS.has(event.subjectType))
        g.rooms.push(communityWideRoom(room));
      groups.set(push, g);
    }
    for (const [push, { name, rooms }] of groups) server.to(rooms).emit(name, push as never);
  }

  /**
   * The pushes of one room after `since`, in stream order, for a client that reconnects;
   * `communityWideOnly` for a reader of the room's shadow (a grid worker).
   */
  async replay(room: string, since: string, communityWideOnly = false): Promise<Push[]> {
    const all = await this.stream.afterInRoom(room, since);
    const events = communityWideOnly
      ? all.filter((e) => COMMUNITY_WIDE_SUBJECTS.has(e.subjectType))
      : all;
    return (await this.pushesFor(events, room)).map(({ event, push }) => ({
      name: event.name,
      push,
    }));
  }

  private async pushesFor(
    events: DomainEvent[],
    onlyRoom?: string,
  ): Promise<{ event: DomainEvent; room: string; push: StreamPush }[]> {
    const bySubject = new Map<string, DomainEvent[]>();
    for (const e of events)
      bySubject.set(e.subjectType, [...(bySubject.get(e.subjectType) ?? []), e]);
    const views = new Map<string, Awaited<ReturnType<PushRenderer>>>();
    for (const [type, list] of bySubject) {
      const renderer = this.renderers.get(type);
      if (renderer) views.set(type, await renderer(list));
    }
    const out: { event: DomainEvent; room: string; push: StreamPush }[] = [];
    for (const event of events) {
      const view = views.get(event.subjectType);
      if (!view) continue;
      for (const room of onlyRoom ? [onlyRoom] : event.rooms) {
        const push = view(event, room);
        if (push) out.push({ event, room, push });
      }
    }
    return out;
  }
}
