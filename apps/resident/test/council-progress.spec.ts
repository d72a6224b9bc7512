import type {
  EvaluationInvitation,
  MeetingDetail,
  MyProjectEvaluation,
  ProposalDetail,
  ProposalEvent,
  ProposalImplementation,
  ProposalListItem,
  SimilarProposal,
} from '@baitong/contracts';
import type { VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setSocketFactory } from '@/realtime/socket';
import { socketRecorder } from './fake-socket';
import {
  apiError,
  calls,
  json,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  type FetchHandler,
} from './helpers';

const NOW = new Date('2026-12-20T02:00:00Z');

function proposal(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    id: 'p-1',
    number: 'YS20261120-000001',
    communityId: 'c-1',
    compoundId: null,
    compoundName: null,
    compoundNameEn: null,
    title: '空地改建垃圾房和晾晒点',
    topic: 'environment',
    status: 'open_for_support',
    origin: 'resident',
    authorResidentId: null,
    authorName: '张*',
    supportCount: 7,
    supportThreshold: 10,
    readyAt: null,
    commentCount: 0,
    caseCount: 0,
    mergedIntoId: null,
    submittedAt: '2026-11-20T02:00:00Z',
    statusChangedAt: '2026-11-21T02:00:00Z',
    createdAt: '2026-11-20T01:00:00Z',
    updatedAt: '2026-11-21T02:00:00Z',
    version: 3,
    description: '小区空地堆满垃圾，建议改建垃圾房并设晾晒点。',
    photos: [],
    cases: [],
    rejectionReason: null,
    withdrawalReason: null,
    mySupport: 'none',
    following: false,
    allowedActions: [],
    ...overrides,
  };
}

function row(p: ProposalDetail, marks: Partial<ProposalListItem> = {}): ProposalListItem {
  const {
    description: _d,
    photos: _p,
    cases: _c,
    rejectionReason: _r,
    withdrawalReason: _w,
    mySupport: _m,
    following: _f,
    allowedActions: _a,
    ...summary
  } = p;
  return { ...summary, supportedByMe: false, followedByMe: false, ...marks };
}

const DECIDED: ProposalEvent = {
  id: '40',
  proposalId: 'p-1',
  type: 'transition',
  at: '2026-12-05T11:00:00Z',
  actorKind: 'staff',
  actorName: '王芳',
  fromStatus: 'deliberated',
  toStatus: 'adopted',
  note: null,
  data: { meetingId: 'm-1', tally: { for: 5, against: 1, abstain: 1 }, present: 7 },
};

const IMPLEMENTATION: ProposalImplementation = {
  proposalId: 'p-1',
  ownerStaffId: null,
  ownerName: '物业公司',
  plan: '建封闭垃圾房和晾晒点',
  budgetYuan: 30000,
  fundingSource: 'community_charity_fund',
  fundingNote: null,
  startedAt: '2026-12-06T02:00:00Z',
  completedAt: '2026-12-15T02:00:00Z',
  completionNote: '验收通过',
  milestones: [
    { id: 'ms-1', title: '清运垃圾', plannedOn: '2026-12-08', doneAt: '2026-12-08T06:00:00Z' },
  ],
  progress: [
    {
      id: 'pg-1',
      note: '垃圾已清运，地基已打好。',
      recordedAt: '2026-12-09T02:00:00Z',
      recordedByName: '王芳',
      photos: [
        {
          id: 'f-1',
          contentType: 'image/png',
          sizeBytes: 10,
          url: 'https://elsewhere.test/f-1.png',
        },
      ],
    },
  ],
  evaluationDueAt: '2026-12-29T02:00:00Z',
  evaluation: null,
};

interface World {
  list?: ProposalListItem[];
  detail?: ProposalDetail;
  events?: ProposalEvent[];
  similar?: SimilarProposal[];
  mine?: MyProjectEvaluation | null;
  invitations?: EvaluationInvitation[];
  meeting?: MeetingDetail;
}

function api(w: World): FetchHandler {
  return (url, init) => {
    const { pathname } = new URL(url, 'http://app.test');
    const method = init?.method ?? 'GET';
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/evaluation-invitations') return json(w.invitations ?? []);
    if (pathname === '/api/proposals' && method === 'GET')
      return json({ items: w.list ?? [], total: w.list?.length ?? 0, page: 1, pageSize: 20 });
    if (pathname === '/api/proposals/similar') return json(w.similar ?? []);
    if (pathname === '/api/proposals/p-1/support' && method === 'POST')
      return json(proposal({ mySupport: 'active', supportCount: 8, version: 4 }));
    if (pathname === '/api/proposals/p-1/evaluation') {
      if (method === 'POST') {
        w.mine = {
          ...w.mine!,
          status: 'done',
          satisfaction: 'satisfied',
          solved: 'yes',
          comment: null,
          recordedAt: NOW.toISOString(),
        };
        return json(
          {
            proposalId: 'p-1',
            satisfaction: 'satisfied',
            solved: 'yes',
            recordedAt: NOW.toISOString(),
          },
          201,
        );
      }
      return w.mine ? json(w.mine) : apiError(404, 'NOT_FOUND');
    }
    if (pathname === '/api/proposals/p-1/implementation') return json(IMPLEMENTATION);
    if (pathname === '/api/proposals/p-1/events') return json(w.events ?? []);
    if (pathname === '/api/proposals/p-1/comments') return json([]);
    if (pathname === '/api/proposals/p-1')
      return w.detail ? json(w.detail) : apiError(404, 'NOT_FOUND');
    if (pathname === '/api/meetings/m-1' && w.meeting) return json(w.meeting);
    return apiError(404, 'NOT_FOUND');
  };
}

async function open(path: string, w: World) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  signIn();
  const fetchMock = stubFetch(api(w));
  const mounted = await mountWithApp(App, { path });
  return { ...mounted, fetchMock, recorder };
}

async function waitFor(wrapper: VueWrapper, selector: string) {
  await vi.waitFor(() => expect(wrapper.find(selector).exists()).toBe(true), { timeout: 5000 });
}

describe('council marks and the prompt while typing', () => {
  it('marks the rows the resident supports and follows, from the list itself', async () => {
    const list = [
      row(proposal(), { supportedByMe: true }),
      row(proposal({ id: 'p-2', title: '增设健身器材' }), { followedByMe: true }),
      row(proposal({ id: 'p-3', title: '楼道灯' })),
    ];
    const { wrapper } = await open('/council', { list });
    await waitFor(wrapper, '[data-testid="proposal-list"]');
    const rows = wrapper.findAll('[data-testid="proposal-row"]');
    expect(rows[0]!.find('[data-testid="mark-supported"]').exists()).toBe(true);
    expect(rows[0]!.find('[data-testid="mark-following"]').exists()).toBe(false);
    expect(rows[1]!.find('[data-testid="mark-following"]').exists()).toBe(true);
    expect(rows[2]!.find('[data-testid="mark-supported"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="meetings-link"]').text()).toContain('Council meetings');
  });

  it('asks for similar proposals once the resident pauses typing, and supports one instead', async () => {
    const similar: SimilarProposal[] = [
      {
        proposalId: 'p-1',
        number: 'YS20261120-000001',
        title: '空地改建垃圾房和晾晒点',
        status: 'open_for_support',
        supportCount: 7,
        similarity: 0.42,
      },
    ];
    const { wrapper, fetchMock, router } = await open('/council/new', {
      similar,
      detail: proposal({ mySupport: 'active' }),
    });
    await waitFor(wrapper, '[data-testid="proposal-form"]');
    await wrapper.get('[data-testid="title-input"] input').setValue('空');
    await wrapper.get('[data-testid="title-input"] input').setValue('空地垃圾');
    await wrapper.get('[data-testid="title-input"] input').setValue('空地垃圾房');
    await waitFor(wrapper, '[data-testid="typing-similar-item"]');
    const asked = calls(fetchMock).filter((c) => c.startsWith('GET /api/proposals/similar'));
    // One question for the pause, with the words as they stood then.
    expect(asked).toEqual([`GET /api/proposals/similar?title=${encodeURIComponent('空地垃圾房')}`]);
    expect(wrapper.get('[data-testid="similar-while-typing"]').text()).toContain('Supports: 7');

    await wrapper.get('[data-testid="typing-support-instead"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/council/p-1'));
    expect(calls(fetchMock)).toContain('POST /api/proposals/p-1/support');
  });
});

describe('a project after the council', () => {
  it('shows the decision, the progress with photos and asks the resident to evaluate', async () => {
    const w: World = {
      detail: proposal({ status: 'completed', supportCount: 12, mySupport: 'active' }),
      events: [DECIDED],
      mine: {
        proposalId: 'p-1',
        status: 'open',
        dueAt: '2026-12-29T02:00:00Z',
        satisfaction: null,
        solved: null,
        comment: null,
        recordedAt: null,
      },
    };
    const { wrapper, fetchMock } = await open('/council/p-1', w);
    await waitFor(wrapper, '[data-testid="project-update"]');
    const decision = wrapper.get('[data-testid="proposal-decision"]');
    expect(decision.attributes('data-decision')).toBe('adopted');
    expect(decision.text()).toContain('For 5 · against 1 · abstained 1');
    expect(decision.get('[data-testid="decision-meeting"]').attributes('href')).toBe(
      '/council/meetings/m-1',
    );
    expect(wrapper.get('[data-testid="project-owner"]').text()).toBe('物业公司');
    expect(wrapper.get('[data-testid="project-update"]').attributes('data-photos')).toBe('1');
    expect(wrapper.get('[data-testid="project-completed"]').text()).toContain('验收通过');

    await waitFor(wrapper, '[data-testid="evaluation-submit"]');
    await wrapper.get('[data-testid="evaluation-submit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="project-evaluation"]').text()).toContain(
        'Please choose how satisfied you are.',
      ),
    );
    expect(calls(fetchMock)).not.toContain('POST /api/proposals/p-1/evaluation');
    await wrapper.get('[data-testid="evaluation-level"][data-level="satisfied"]').trigger('click');
    await wrapper.get('[data-testid="evaluation-solved"][data-solved="yes"]').trigger('click');
    await wrapper.get('[data-testid="evaluation-submit"]').trigger('click');
    await waitFor(wrapper, '[data-testid="evaluation-mine"]');
    const sent = fetchMock.mock.calls.find(
      ([url, init]) =>
        String(url).endsWith('/api/proposals/p-1/evaluation') && init?.method === 'POST',
    );
    expect(JSON.parse(String(sent![1]!.body))).toEqual({
      satisfaction: 'satisfied',
      solved: 'yes',
    });
    expect(wrapper.get('[data-testid="evaluation-mine"]').text()).toContain('Satisfied');
  });

  it('shows a live invitation to evaluate in 我的', async () => {
    const { wrapper, recorder } = await open('/me', {});
    await vi.waitFor(() => expect(recorder.sockets).toHaveLength(1));
    recorder.last.accept();
    expect(wrapper.find('[data-testid="evaluation-invitations"]').exists()).toBe(false);
    recorder.last.push('evaluation.invited', {
      eventId: '90',
      invitation: {
        proposalId: 'p-1',
        number: 'YS20261120-000001',
        title: '空地改建垃圾房和晾晒点',
        invitedAt: NOW.toISOString(),
        dueAt: '2026-12-29T02:00:00Z',
      },
    });
    await waitFor(wrapper, '[data-testid="evaluation-invitation"]');
    const invitation = wrapper.get('[data-testid="evaluation-invitation"]');
    expect(invitation.text()).toContain('空地改建垃圾房和晾晒点');
    expect(invitation.attributes('href')).toBe('/council/p-1');
  });
});
