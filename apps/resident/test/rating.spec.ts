import type {
  CaseDetail,
  FollowUpDetail,
  FollowUpPush,
  RatingInvitation,
  ResidentFollowUp,
} from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { socketRecorder } from './fake-socket';
import {
  apiError,
  calls,
  headersOf,
  json,
  makeCase,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  type FetchHandler,
} from './helpers';

const NOW = new Date('2026-11-27T06:00:00Z');

const RESOLVED = makeCase({
  status: 'resolved',
  resolution: '已更换3栋2单元楼道灯泡。',
  resolvedAt: '2026-11-27T03:00:00Z',
  sla: {
    acceptDueAt: '2026-11-27T03:05:00Z',
    resolveDueAt: '2026-11-30T13:30:00Z',
    acceptOverdue: false,
    resolveOverdue: false,
    paused: false,
  },
  version: 6,
});

const REOPENED = makeCase({
  ...RESOLVED,
  status: 'in_progress',
  resolvedAt: null,
  reopenCount: 1,
  version: 8,
});

const UNRATED: ResidentFollowUp = { caseId: 'case-1', canRate: true, ratings: [], contacts: [] };

function ratingAnswer(overrides: Partial<FollowUpDetail> = {}): FollowUpDetail {
  return {
    id: 'f-1',
    caseId: 'case-1',
    round: 1,
    status: 'done',
    verdict: 'reopen',
    attempts: [
      {
        id: 'a-1',
        method: 'app',
        outcome: 'reached',
        satisfaction: 'satisfied',
        solved: 'no',
        notes: '灯还是一闪一闪的',
        recordedByKind: 'resident',
        recordedAt: '2026-11-27T06:00:00Z',
      },
    ],
    ...overrides,
  } as FollowUpDetail;
}

interface Server {
  detail: () => CaseDetail;
  followUp: () => ResidentFollowUp | Response;
  rate?: (body: unknown) => Response;
  invitations?: () => RatingInvitation[];
}

function api(server: Server): FetchHandler {
  return (url, init) => {
    const { pathname } = new URL(url, 'http://app.test');
    const method = (init.method ?? 'GET').toUpperCase();
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/cases/case-1') return json(server.detail());
    if (pathname === '/api/cases/case-1/events') return json([]);
    if (pathname === '/api/cases/case-1/follow-up') {
      const answer = server.followUp();
      return answer instanceof Response ? answer : json(answer);
    }
    if (pathname === '/api/cases/case-1/rating' && method === 'POST' && server.rate)
      return server.rate(JSON.parse(String(init.body)));
    if (pathname === '/api/rating-invitations') return json(server.invitations?.() ?? []);
    if (pathname === '/api/cases') return json({ items: [], total: 0, page: 1, pageSize: 20 });
    return apiError(404, 'NOT_FOUND');
  };
}

async function open(server: Server, path = '/requests/case-1') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  signIn();
  const fetchMock = stubFetch(api(server));
  const mounted = await mountWithApp(App, { path });
  if (path.startsWith('/requests/'))
    await vi.waitFor(
      () => expect(mounted.wrapper.find('[data-testid="request-detail"]').exists()).toBe(true),
      { timeout: 10_000 },
    );
  await flushPromises();
  return { ...mounted, fetchMock };
}

async function choose(
  wrapper: Awaited<ReturnType<typeof open>>['wrapper'],
  level: string,
  solved: string,
) {
  await wrapper.get(`[data-testid="rating-level"][data-level="${level}"]`).trigger('click');
  await wrapper.get(`[data-testid="rating-solved"][data-solved="${solved}"]`).trigger('click');
}

describe('rating a resolved request', () => {
  it('sends "not solved" as solved: no, thanks the resident and says the community handles it again', async () => {
    let detail = RESOLVED;
    let view: ResidentFollowUp = UNRATED;
    const rate = vi.fn(() => {
      // The server reopens the request (a reaction); the reload shows it.
      detail = REOPENED;
      view = {
        ...UNRATED,
        canRate: false,
        ratings: [
          {
            round: 1,
            satisfaction: 'satisfied',
            solved: 'no',
            comment: '灯还是一闪一闪的',
            ratedAt: '2026-11-27T06:00:00Z',
            verdict: 'reopen',
          },
        ],
      };
      return json(ratingAnswer(), 201);
    });
    const { wrapper, fetchMock } = await open({
      detail: () => detail,
      followUp: () => view,
      rate,
    });

    const card = wrapper.get('[data-testid="rating-card"]');
    expect(card.text()).toContain('Was it actually solved?');
    expect(card.findAll('[data-testid="rating-level"]').map((b) => b.text())).toEqual([
      'Very satisfied',
      'Satisfied',
      'Basically satisfied',
      'Dissatisfied',
      'Very dissatisfied',
    ]);
    await choose(wrapper, 'satisfied', 'no');
    expect(wrapper.get('[data-testid="rating-reopens-hint"]').text()).toContain(
      'the community will take this request up again',
    );
    await wrapper.get('[data-testid="rating-comment"]').setValue('  灯还是一闪一闪的 ');
    await wrapper.get('[data-testid="rating-submit"]').trigger('click');
    await flushPromises();

    expect(rate).toHaveBeenCalledTimes(1);
    expect(rate.mock.calls[0]).toEqual([
      { satisfaction: 'satisfied', solved: 'no', comment: '灯还是一闪一闪的' },
    ]);
    const post = calls(fetchMock).indexOf('POST /api/cases/case-1/rating');
    expect(headersOf(fetchMock, post)['Idempotency-Key']).toMatch(/^[\w-]{8,64}$/);

    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-detail"]').attributes('data-status')).toBe(
        'in_progress',
      ),
    );
    expect(wrapper.find('[data-testid="rating-card"]').exists()).toBe(false);
    const thanks = wrapper.get('[data-testid="rating-thanks"]');
    expect(thanks.text()).toContain('Thank you for your rating!');
    expect(thanks.text()).toContain('Satisfied · Not solved');
    expect(thanks.text()).toContain('灯还是一闪一闪的');
    expect(wrapper.get('[data-testid="rating-handled-again"]').text()).toContain(
      'the community will handle this request again',
    );
    expect(wrapper.get('[data-testid="reopen-count"]').text()).toBe('Reopened 1 time(s)');
    expect(wrapper.get('[data-testid="follow-up-rating"]').text()).toContain(
      'Passed back to the community to handle again',
    );
  });

  it('explains in words that the request was rated already (409 already_rated)', async () => {
    let view: ResidentFollowUp = UNRATED;
    const { wrapper } = await open({
      detail: () => RESOLVED,
      followUp: () => view,
      rate: () => {
        view = {
          ...UNRATED,
          canRate: false,
          ratings: [
            {
              round: 1,
              satisfaction: 'very_satisfied',
              solved: 'yes',
              comment: null,
              ratedAt: '2026-11-27T05:00:00Z',
              verdict: 'close',
            },
          ],
        };
        return apiError(409, 'CONFLICT', { details: { reason: 'already_rated' } });
      },
    });
    await choose(wrapper, 'dissatisfied', 'partly');
    await wrapper.get('[data-testid="rating-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="already-rated"]').text()).toBe(
      'You have already rated this request; each resolution can be rated once. Your rating is shown below.',
    );
    expect(wrapper.text()).not.toContain('Something changed in the meantime');
    expect(wrapper.find('[data-testid="rating-card"]').exists()).toBe(false);
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="follow-up-rating"]').text()).toContain(
        'Very satisfied · Solved',
      ),
    );
  });

  it('shows the API’s field errors beside their field, and asks for both choices first', async () => {
    const rate = vi.fn(() =>
      apiError(400, 'VALIDATION_FAILED', {
        fields: [
          { field: 'comment', code: 'too_long', params: { max: 2000 }, message: 'too long' },
        ],
      }),
    );
    const { wrapper } = await open({ detail: () => RESOLVED, followUp: () => UNRATED, rate });

    await wrapper.get('[data-testid="rating-submit"]').trigger('click');
    await flushPromises();
    expect(rate).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="satisfaction-error"]').text()).toBe(
      'Please choose how satisfied you are',
    );
    expect(wrapper.get('[data-testid="solved-error"]').text()).toBe(
      'Please say whether it was solved',
    );

    await choose(wrapper, 'very_satisfied', 'yes');
    expect(wrapper.find('[data-testid="satisfaction-error"]').exists()).toBe(false);
    await wrapper.get('[data-testid="rating-submit"]').trigger('click');
    await flushPromises();
    expect(rate).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="comment-error"]').text()).toBe('At most 2000 characters');
    expect(wrapper.find('[data-testid="rating-error"]').exists()).toBe(false);
  });

  it('offers no rating while the request is not resolved', async () => {
    // Even a stale answer that still says "can rate" does not bring the card back.
    const reopened = await open({
      detail: () => REOPENED,
      followUp: () => ({ ...UNRATED, canRate: true }),
    });
    expect(reopened.wrapper.find('[data-testid="request-status"]').text()).toBe('In progress');
    expect(reopened.wrapper.find('[data-testid="rating-card"]').exists()).toBe(false);
    reopened.wrapper.unmount();

    // A request never resolved has no follow-ups to ask about.
    const accepted = await open({
      detail: () => makeCase({ status: 'accepted' }),
      followUp: () => UNRATED,
    });
    expect(accepted.wrapper.find('[data-testid="rating-card"]').exists()).toBe(false);
    expect(calls(accepted.fetchMock)).not.toContain('GET /api/cases/case-1/follow-up');
  });

  it('shows that a community worker followed up by phone, in Chinese, without a card once closed', async () => {
    setLocale('zh-CN');
    const { wrapper } = await open({
      detail: () => makeCase({ ...RESOLVED, status: 'closed', closedAt: '2026-11-27T05:00:00Z' }),
      followUp: () => ({
        caseId: 'case-1',
        canRate: false,
        ratings: [],
        contacts: [
          { round: 1, method: 'phone', outcome: 'unreachable', at: '2026-11-26T01:00:00Z' },
          { round: 1, method: 'phone', outcome: 'reached', at: '2026-11-27T02:30:00Z' },
        ],
      }),
    });
    expect(wrapper.find('[data-testid="rating-card"]').exists()).toBe(false);
    const contacts = wrapper.findAll('[data-testid="follow-up-contact"]').map((c) => c.text());
    expect(contacts).toEqual([
      '社区工作人员已于 11月26日 09:00 电话回访，未能联系上您',
      '社区工作人员已于 11月27日 10:30 电话回访',
    ]);
  });
});

describe('invitations to rate (邀评)', () => {
  function invitedPush(eventId: string, caseId: string, number: string): FollowUpPush {
    return {
      eventId,
      type: 'invited',
      followUp: {
        id: `f-${caseId}`,
        caseId,
        caseNumber: number,
        caseSummary: '小区门口路灯不亮',
      } as FollowUpPush['followUp'],
    };
  }

  it('lists them on the home page and adds one live from the invited push', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const { wrapper } = await open(
      {
        detail: () => RESOLVED,
        followUp: () => UNRATED,
        invitations: () => [
          {
            followUpId: 'f-1',
            caseId: 'case-1',
            caseNumber: 'BT20261127-0042',
            caseSummary: '3栋2单元楼道灯坏了',
            invitedAt: '2026-11-27T05:00:00Z',
          },
        ],
      },
      '/',
    );
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="rating-invitation"]')).toHaveLength(1),
    );
    expect(wrapper.get('[data-testid="rating-invitations"]').text()).toContain(
      'Waiting for your rating',
    );
    expect(wrapper.get('[data-testid="rating-invitation"]').attributes('href')).toBe(
      '/requests/case-1',
    );

    recorder.last.accept();
    recorder.last.push('followup.updated', invitedPush('900', 'case-2', 'BT20261127-0077'));
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="rating-invitation"]');
    expect(rows.map((r) => r.attributes('data-case-id'))).toEqual(['case-2', 'case-1']);
    expect(rows[0]!.text()).toContain('BT20261127-0077');

    // The same push replayed after a reconnect is not a second invitation.
    recorder.last.push('followup.updated', invitedPush('900', 'case-2', 'BT20261127-0077'));
    await flushPromises();
    expect(wrapper.findAll('[data-testid="rating-invitation"]')).toHaveLength(2);
  });
});
