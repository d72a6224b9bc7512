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
  'rating_run',
]);

/** The shadow of `community:<id>` holding only its community-wide pushes. */
export const communityWideRoom = (communityRoom: string) => `${communityRoom}#community-wide`;

const isCommunityRoom = (room: string) => room.startsWith('community:');

export interface Push {
  name: StreamEventName;
  push: StreamPush;
}

/** A push as it was sent, with the event it came from: an entry of an inbox. */
export interface SentPush {
  event: DomainEvent;
  push: StreamPush;
}

/** Inbox reads go back in batches, as a room is not pushed every event it is named in. */
const HISTORY_BATCH = 100;
const HISTORY_BATCHES = 5;

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

  /**
   * What one room was pushed before `before` (or the newest), newest first, leaving out the acts
   * of `skipActor` (one's own acts are no news); `nextBefore` goes on from where this stopped.
   */
  async history(
    room: string,
    o: { before: string | null; limit: number; skipActor: string },
  ): Promise<{ items: SentPush[]; nextBefore: string | null }> {
    const items: SentPush[] = [];
    let cursor = o.before;
    for (let batch = 0; batch < HISTORY_BATCHES; batch++) {
      const events = await this.stream.beforeInRoom(room, cursor, HISTORY_BATCH);
      const news = events.filter((e) => e.actorId !== o.skipActor);
      for (const { event, push } of await this.pushesFor(news, room)) {
        items.push({ event, push });
        if (items.length === o.limit) return { items, nextBefore: event.id };
      }
      if (events.length < HISTORY_BATCH) return { items, nextBefore: null };
      cursor = events.at(-1)!.id;
    }
    return { items, nextBefore: cursor };
  }

  /** How many pushes one room got after `since`, not counting `skipActor`'s acts, up to `cap`. */
  async countAfter(room: string, since: string, skipActor: string, cap: number): Promise<number> {
    const events = await this.stream.afterInRoom(room, since, cap * 4);
    const news = events.filter((e) => e.actorId !== skipActor);
    return Math.min(cap, (await this.pushesFor(news, room)).length);
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
