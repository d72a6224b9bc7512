import type {
  ManualProposalAction,
  ProposalCaseLink,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalEventType,
  ProposalStatus,
  ProposalSummary,
} from '@baitong/contracts';
import type { DomainEvent } from '../events/event-stream.service';
import { maskName } from '../people/mask-name';
import type { ProposalCommentEntity } from './council.entities';
import type { CaseLinkRow, PhotoLink, ProposalRow } from './proposals.repository';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** Who a proposal is shown to: staff see names; residents see other residents' names masked. */
export type ProposalView = 'staff' | 'resident' | 'author';

export function caseSummaryText(description: string): string {
  const line = description.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

export function toProposalSummary(p: ProposalRow, view: ProposalView): ProposalSummary {
  return {
    id: p.id,
    number: p.number,
    communityId: p.communityId,
    compoundId: p.compoundId,
    compoundName: p.compoundName,
    compoundNameEn: p.compoundNameEn,
    title: p.title,
    topic: p.topic,
    status: p.status,
    origin: p.origin,
    authorResidentId: view === 'resident' ? null : p.authorResidentId,
    authorName: p.authorName && view === 'resident' ? maskName(p.authorName) : p.authorName,
    supportCount: p.supportCount,
    supportThreshold: p.supportThreshold,
    readyAt: iso(p.readyAt),
    commentCount: p.commentCount,
    caseCount: p.caseCount,
    mergedIntoId: p.mergedIntoId,
    submittedAt: iso(p.submittedAt),
    statusChangedAt: new Date(p.statusChangedAt).toISOString(),
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    version: p.version,
  };
}

export function toProposalDetail(
  p: ProposalRow,
  view: ProposalView,
  extra: {
    photos: PhotoLink[];
    cases: CaseLinkRow[];
    mySupport: ProposalDetail['mySupport'];
    following: boolean;
    allowedActions: ManualProposalAction[];
  },
): ProposalDetail {
  const cases: ProposalCaseLink[] =
    view === 'staff'
      ? extra.cases.map((c) => ({
          caseId: c.caseId,
          number: c.number,
          summary: caseSummaryText(c.description),
          status: c.status,
        }))
      : [];
  return {
    ...toProposalSummary(p, view),
    description: p.description,
    photos: extra.photos.map((f) => ({
      id: f.id,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      url: `/api/proposals/${p.id}/photos/${f.id}`,
    })),
    cases,
    rejectionReason: p.rejectionReason,
    withdrawalReason: p.withdrawalReason,
    mySupport: extra.mySupport,
    following: extra.following,
    allowedActions: extra.allowedActions,
  };
}

/** Event data a resident's timeline leaves out: other residents' cases. */
const STAFF_ONLY_DATA = ['caseIds'];

/** A proposal's entry of the one stream as its timeline shows it. */
export function toProposalEvent(
  e: DomainEvent,
  view: 'staff' | { residentId: string },
): ProposalEvent {
  const { type, fromStatus, toStatus, note, ...rest } = e.data as Record<string, unknown> & {
    type: ProposalEventType;
    fromStatus?: ProposalStatus | null;
    toStatus?: ProposalStatus | null;
    note?: string | null;
  };
  const data: Record<string, unknown> = { ...rest };
  let actorName = e.actorName;
  if (view !== 'staff') {
    for (const k of STAFF_ONLY_DATA) delete data[k];
    if (e.actorKind === 'resident' && e.actorId !== view.residentId && actorName)
      actorName = maskName(actorName);
  }
  if (e.actorKind === 'system') data['reason'] = e.reason;
  return {
    id: String(e.id),
    proposalId: e.subjectId,
    type,
    at: new Date(e.at).toISOString(),
    actorKind: e.actorKind,
    actorName: e.actorKind === 'system' ? null : actorName,
    fromStatus: fromStatus ?? null,
    toStatus: toStatus ?? null,
    note: note ?? null,
    data,
  };
}

/** Residents never read a hidden comment's text, nor why staff hid it. */
export function toComment(
  c: ProposalCommentEntity,
  view: 'staff' | { residentId: string },
): ProposalComment {
  const staff = view === 'staff';
  const own = !staff && c.authorResidentId === view.residentId;
  const hidden = c.hiddenAt !== null;
  return {
    id: c.id,
    proposalId: c.proposalId,
    authorKind: c.authorKind,
    authorName: staff || own || c.authorKind === 'staff' ? c.authorName : maskName(c.authorName),
    body: hidden && !staff ? null : c.body,
    createdAt: new Date(c.createdAt).toISOString(),
    hidden,
    hiddenReason: staff ? c.hiddenReason : null,
    hiddenByName: staff ? c.hiddenByName : null,
    hiddenAt: iso(c.hiddenAt),
  };
}
