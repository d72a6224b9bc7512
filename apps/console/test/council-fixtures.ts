import type {
  Community,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalPage,
  ProposalPush,
  ProposalSummary,
} from '@baitong/contracts';

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export function makeProposal(overrides: Partial<ProposalSummary> = {}): ProposalSummary {
  return {
    id: 'p1',
    number: 'YS20261120-000001',
    communityId: 'c1',
    compoundId: 'cp1',
    compoundName: '尚格博园',
    compoundNameEn: 'Shangge Boyuan',
    title: '空地变垃圾场，建议改建垃圾房和晾晒点',
    topic: 'environment',
    status: 'submitted',
    origin: 'resident',
    authorResidentId: 'r1',
    authorName: '王建国',
    supportCount: 0,
    supportThreshold: null,
    readyAt: null,
    commentCount: 0,
    caseCount: 0,
    mergedIntoId: null,
    submittedAt: daysAgo(3),
    statusChangedAt: daysAgo(3),
    createdAt: daysAgo(4),
    updatedAt: daysAgo(3),
    version: 2,
    ...overrides,
  };
}

export function makeProposalDetail(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    ...makeProposal(),
    description: '小区东侧空地长期堆放垃圾，气味大，建议建一个垃圾房，再设一个晾晒点。',
    photos: [],
    cases: [],
    rejectionReason: null,
    withdrawalReason: null,
    mySupport: 'none',
    following: false,
    allowedActions: ['start_screening'],
    ...overrides,
  };
}

export function makeProposalEvent(overrides: Partial<ProposalEvent> = {}): ProposalEvent {
  return {
    id: '100',
    proposalId: 'p1',
    type: 'created',
    at: daysAgo(4),
    actorKind: 'resident',
    actorName: '王建国',
    fromStatus: null,
    toStatus: 'draft',
    note: null,
    data: {},
    ...overrides,
  };
}

export function makeComment(overrides: Partial<ProposalComment> = {}): ProposalComment {
  return {
    id: 'cm1',
    proposalId: 'p1',
    authorKind: 'resident',
    authorName: '李*',
    body: '支持，垃圾味太大了',
    createdAt: daysAgo(2),
    hidden: false,
    hiddenReason: null,
    hiddenByName: null,
    hiddenAt: null,
    ...overrides,
  };
}

/** A page of the list as staff get it: their marks are always false. */
export const page = (items: ProposalSummary[], total = items.length): ProposalPage => ({
  items: items.map((p) => ({ ...p, supportedByMe: false, followedByMe: false })),
  total,
  page: 1,
  pageSize: 50,
});

export const proposalPush = (
  eventId: string,
  proposal: ProposalSummary,
  type: ProposalPush['type'] = 'transition',
): ProposalPush => ({ eventId, type, proposal });

export function makeCommunity(id: string, name: string): Community {
  return {
    id,
    streetId: 's1',
    streetName: '翠云街道',
    streetNameEn: 'Cuiyun Street',
    code: id.toUpperCase(),
    name,
    nameEn: '',
    firstElectedOn: null,
    households: 0,
    registeredResidents: 0,
    address: '',
    addressEn: '',
    compoundCount: 1,
    deskCount: 1,
  };
}
