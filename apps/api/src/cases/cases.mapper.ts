import {
  RESIDENT_LANGUAGES,
  type CaseDetail,
  type CaseFiledBy,
  type CaseEvent,
  type CaseSummary,
  type Category,
  type Mediation,
  type ResidentLanguage,
} from '@baitong/contracts';
import { maskPhone } from '../common/mask';
import type {
  CaseEventEntity,
  CaseMediationEntity,
  CategoryEntity,
  PhotoEntity,
} from './case.entities';
import type { CaseRow } from './cases.repository';
import { allowedActions, RESOLVE_CLOCK_STATUSES } from './lifecycle';
import { systemNoteOf } from './system-notes';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

export const toCategory = (c: CategoryEntity): Category => ({
  id: c.id,
  kind: c.kind,
  code: c.code,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  acceptWithinMinutes: c.acceptWithinMinutes,
  resolveWithin: { value: c.resolveWithinValue, unit: c.resolveWithinUnit },
  followUpRequired: c.followUpRequired,
  publicArea: c.publicArea,
  replyTemplates: c.replyTemplates,
  followUpScript: c.followUpScript ?? null,
  active: c.active,
  open311: {
    public: c.public,
    descriptionZh: c.descriptionZh,
    descriptionEn: c.descriptionEn,
    keywords: c.keywords ?? [],
    fields: c.fields ?? [],
  },
});

/** Who filed a case over Open311, as staff see it; null for every other case. */
function filedBy(c: CaseRow): CaseFiledBy | null {
  if (!c.apiClientId) return null;
  return {
    clientId: c.apiClientId,
    clientName: c.apiClientName ?? '',
    channel: c.apiClientChannel ?? (c.channel === 'hotline_12345' ? 'hotline_12345' : 'open311'),
    attributes: c.attributes ?? {},
    mediaUrl: c.mediaUrl ?? null,
    position: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
  };
}

export function toSummary(c: CaseRow, now: Date): CaseSummary {
  const acceptDue = c.acceptDueAt ? new Date(c.acceptDueAt) : null;
  const resolveDue = c.resolveDueAt ? new Date(c.resolveDueAt) : null;
  const live = c.status !== 'rejected';
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    categoryId: c.categoryId,
    categoryName: c.categoryName,
    categoryNameEn: c.categoryNameEn,
    channel: c.channel,
    status: c.status,
    communityId: c.communityId,
    compoundId: c.compoundId,
    compoundName: c.compoundName,
    compoundNameEn: c.compoundNameEn ?? null,
    deskId: c.deskId,
    deskName: c.deskName,
    deskNameEn: c.deskNameEn ?? '',
    residentId: c.residentId,
    residentName: c.residentName,
    residentPhoneMasked: c.residentPhone ? maskPhone(c.residentPhone) : null,
    residentVerification: c.residentVerification ?? null,
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeName,
    waitingFor: c.status === 'waiting_third_party' ? c.waitingFor : null,
    summary: c.description.length > 80 ? `${c.description.slice(0, 79)}…` : c.description,
    submittedAt: iso(c.submittedAt)!,
    updatedAt: iso(c.updatedAt)!,
    sla: {
      acceptDueAt: iso(acceptDue),
      resolveDueAt: iso(resolveDue),
      acceptOverdue:
        live &&
        !!acceptDue &&
        (c.acceptedAt
          ? new Date(c.acceptedAt) > acceptDue
          : c.status === 'submitted' && now >= acceptDue),
      resolveOverdue:
        live &&
        !!resolveDue &&
        (c.resolvedAt
          ? new Date(c.resolvedAt) > resolveDue
          : RESOLVE_CLOCK_STATUSES.includes(c.status) && now >= resolveDue),
      paused: c.status === 'waiting_resident',
    },
    reopenCount: c.reopenCount,
    repeatOfId: c.repeatOfId,
    escalated: c.escalated,
    version: c.version,
  };
}

export const toMediation = (m: CaseMediationEntity, locked: boolean): Mediation => ({
  locked,
  parties: m.parties.map((p) => ({
    name: p.name,
    role: p.role,
    ...(p.phone ? { phoneMasked: maskPhone(p.phone) } : {}),
  })),
  mediatorName: m.mediatorName,
  sessions: m.sessions,
  outcome: m.outcome,
  agreement: m.agreement,
});

export function toDetail(
  c: CaseRow,
  extra: {
    photos: PhotoEntity[];
    mediation: CaseMediationEntity | null;
    decidedByName: string | null;
    actions: boolean;
  },
  now: Date,
): CaseDetail {
  return {
    ...toSummary(c, now),
    description: c.description,
    place: c.place,
    photos: extra.photos.map((p) => ({
      id: p.id,
      contentType: p.contentType,
      sizeBytes: p.sizeBytes,
      url: `/api/photos/${p.id}`,
    })),
    acceptedAt: iso(c.acceptedAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    resolution: c.resolution,
    rejectionReason: c.rejectionReason,
    repeatDecision:
      c.repeatDecision && c.repeatDecidedAt
        ? {
            decision: c.repeatDecision,
            byName: extra.decidedByName ?? '',
            at: iso(c.repeatDecidedAt)!,
          }
        : null,
    mediation: extra.mediation
      ? toMediation(extra.mediation, c.status === 'resolved' || c.status === 'closed')
      : null,
    residentPreferredLanguage: residentLanguage(c.residentPreferredLanguage),
    allowedActions: extra.actions ? allowedActions(c.status) : [],
    filedBy: filedBy(c),
  };
}

function residentLanguage(value: string | null | undefined): ResidentLanguage | null {
  return (RESIDENT_LANGUAGES as readonly string[]).includes(value ?? '')
    ? (value as ResidentLanguage)
    : null;
}

export const toCaseEvent = (e: CaseEventEntity): CaseEvent => ({
  id: String(e.id),
  caseId: e.caseId,
  type: e.type,
  at: e.at.toISOString(),
  actorKind: e.actorKind,
  actorName: e.actorName,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  note: e.note,
  data: e.data,
});

/**
 * What a resident sees of their own case: no staff ids, no internal escalation. Their handler's
 * name stays, as on a government service receipt.
 */
export function toResidentSummary(c: CaseRow, now: Date): CaseSummary {
  return { ...toSummary(c, now), assigneeId: null, escalated: false };
}

/** Event types a resident's timeline shows; assignment, escalation, repeat checks and overdue marks are internal. */
const RESIDENT_EVENT_TYPES = new Set<CaseEventEntity['type']>([
  'created',
  'transition',
  'transferred',
  'mediation_recorded',
  'due_recomputed',
  'taken_to_council',
]);

/** Transitions whose note is written to the resident (the resolution, the reason, what is missing). */
const PUBLIC_NOTE_ACTIONS = new Set(['resolve', 'reject', 'wait_resident', 'reopen']);

/** A system note for the resident: the new due time, never internal dates or escalations. */
function residentSystemNote(e: CaseEventEntity): Record<string, unknown> {
  const note = systemNoteOf(e.data);
  if (note['noteCode'] === 'due_recomputed')
    return {
      noteCode: 'due_recomputed',
      noteParams: { resolveDueAt: e.data['resolveDueAt'] ?? null },
    };
  return note['noteCode'] === 'auto_closed' ? note : {};
}

/** The resident's timeline entry: public fields only, or null for an internal event. */
export function toResidentEvent(e: CaseEventEntity): CaseEvent | null {
  if (!RESIDENT_EVENT_TYPES.has(e.type)) return null;
  const action = typeof e.data['action'] === 'string' ? e.data['action'] : undefined;
  const data: Record<string, unknown> =
    e.type === 'transition'
      ? action === 'wait_third_party'
        ? { action, thirdParty: e.data['thirdParty'] ?? null }
        : { action }
      : e.type === 'created'
        ? { channel: e.data['channel'] }
        : e.type === 'mediation_recorded'
          ? { outcome: e.data['outcome'] ?? null }
          : e.type === 'due_recomputed'
            ? { resolveDueAt: e.data['resolveDueAt'] ?? null }
            : e.type === 'taken_to_council'
              ? {
                  proposalId: e.data['proposalId'] ?? null,
                  proposalNumber: e.data['proposalNumber'] ?? null,
                }
              : {};
  // What the system did (closed it, recomputed the due time) reads in the resident's language.
  if (e.actorKind === 'system') Object.assign(data, residentSystemNote(e));
  return {
    id: String(e.id),
    caseId: e.caseId,
    type: e.type,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorName: e.actorKind === 'staff' ? e.actorName : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.type === 'transition' && action && PUBLIC_NOTE_ACTIONS.has(action) ? e.note : null,
    data,
  };
}
