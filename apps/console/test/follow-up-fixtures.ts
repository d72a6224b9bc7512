import type {
  FollowUpAppeal,
  FollowUpAttempt,
  FollowUpDetail,
  FollowUpPush,
  FollowUpSummary,
} from '@baitong/contracts';
import { minutesFromNow } from './case-fixtures';

export function makeFollowUp(overrides: Partial<FollowUpSummary> = {}): FollowUpSummary {
  return {
    id: 'f1',
    caseId: 'k1',
    caseNumber: 'BT20250303-0001',
    caseSummary: '3栋2单元楼道灯坏了',
    categoryId: 'cat-1',
    communityId: 'c1',
    compoundId: 'cp1',
    assigneeId: 'u-community_worker',
    assigneeName: '周洋',
    status: 'open',
    round: 1,
    dueAt: minutesFromNow(60 * 30),
    firstDueAt: minutesFromNow(60 * 30),
    overdue: false,
    tries: 0,
    retryPending: false,
    verdict: null,
    completedAt: null,
    createdAt: minutesFromNow(-60),
    ...overrides,
  };
}

export function makeFollowUpDetail(overrides: Partial<FollowUpDetail> = {}): FollowUpDetail {
  return {
    ...makeFollowUp(),
    residentName: '王建国',
    contactUrl: '/api/cases/k1/contact',
    script: {
      zh: '您好，我是翠渝路社区的工作人员，回访您反映的楼道灯问题。',
      en: 'Hello, this is the Cuiyu Road community office, following up on the stair light you reported.',
    },
    reworkDueAt: null,
    maxTries: 3,
    attempts: [],
    ...overrides,
  };
}

export const followUpPage = (items: FollowUpSummary[], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

export const followUpPush = (
  eventId: string,
  followUp: FollowUpSummary,
  type: FollowUpPush['type'] = 'attempt_recorded',
): FollowUpPush => ({ eventId, type, followUp });

export function makeAttempt(overrides: Partial<FollowUpAttempt> = {}): FollowUpAttempt {
  return {
    id: 'a1',
    method: 'phone',
    outcome: 'unreachable',
    satisfaction: null,
    solved: null,
    notes: null,
    recordedByKind: 'staff',
    recordedById: 'u1',
    recordedByName: '周洋',
    recordedAt: '2026-03-04T03:00:00.000Z',
    supersedesId: null,
    supersedeReason: null,
    supersededById: null,
    excluded: false,
    appeal: null,
    ...overrides,
  };
}

export function makeAppeal(overrides: Partial<FollowUpAppeal> = {}): FollowUpAppeal {
  return {
    id: 'p1',
    attemptId: 'a2',
    status: 'pending',
    reason: '与本社区无关',
    evidence: '物业合同第5条',
    appealedById: 'u1',
    appealedByName: '周洋',
    appealedAt: '2026-03-04T06:00:00.000Z',
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
    ...overrides,
  };
}
