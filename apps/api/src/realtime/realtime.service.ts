import type { CasePush, ClientToServerEvents, ServerToClientEvents } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { CLOCK, type Clock } from '../common/clock';
import type { CaseEventEntity } from '../cases/case.entities';
import type { CasePublisher, PublishedEvent } from '../cases/case-publisher';
import { toSummary } from '../cases/cases.mapper';
import { CasesRepository } from '../cases/cases.repository';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type PushName = keyof ServerToClientEvents;

const PUSH_NAMES: Record<CaseEventEntity['type'], PushName> = {
  created: 'case.created',
  assigned: 'case.assigned',
  overdue: 'case.overdue',
  transition: 'case.updated',
  transferred: 'case.updated',
  escalated: 'case.updated',
  repeat_linked: 'case.updated',
  repeat_dismissed: 'case.updated',
  mediation_recorded: 'case.updated',
  note: 'case.updated',
};

export function pushName(type: CaseEventEntity['type']): PushName {
  return PUSH_NAMES[type];
}

/** Sends committed case events to the rooms they concern; through the Postgres adapter, every API process delivers them. */
@Injectable()
export class RealtimeService implements CasePublisher {
  private server: IoServer | null = null;

  constructor(
    private readonly cases: CasesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  attach(server: IoServer): void {
    this.server = server;
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    const server = this.server;
    if (!server || events.length === 0) return;
    const now = this.clock.now();
    const missing = [...new Set(events.filter((e) => !e.row).map((e) => e.caseId))];
    const rows = new Map((await this.cases.findCases(missing)).map((r) => [r.id, r]));
    for (const e of events) if (e.row) rows.set(e.caseId, e.row);
    for (const e of events) {
      const row = rows.get(e.caseId);
      if (!row) continue;
      const rooms = new Set([
        `desk:${row.deskId}`,
        `community:${row.communityId}`,
        ...(e.alsoRooms ?? []),
      ]);
      if (row.residentId) rooms.add(`user:${row.residentId}`);
      if (row.assigneeId) rooms.add(`user:${row.assigneeId}`);
      const push: CasePush = { eventId: e.eventId, type: e.type, case: toSummary(row, now) };
      server.to([...rooms]).emit(pushName(e.type), push);
    }
  }

  /** The events of a room after `since`, as pushes, for a client that reconnects. */
  async replay(
    room: { kind: 'desk' | 'community' | 'user'; id: string; userKind?: 'staff' | 'resident' },
    since: string,
  ): Promise<{ name: PushName; push: CasePush }[]> {
    const events = await this.cases.eventsForRoom(room, since, 1000);
    const now = this.clock.now();
    const rows = new Map(
      (await this.cases.findCases([...new Set(events.map((e) => e.caseId))])).map((r) => [r.id, r]),
    );
    return events.flatMap((e) => {
      const row = rows.get(e.caseId);
      return row
        ? [
            {
              name: pushName(e.type),
              push: { eventId: String(e.id), type: e.type, case: toSummary(row, now) },
            },
          ]
        : [];
    });
  }
}
