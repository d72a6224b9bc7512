import type {
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalSummary,
  SimilarProposal,
} from '@baitong/contracts';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
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

const NOW = new Date('2026-11-27T02:00:00Z');

function makeProposal(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    id: 'p-1',
    number: 'YS20261120-000001',
    communityId: 'c-1',
    compoundId: 'cp-1',
    compoundName: '尚格博园',
    compoundNameEn: 'Shangge Boyuan',
    title: '空地改建垃圾房和晾晒点',
    topic: 'environment',
    status: 'open_for_support',
    origin: 'resident',
    authorResidentId: 'u-9',
    authorName: '张*',
    supportCount: 7,
    supportThreshold: 10,
    readyAt: null,
    commentCount: 1,
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

function summaryOf(p: ProposalDetail): ProposalSummary {
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
  return summary;
}

const OPEN = makeProposal();
const MINE = makeProposal({
  id: 'p-2',
  number: 'YS20261125-000002',
  title: '3栋门口增设非机动车棚',
  topic: 'traffic_parking',
  status: 'screening',
  authorResidentId: 'u-1',
  authorName: 'Anna Müller',
  supportCount: 0,
  supportThreshold: null,
  commentCount: 0,
});
const ADOPTED = makeProposal({
  id: 'p-3',
  title: '增设健身器材',
  topic: 'culture_sports',
  status: 'adopted',
  supportCount: 12,
  readyAt: '2026-11-10T02:00:00Z',
});

const COMMENTS: ProposalComment[] = [
  {
    id: 'cm-1',
    proposalId: 'p-1',
    authorKind: 'resident',
    authorName: '李*',
    body: '支持，晾衣服太不方便了',
    createdAt: '2026-11-22T02:00:00Z',
    hidden: false,
    hiddenReason: null,
    hiddenByName: null,
    hiddenAt: null,
  },
  {
    id: 'cm-2',
    proposalId: 'p-1',
    authorKind: 'resident',
    authorName: '王*',
    body: null,
    createdAt: '2026-11-22T03:00:00Z',
    hidden: true,
    hiddenReason: null,
    hiddenByName: null,
    hiddenAt: '2026-11-22T04:00:00Z',
  },
];

const EVENTS: ProposalEvent[] = [
  {
    id: '10',
    proposalId: 'p-1',
    type: 'created',
    at: '2026-11-20T01:00:00Z',
    actorKind: 'resident',
    actorName: '张*',
    fromStatus: null,
    toStatus: 'draft',
    note: null,
    data: {},
  },
  {
    id: '11',
    proposalId: 'p-1',
    type: 'transition',
    at: '2026-11-21T02:00:00Z',
    actorKind: 'staff',
    actorName: '王芳',
    fromStatus: 'screening',
    toStatus: 'open_for_support',
    note: null,
    data: {},
  },
];

interface Server {
  list: ProposalSummary[];
  detail: Record<string, ProposalDetail>;
  similar: SimilarProposal[];
  comments: ProposalComment[];
  /** Answers this call instead of the defaults, or passes (undefined). */
  handle?: (url: string, init: RequestInit) => Response | undefined;
}

function api(server: Server): FetchHandler {
  return (url, init) => {
    const extra = server.handle?.(url, init);
    if (extra) return extra;
    const { pathname } = new URL(url, 'http://app.test');
    const method = init?.method ?? 'GET';
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/proposals' && method === 'GET')
      return json({ items: server.list, total: server.list.length, page: 1, pageSize: 20 });
    const match = /^\/api\/proposals\/([^/]+)(\/.*)?$/.exec(pathname);
    if (match) {
      const [, id, rest] = match;
      const found = server.detail[id!];
      if (!found) return apiError(404, 'NOT_FOUND');
      if (!rest) return json(found);
      if (rest === '/events') return json(EVENTS.filter((e) => e.proposalId === id));
      if (rest === '/comments' && method === 'GET') return json(server.comments);
      if (rest === '/similar') return json(server.similar);
    }
    return apiError(404, 'NOT_FOUND');
  };
}

async function open(path: string, server: Server) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  signIn();
  const fetchMock = stubFetch(api(server));
  const mounted = await mountWithApp(App, { path });
  return { ...mounted, fetchMock, recorder };
}

function server(overrides: Partial<Server> = {}): Server {
  return {
    list: [OPEN, MINE, ADOPTED].map(summaryOf),
    detail: { 'p-1': OPEN, 'p-2': MINE, 'p-3': ADOPTED },
    similar: [],
    comments: COMMENTS,
    ...overrides,
  };
}

function rows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="proposal-row"]');
}

async function waitFor(wrapper: VueWrapper, selector: string) {
  await vi.waitFor(() => expect(wrapper.find(selector).exists()).toBe(true), { timeout: 5000 });
}

describe('council proposals list', () => {
  it('lists the community’s proposals with state, supports against the threshold and my own marked', async () => {
    const { wrapper, fetchMock } = await open('/council', server());
    await waitFor(wrapper, '[data-testid="proposal-list"]');

    expect(calls(fetchMock)).toContain('GET /api/proposals?page=1&pageSize=20');
    expect(rows(wrapper).map((r) => r.attributes('data-proposal-id'))).toEqual([
      'p-1',
      'p-2',
      'p-3',
    ]);
    const first = rows(wrapper)[0]!;
    expect(first.text()).toContain('空地改建垃圾房和晾晒点');
    expect(first.get('[data-testid="proposal-status"]').text()).toBe('Gathering support');
    expect(first.get('[data-testid="support-meter"]').text()).toContain('7 of 10 supports needed');
    expect(first.text()).toContain('Environment & sanitation');
    expect(first.text()).toContain('Shangge Boyuan');
    expect(first.find('[data-testid="mark-mine"]').exists()).toBe(false);
    expect(rows(wrapper)[1]!.find('[data-testid="mark-mine"]').exists()).toBe(true);
    expect(rows(wrapper)[2]!.text()).toContain('Supports: 12');
    expect(wrapper.get('[data-testid="tab-council"]').text()).toBe('Council');
  });

  it('filters by state chip and searches as one types, and says when nothing matches', async () => {
    const s = server();
    const { wrapper, fetchMock } = await open('/council', s);
    await waitFor(wrapper, '[data-testid="proposal-list"]');

    s.list = [summaryOf(OPEN)];

    await wrapper.get('[data-testid="filter-chip"][data-filter="open"]').trigger('click');
    await vi.waitFor(() =>
      expect(calls(fetchMock)).toContain(
        'GET /api/proposals?page=1&pageSize=20&status=open_for_support',
      ),
    );
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(1));
    expect(
      wrapper.get('[data-testid="filter-chip"][data-filter="open"]').attributes('aria-pressed'),
    ).toBe('true');

    s.list = [];
    await wrapper.get('[data-testid="proposal-search"] input').setValue('垃圾');
    const searched = `q=${encodeURIComponent('垃圾')}`;
    await vi.waitFor(
      () =>
        expect(
          calls(fetchMock).some(
            (c) => c.includes(searched) && c.includes('status=open_for_support'),
          ),
        ).toBe(true),
      { timeout: 3000 },
    );
    await waitFor(wrapper, '[data-testid="empty-state"]');
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain(
      'No proposal matches your search.',
    );

    await wrapper.get('[data-testid="filter-chip"][data-filter="mine"]').trigger('click');
    await vi.waitFor(() =>
      expect(calls(fetchMock).some((c) => c.includes('mine=true'))).toBe(true),
    );
  });

  it('shows an empty community with a way to propose, in Chinese', async () => {
    setLocale('zh-CN');
    const { wrapper } = await open('/council', server({ list: [] }));
    await waitFor(wrapper, '[data-testid="empty-state"]');
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('社区还没有提议');
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('提一个提议');
  });
});

describe('proposing', () => {
  async function fillForm(wrapper: VueWrapper) {
    await waitFor(wrapper, '[data-testid="proposal-form"]');
    await wrapper.get('[data-testid="title-input"] input').setValue('空地建垃圾房');
    await wrapper
      .get('[data-testid="description-input"] textarea')
      .setValue('小区东侧空地垃圾成堆，建议建一个垃圾房。');
    await wrapper.get('[data-testid="topic-option"][data-topic="environment"]').trigger('click');
  }

  function proposing(similar: SimilarProposal[]) {
    const draft = makeProposal({
      id: 'p-new',
      number: 'YS20261127-000009',
      title: '空地建垃圾房',
      status: 'draft',
      authorResidentId: 'u-1',
      supportCount: 0,
      supportThreshold: null,
      version: 1,
      allowedActions: ['submit', 'withdraw'],
    });
    const s = server({ similar });
    s.handle = (url, init) => {
      const { pathname } = new URL(url, 'http://app.test');
      if (pathname === '/api/proposals' && init.method === 'POST') {
        s.detail['p-new'] = draft;
        return json(draft, 201);
      }
      if (pathname === '/api/proposals/p-new/transitions') {
        const body = JSON.parse(String(init.body)) as { action: string };
        const moved = makeProposal({
          ...draft,
          status: body.action === 'submit' ? 'submitted' : 'withdrawn',
          version: 2,
          allowedActions: [],
        });
        s.detail['p-new'] = moved;
        return json(moved);
      }
      if (pathname === '/api/proposals/p-1/support' && init.method === 'POST') {
        const supported = { ...OPEN, supportCount: 8, mySupport: 'active' as const, version: 4 };
        s.detail['p-1'] = supported;
        return json(supported);
      }
      return undefined;
    };
    return s;
  }

  const SIMILAR: SimilarProposal = {
    proposalId: 'p-1',
    number: OPEN.number,
    title: OPEN.title,
    status: 'open_for_support',
    supportCount: 7,
    similarity: 0.42,
  };

  it('checks the form before saving anything', async () => {
    const { wrapper, fetchMock } = await open('/council/new', server());
    await waitFor(wrapper, '[data-testid="proposal-form"]');
    await wrapper.get('[data-testid="title-input"] input').setValue('垃圾');
    await wrapper.get('[data-testid="submit-proposal"]').trigger('click');
    await flushPromises();

    expect(wrapper.text()).toContain('Write a title of at least 4 characters.');
    expect(wrapper.text()).toContain('Describe it in at least 10 characters.');
    expect(wrapper.text()).toContain('Choose a topic.');
    expect(calls(fetchMock).filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('shows similar proposals before submitting, and supporting one instead withdraws the draft', async () => {
    const s = proposing([SIMILAR]);
    const { wrapper, fetchMock, router } = await open('/council/new', s);
    await fillForm(wrapper);
    await wrapper.get('[data-testid="submit-proposal"]').trigger('click');
    await waitFor(wrapper, '[data-testid="similar-prompt"]');

    const posted = fetchMock.mock.calls.find(
      ([u, i]) => String(u).endsWith('/api/proposals') && i?.method === 'POST',
    );
    expect(JSON.parse(String(posted![1]!.body))).toEqual({
      title: '空地建垃圾房',
      description: '小区东侧空地垃圾成堆，建议建一个垃圾房。',
      topic: 'environment',
    });
    expect(calls(fetchMock)).toContain('GET /api/proposals/p-new/similar');
    const prompt = wrapper.get('[data-testid="similar-prompt"]');
    expect(prompt.text()).toContain('Similar proposals already exist');
    expect(prompt.text()).toContain('空地改建垃圾房和晾晒点');
    expect(calls(fetchMock).some((c) => c.includes('/transitions'))).toBe(false);

    await prompt.get('[data-testid="support-instead"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/council/p-1'));
    const sent = calls(fetchMock);
    expect(sent).toContain('POST /api/proposals/p-1/support');
    const withdraw = fetchMock.mock.calls.find(([u]) =>
      String(u).endsWith('/api/proposals/p-new/transitions'),
    );
    expect(JSON.parse(String(withdraw![1]!.body))).toMatchObject({
      action: 'withdraw',
      version: 1,
    });
    await waitFor(wrapper, '[data-testid="proposal-detail"]');
    expect(wrapper.get('[data-testid="my-support"]').text()).toBe('You support this proposal.');
  });

  it('submits mine anyway when it is different', async () => {
    const s = proposing([SIMILAR]);
    const { wrapper, fetchMock, router } = await open('/council/new', s);
    await fillForm(wrapper);
    await wrapper.get('[data-testid="submit-proposal"]').trigger('click');
    await waitFor(wrapper, '[data-testid="similar-prompt"]');
    await wrapper.get('[data-testid="submit-anyway"]').trigger('click');

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/council/p-new'));
    const moved = fetchMock.mock.calls.find(([u]) =>
      String(u).endsWith('/api/proposals/p-new/transitions'),
    );
    expect(JSON.parse(String(moved![1]!.body))).toEqual({ action: 'submit', version: 1 });
    await waitFor(wrapper, '[data-testid="proposal-detail"]');
    expect(wrapper.get('[data-testid="proposal-detail"]').attributes('data-status')).toBe(
      'submitted',
    );
    expect(wrapper.get('[data-testid="status-explain"]').text()).toContain(
      'will check that it is a matter for the council',
    );
  });

  it('submits straight away when nothing similar exists', async () => {
    const { wrapper, router } = await open('/council/new', proposing([]));
    await fillForm(wrapper);
    await wrapper.get('[data-testid="submit-proposal"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/council/p-new'));
    expect(wrapper.find('[data-testid="similar-prompt"]').exists()).toBe(false);
  });
});

describe('a proposal’s page', () => {
  it('shows the description, what happens next, comments without hidden ones, and the timeline', async () => {
    const { wrapper } = await open('/council/p-1', server());
    await waitFor(wrapper, '[data-testid="proposal-detail"]');

    expect(wrapper.get('[data-testid="proposal-description"]').text()).toBe(OPEN.description);
    expect(wrapper.get('[data-testid="status-explain"]').text()).toContain(
      'Once it has enough supports it goes on the agenda of a council meeting.',
    );
    const comments = wrapper.findAll('[data-testid="proposal-comment"]');
    expect(comments.map((c) => c.attributes('data-comment-id'))).toEqual(['cm-1']);
    const events = wrapper.findAll('[data-testid="proposal-event"]');
    expect(events.map((e) => e.text())).toEqual([
      expect.stringContaining('Status: Gathering support'),
      expect.stringContaining('Draft written'),
    ]);
  });

  it('supports once, withdraws, and explains a 409 from a support made elsewhere', async () => {
    const s = server();
    let supportAnswer = (): Response => {
      const next = {
        ...s.detail['p-1']!,
        supportCount: 8,
        mySupport: 'active' as const,
        version: 4,
      };
      s.detail['p-1'] = next;
      return json(next);
    };
    s.handle = (url, init) => {
      const { pathname } = new URL(url, 'http://app.test');
      if (pathname !== '/api/proposals/p-1/support') return undefined;
      if (init.method === 'POST') return supportAnswer();
      const next = {
        ...s.detail['p-1']!,
        supportCount: 7,
        mySupport: 'withdrawn' as const,
        version: 5,
      };
      s.detail['p-1'] = next;
      return json(next);
    };
    const { wrapper } = await open('/council/p-1', s);
    await waitFor(wrapper, '[data-testid="support-button"]');

    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="support-meter"]').text()).toContain('8 of 10'),
    );
    expect(wrapper.get('[data-testid="support-button"]').text()).toBe('Withdraw my support');

    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="my-support"]').text()).toContain('You withdrew'),
    );

    // Supported again from another phone meanwhile: the API refuses a second support.
    supportAnswer = () => {
      s.detail['p-1'] = { ...s.detail['p-1']!, mySupport: 'active', supportCount: 8, version: 6 };
      return apiError(409, 'CONFLICT', { details: { reason: 'already_supported' } });
    };
    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await waitFor(wrapper, '[data-testid="support-error"]');
    expect(wrapper.get('[data-testid="support-error"]').text()).toBe(
      'You already support this proposal; each resident counts once.',
    );
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="support-button"]').text()).toBe('Withdraw my support'),
    );
  });

  it('explains that an unverified resident cannot support yet', async () => {
    const s = server();
    s.handle = (url) =>
      url.endsWith('/api/proposals/p-1/support')
        ? apiError(403, 'FORBIDDEN', { details: { reason: 'resident_unverified' } })
        : undefined;
    const { wrapper } = await open('/council/p-1', s);
    await waitFor(wrapper, '[data-testid="support-button"]');
    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await waitFor(wrapper, '[data-testid="support-error"]');
    expect(wrapper.get('[data-testid="support-error"]').text()).toContain(
      'Your registration is still being checked',
    );
  });

  it('follows, and posts a comment that joins the thread', async () => {
    const s = server();
    s.handle = (url, init) => {
      const { pathname } = new URL(url, 'http://app.test');
      if (pathname === '/api/proposals/p-1/follow') {
        s.detail['p-1'] = { ...s.detail['p-1']!, following: true, version: 4 };
        return json(s.detail['p-1']);
      }
      if (pathname === '/api/proposals/p-1/comments' && init.method === 'POST') {
        const comment: ProposalComment = {
          ...COMMENTS[0]!,
          id: 'cm-3',
          authorName: 'Anna Müller',
          body: JSON.parse(String(init.body)).body as string,
        };
        s.comments = [...s.comments, comment];
        return json(comment, 201);
      }
      return undefined;
    };
    const { wrapper, fetchMock } = await open('/council/p-1', s);
    await waitFor(wrapper, '[data-testid="follow-button"]');

    await wrapper.get('[data-testid="follow-button"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="follow-button"]').text()).toBe('Stop following'),
    );

    await wrapper.get('[data-testid="comment-input"]').setValue('  我也支持  ');
    await wrapper.get('[data-testid="post-comment"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="proposal-comment"]')).toHaveLength(2),
    );
    const posted = fetchMock.mock.calls.find(
      ([u, i]) => String(u).endsWith('/comments') && i?.method === 'POST',
    );
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ body: '我也支持' });
    expect(
      (wrapper.get('[data-testid="comment-input"]').element as HTMLTextAreaElement).value,
    ).toBe('');
  });

  it('shows a pushed step at once', async () => {
    const s = server();
    const { wrapper, recorder } = await open('/council/p-1', s);
    await waitFor(wrapper, '[data-testid="proposal-detail"]');
    await vi.waitFor(() => expect(recorder.sockets).toHaveLength(1));
    recorder.last.accept();

    const scheduled = { ...OPEN, status: 'scheduled' as const, version: 9 };
    s.detail['p-1'] = scheduled;
    recorder.last.push('proposal.updated', {
      eventId: '900',
      type: 'transition',
      proposal: summaryOf(scheduled),
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="proposal-detail"]').attributes('data-status')).toBe(
        'scheduled',
      ),
    );
    expect(wrapper.get('[data-testid="status-explain"]').text()).toContain(
      'on the agenda of a council meeting',
    );
  });
});
