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

/** A reached resident who was dissatisfied and says it is not solved: the rating staff appeal. */
export function makeAttempt(overrides: Partial<FollowUpAttempt> = {}): FollowUpAttempt {
  return {
    id: 'a1',
    method: 'phone',
    outcome: 'reached',
    satisfaction: 'dissatisfied',
    solved: 'no',
    notes: '居民说灯又坏了',
    recordedByKind: 'staff',
    recordedById: 'u-community_worker',
    recordedByName: '周洋',
    recordedAt: '2025-03-04T02:00:00.000Z',
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
    attemptId: 'a1',
    status: 'pending',
    reason: '不满的是物业费，不属于社区职责',
    evidence: '通话记录',
    appealedById: 'u-community_worker',
    appealedByName: '周洋',
    appealedAt: '2025-03-04T03:00:00.000Z',
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
    ...overrides,
  };
}
