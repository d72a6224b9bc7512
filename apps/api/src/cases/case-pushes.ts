import type { CaseEventType, CasePush, CaseSummary, StreamEventName } from '@baitong/contracts';
import type { Clock } from '../common/clock';
import type { DomainEvent } from '../events/event-stream.service';
import type { PushRenderer } from '../realtime/realtime.service';
import { toResidentSummary, toSummary } from './cases.mapper';
import type { CasesRepository } from './cases.repository';

/** Which stream event each kind of case event is. */
export const STREAM_NAMES: Record<CaseEventType, StreamEventName> = {
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
  due_recomputed: 'case.updated',
  taken_to_council: 'case.updated',
};

/** Case events a resident is told about live; the rest is the desk's own business. */
const RESIDENT_PUSHES = new Set<CaseEventType>([
  'created',
  'transition',
  'transferred',
  'due_recomputed',
  'taken_to_council',
]);

/**
 * Pushes carry the case as it is now (one read for the whole batch): staff rooms get the staff
 * summary, the resident's own room the resident's view, and only for events meant for them.
 */
export function caseRenderer(repo: CasesRepository, clock: Clock): PushRenderer {
  return async (events: DomainEvent[]) => {
    const rows = new Map(
      (await repo.findCases([...new Set(events.map((e) => e.subjectId))])).map((r) => [r.id, r]),
    );
    const now = clock.now();
    const cache = new Map<string, { staff: CasePush; resident: CasePush }>();
    return (event, room) => {
      const row = rows.get(event.subjectId);
      if (!row) return null;
      const type = event.data['type'] as CaseEventType;
      let views = cache.get(event.id);
      if (!views) {
        const push = (c: CaseSummary): CasePush => ({ eventId: event.id, type, case: c });
        views = { staff: push(toSummary(row, now)), resident: push(toResidentSummary(row, now)) };
        cache.set(event.id, views);
      }
      if (row.residentId && room === `user:${row.residentId}`)
        return RESIDENT_PUSHES.has(type) ? views.resident : null;
      return views.staff;
    };
  };
}
