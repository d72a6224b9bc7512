import type { ProposalSummary } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import { setSocketFactory } from '@/realtime/socket';
import ProposalBoard from '@/views/council/ProposalBoard.vue';
import { daysAgo, makeCommunity, makeProposal, page, proposalPush } from './council-fixtures';
import { socketRecorder } from './fake-socket';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

const submitted = makeProposal({ id: 'p1', status: 'submitted', statusChangedAt: daysAgo(3) });
const open = makeProposal({
  id: 'p2',
  number: 'YS20261101-000002',
  title: '增设电动车充电桩',
  status: 'open_for_support',
  supportCount: 7,
  supportThreshold: 12,
  statusChangedAt: daysAgo(20),
  version: 5,
});
const adopted = makeProposal({ id: 'p3', status: 'adopted', title: '楼道灯改造' });
const rejected = makeProposal({ id: 'p4', status: 'rejected', title: '建一个游泳池' });
const all = [submitted, open, adopted, rejected];

/** The API's answer: the proposals of the statuses asked, optionally with more than shown. */
function answer(items: ProposalSummary[], totals: Record<string, number> = {}) {
  return (call: RecordedCall) => {
    const url = new URL(call.path, 'http://x');
    const statuses = (url.searchParams.get('status') ?? '').split(',');
    const found = items.filter((p) => statuses.includes(p.status));
    return jsonResponse(200, page(found, totals[statuses.join(',')] ?? found.length));
  };
}

async function openBoard(
  options: { role?: 'desk_staff' | 'street_admin'; items?: ProposalSummary[]; path?: string } = {},
) {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  const role = options.role ?? 'desk_staff';
  if (role === 'street_admin') storeSession(makeUser('street_admin', 'street', 's1'), null);
  else storeSession(makeUser(role, 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/communities': () =>
      jsonResponse(
        200,
        role === 'street_admin'
          ? [makeCommunity('c1', '星光社区'), makeCommunity('c2', '翠湖社区')]
          : [makeCommunity('c1', '星光社区')],
      ),
    'GET /api/proposals': answer(options.items ?? all),
  });
  const mounted = await mountInApp(ProposalBoard, {
    path: options.path ?? '/council',
    stubViews: true,
  });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="board-columns"]').exists()).toBe(true),
  );
  return { ...mounted, ...fetch, recorder };
}

const lists = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/proposals'));
const column = (wrapper: VueWrapper, key: string) => wrapper.find(`[data-column="${key}"]`);
const cardIds = (wrapper: VueWrapper, key: string) =>
  column(wrapper, key)
    .findAll('[data-testid="proposal-card"]')
    .map((c) => c.attributes('data-id'));
const count = (wrapper: VueWrapper, key: string) =>
  column(wrapper, key).find('[data-testid="board-column-count"]').text();

describe('council pipeline board', () => {
  it('asks each column of the home community by its statuses, the two outcomes of a vote in one', async () => {
    const { wrapper, calls } = await openBoard();
    const asked = lists(calls).map((c) => new URL(c.path, 'http://x').searchParams);
    expect(asked.map((p) => p.get('status'))).toEqual([
      'submitted',
      'screening',
      'open_for_support',
      'scheduled',
      'deliberated',
      'adopted,not_adopted',
      'in_implementation',
      'completed',
      'evaluated',
    ]);
    expect(asked.every((p) => p.get('communityId') === 'c1' && p.get('pageSize') === '50')).toBe(
      true,
    );
    expect(
      wrapper.findAll('[data-testid="board-column"]').map((c) => c.attributes('data-column')),
    ).toEqual([
      'submitted',
      'screening',
      'open_for_support',
      'scheduled',
      'deliberated',
      'decided',
      'in_implementation',
      'completed',
      'evaluated',
    ]);
    expect(cardIds(wrapper, 'submitted')).toEqual(['p1']);
    expect(cardIds(wrapper, 'decided')).toEqual(['p3']);
    // The screened-out one is folded away.
    expect(wrapper.find('[data-id="p4"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="board-total"]').text()).toBe('共 3 条');
  });

  it('shows each card’s days in its state and its supports against the threshold, and counts from the API’s totals', async () => {
    const { wrapper } = await openBoard({ items: all });
    const card = wrapper.find('[data-id="p2"]');
    expect(card.find('[data-testid="proposal-card-age"]').text()).toBe('本状态第 20 天');
    expect(card.find('[data-testid="support-meter"]').text()).toContain('附议 7 / 12');
    expect(card.attributes('href')).toBe('/council/proposals/p2');
    expect(wrapper.find('[data-id="p1"] [data-testid="support-meter"]').exists()).toBe(false);
    expect(count(wrapper, 'open_for_support')).toBe('1');
  });

  it('searches and shows the closed ones on request, keeping both in the address', async () => {
    const { wrapper, calls, router } = await openBoard();
    vi.useFakeTimers();
    await wrapper.find('[data-testid="board-search"]').setValue('垃圾');
    vi.advanceTimersByTime(350);
    vi.useRealTimers();
    await vi.waitFor(() => expect(router.currentRoute.value.query['q']).toBe('垃圾'));
    await flushPromises();
    const searched = lists(calls).filter(
      (c) => new URL(c.path, 'http://x').searchParams.get('q') === '垃圾',
    );
    expect(searched).toHaveLength(9);

    await wrapper.find('[data-testid="board-show-closed"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query['closed']).toBe('1');
    await vi.waitFor(() => expect(cardIds(wrapper, 'closed')).toEqual(['p4']));
    expect(lists(calls).at(-1)!.path).toContain('status=rejected%2Cmerged%2Cwithdrawn');
  });

  it('lets the street admin choose a community of the street', async () => {
    const { wrapper, calls, router } = await openBoard({ role: 'street_admin' });
    expect(lists(calls)[0]!.path).toContain('communityId=c1');
    const select = wrapper
      .findAllComponents(ElSelect)
      .find((c) => c.attributes('data-testid') === 'board-community')!;
    select.vm.$emit('update:modelValue', 'c2');
    await flushPromises();
    expect(router.currentRoute.value.query['community']).toBe('c2');
    await vi.waitFor(() => expect(lists(calls).at(-1)!.path).toContain('communityId=c2'));
  });

  it('moves a card live when its proposal changes state, counts following, without asking again', async () => {
    const { wrapper, calls, recorder } = await openBoard();
    const socket = recorder.last;
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'community:c1' }]);
    const before = lists(calls).length;

    socket.push(
      'proposal.updated',
      proposalPush('500', {
        ...submitted,
        status: 'screening',
        version: 3,
        statusChangedAt: new Date().toISOString(),
      }),
    );
    await flushPromises();
    expect(cardIds(wrapper, 'submitted')).toEqual([]);
    expect(cardIds(wrapper, 'screening')).toEqual(['p1']);
    expect(count(wrapper, 'submitted')).toBe('0');
    expect(count(wrapper, 'screening')).toBe('1');

    // A support changes the count on the card in place.
    socket.push(
      'proposal.updated',
      proposalPush('501', { ...open, supportCount: 8, version: 6 }, 'supported'),
    );
    await flushPromises();
    expect(wrapper.find('[data-id="p2"] [data-testid="support-meter"]').text()).toContain(
      '附议 8 / 12',
    );

    // An older push than what is shown, or another community's, changes nothing.
    socket.push('proposal.updated', proposalPush('502', { ...open, supportCount: 1, version: 4 }));
    socket.push(
      'proposal.updated',
      proposalPush('503', makeProposal({ id: 'x9', communityId: 'c2' })),
    );
    await flushPromises();
    expect(wrapper.find('[data-id="p2"] [data-testid="support-meter"]').text()).toContain(
      '附议 8 / 12',
    );
    expect(wrapper.find('[data-id="x9"]').exists()).toBe(false);

    // A new proposal heads its column.
    socket.push(
      'proposal.updated',
      proposalPush('504', makeProposal({ id: 'p5', version: 1 }), 'promoted'),
    );
    await flushPromises();
    expect(cardIds(wrapper, 'submitted')).toEqual(['p5']);
    expect(lists(calls)).toHaveLength(before);
  });

  it('on a phone shows one state at a time, chosen with its count', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q === '(max-width: 768px)',
      media: q,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/communities': () => jsonResponse(200, [makeCommunity('c1', '星光社区')]),
      'GET /api/proposals': answer(all),
    });
    const { wrapper, router } = await mountInApp(ProposalBoard, {
      path: '/council',
      stubViews: true,
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="board-phone-list"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="board-columns"]').exists()).toBe(false);
    const ids = () =>
      wrapper
        .findAll('[data-testid="board-phone-list"] [data-testid="proposal-card"]')
        .map((c) => c.attributes('data-id'));
    expect(ids()).toEqual(['p1']);
    const select = wrapper
      .findAllComponents(ElSelect)
      .find((c) => c.attributes('data-testid') === 'board-state')!;
    select.vm.$emit('update:modelValue', 'open_for_support');
    await flushPromises();
    expect(router.currentRoute.value.query['column']).toBe('open_for_support');
    expect(ids()).toEqual(['p2']);
  });

  it('is in the menu of the community’s staff and of the street and district, not of a worker without a community', async () => {
    const menuOf = async (user: ReturnType<typeof makeUser>, home: string | null) => {
      storeSession(user, home);
      const { wrapper } = await mountInApp(AppMenu, { path: '/', stubViews: true });
      const found = wrapper.find('[data-testid="nav-council"]').exists();
      wrapper.unmount();
      return found;
    };
    expect(await menuOf(makeUser('grid_worker', 'compound', 'cp1'), 'c1')).toBe(true);
    expect(await menuOf(makeUser('community_admin', 'community', 'c1'), 'c1')).toBe(true);
    expect(await menuOf(makeUser('street_admin', 'street', 's1'), null)).toBe(true);
    expect(await menuOf(makeUser('bureau_admin', 'district', 'd1'), null)).toBe(true);
    expect(await menuOf(makeUser('desk_staff', 'community', 'c1'), null)).toBe(false);
  });
});
