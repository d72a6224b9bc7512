import type {
  FollowUpAppeal,
  FollowUpAppealItem,
  FollowUpAttempt,
  FollowUpDetail,
  FollowUpSummary,
} from '@baitong/contracts';
import type { FollowUpAppealEntity } from './follow-up.entities';
import type { AppealRow, AttemptRow, TaskRow } from './follow-ups.repository';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export function caseSummaryText(description: string): string {
  const line = description.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

export function toFollowUpSummary(t: TaskRow, now: Date): FollowUpSummary {
  const due = new Date(t.dueAt);
  return {
    id: t.id,
    caseId: t.caseId,
    caseNumber: t.caseNumber,
    caseSummary: caseSummaryText(t.caseDescription),
    categoryId: t.categoryId,
    communityId: t.communityId,
    compoundId: t.compoundId,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    status: t.status,
    round: t.round,
    dueAt: due.toISOString(),
    firstDueAt: new Date(t.firstDueAt).toISOString(),
    overdue: t.status === 'open' && due.getTime() < now.getTime(),
    tries: t.tries,
    retryPending: t.status === 'open' && t.tries > 0,
    verdict: t.verdict,
    completedAt: iso(t.completedAt),
    createdAt: new Date(t.createdAt).toISOString(),
  };
}

export function toAppeal(p: FollowUpAppealEntity): FollowUpAppeal {
  return {
    id: p.id,
    attemptId: p.attemptId,
    status: p.status,
    reason: p.reason,
    evidence: p.evidence,
    appealedById: p.appealedById,
    appealedByName: p.appealedByName,
    appealedAt: new Date(p.appealedAt).toISOString(),
    decidedById: p.decidedById,
    decidedByName: p.decidedByName,
    decidedAt: iso(p.decidedAt),
    decisionReason: p.decisionReason,
  };
}

export function toAppealItem(p: AppealRow): FollowUpAppealItem {
  return {
    ...toAppeal(p),
    caseId: p.caseId,
    caseNumber: p.caseNumber,
    communityId: p.communityId,
    communityName: p.communityName,
    communityNameEn: p.communityNameEn,
    streetId: p.streetId,
    satisfaction: p.satisfaction,
    solved: p.solved,
  };
}

export function toAttempt(
  a: AttemptRow,
  appeal: FollowUpAppealEntity | undefined,
): FollowUpAttempt {
  return {
    id: a.id,
    method: a.method,
    outcome: a.outcome,
    satisfaction: a.satisfaction,
    solved: a.solved,
    notes: a.notes,
    recordedByKind: a.recordedByKind,
    recordedById: a.recordedById,
    recordedByName: a.recordedByName,
    recordedAt: new Date(a.recordedAt).toISOString(),
    supersedesId: a.supersedesId,
    supersedeReason: a.supersedeReason,
    supersededById: a.supersededById,
    excluded: appeal?.status === 'upheld',
    appeal: appeal ? toAppeal(appeal) : null,
  };
}

export function toFollowUpDetail(
  t: TaskRow,
  attempts: AttemptRow[],
  appeals: FollowUpAppealEntity[],
  maxTries: number,
  now: Date,
): FollowUpDetail {
  const byAttempt = new Map(appeals.map((p) => [p.attemptId, p]));
  return {
    ...toFollowUpSummary(t, now),
    residentName: t.residentName,
    contactUrl: `/api/cases/${t.caseId}/contact`,
    script: t.script ?? null,
    reworkDueAt: iso(t.reworkDueAt),
    maxTries,
    attempts: attempts.map((a) => toAttempt(a, byAttempt.get(a.id))),
  };
}
