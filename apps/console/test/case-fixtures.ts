import type {
  CaseDetail,
  CaseEvent,
  CasePush,
  CaseSummary,
  Category,
  RepeatCandidate,
} from '@baitong/contracts';
import type { DeskWithState } from '@/api/org';

const MINUTE = 60_000;
export const minutesFromNow = (minutes: number) =>
  new Date(Date.now() + minutes * MINUTE).toISOString();

export function makeCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'k1',
    number: 'BT20250303-0001',
    kind: 'affair',
    categoryId: 'cat-1',
    categoryName: '户籍证明',
    categoryNameEn: 'Residence certificate',
    channel: 'desk',
    status: 'submitted',
    communityId: 'c1',
    compoundId: null,
    compoundName: null,
    compoundNameEn: null,
    deskId: 'd1',
    deskName: '翠渝路百通岗',
    deskNameEn: 'Cuiyu Road Baitong Desk',
    residentId: 'r1',
    residentName: '王建国',
    residentPhoneMasked: '138****5678',
    residentVerification: 'verified',
    assigneeId: null,
    assigneeName: null,
    summary: '需要开具居住证明',
    submittedAt: minutesFromNow(-10),
    updatedAt: minutesFromNow(-10),
    sla: {
      acceptDueAt: minutesFromNow(35),
      resolveDueAt: null,
      acceptOverdue: false,
      resolveOverdue: false,
      paused: false,
    },
    reopenCount: 0,
    repeatOfId: null,
    escalated: false,
    waitingFor: null,
    version: 1,
    ...overrides,
  };
}

export function makeDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...makeCase(),
    description: '需要开具居住证明，用于孩子入学。',
    place: null,
    photos: [],
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rejectionReason: null,
    repeatDecision: null,
    mediation: null,
    residentPreferredLanguage: 'zh-CN',
    allowedActions: ['accept', 'reject'],
    filedBy: null,
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id: '100',
    caseId: 'k1',
    type: 'created',
    at: minutesFromNow(-10),
    actorKind: 'staff',
    actorName: '李晓梅',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    data: { channel: 'desk' },
    ...overrides,
  };
}

export function push(
  eventId: string,
  c: CaseSummary,
  type: CasePush['type'] = 'transition',
): CasePush {
  return { eventId, type, case: c };
}

export function makeDesk(id: string, compoundId: string | null = null): DeskWithState {
  return {
    id,
    communityId: 'c1',
    communityName: '翠渝路社区',
    communityNameEn: 'Cuiyu Road Community',
    compoundId,
    compoundName: compoundId ? `小区 ${compoundId}` : null,
    compoundNameEn: compoundId ? `Compound ${compoundId}` : null,
    name: `百通岗 ${id}`,
    nameEn: `Desk ${id}`,
    address: '翠渝路 1 号',
    addressEn: 'No. 1 Cuiyu Road',
    lat: 29.6,
    lng: 106.5,
    areaSqm: 80,
    phone: null,
    weeklyHours: [],
    exceptions: [],
    version: 1,
    openNow: true,
    closesAt: minutesFromNow(120),
    nextOpensAt: null,
    today: [{ opens: '08:30', closes: '21:30' }],
    exceptionToday: false,
  };
}

export function makeCategory(overrides: Partial<Category> = {}): Category {
  return {
    id: 'cat-1',
    kind: 'affair',
    code: 'residence_certificate',
    nameZh: '户籍证明',
    nameEn: 'Residence certificate',
    acceptWithinMinutes: 30,
    resolveWithin: { value: 2, unit: 'working_days' },
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        id: 'tpl1',
        titleZh: '已开具证明',
        titleEn: 'Certificate issued',
        bodyZh: '证明已开具，请携带身份证到窗口领取。',
        bodyEn: 'The certificate is ready; bring your ID card to the desk.',
      },
    ],
    active: true,
    open311: { public: true, descriptionZh: null, descriptionEn: null, keywords: [], fields: [] },
    ...overrides,
  };
}

export function makeCandidate(overrides: Partial<RepeatCandidate> = {}): RepeatCandidate {
  return {
    caseId: 'old-1',
    number: 'BT20250110-0007',
    summary: '楼道灯不亮',
    categoryName: '公共设施报修',
    resolvedAt: '2025-01-12T03:00:00Z',
    reason: 'same_place',
    similarity: 0.82,
    ...overrides,
  };
}

export const page = <T>(items: T[], total = items.length, pageSize = 20) => ({
  items,
  total,
  page: 1,
  pageSize,
});
