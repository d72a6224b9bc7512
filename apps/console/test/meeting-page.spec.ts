import type { MeetingDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import MeetingPage from '@/views/council/MeetingPage.vue';
import { makeProposal, page } from './council-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';
import { socketRecorder } from './fake-socket';
import { answerMessageBox } from './message-box';
import { makeCouncil, makeItem, makeMeeting, present } from './meeting-fixtures';

enableAutoUnmount(afterEach);

type Routes = Parameters<typeof stubFetch>[0];

async function openMeeting(
  meeting: MeetingDetail | (() => MeetingDetail),
  extra: Routes = {},
  role: 'community_worker' | 'street_admin' = 'community_worker',
) {
  if (role === 'street_admin') storeSession(makeUser('street_admin', 'street', 's1'), null);
  else storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  const current = typeof meeting === 'function' ? meeting : () => meeting;
  const fetch = stubFetch({
    'GET /api/meetings/m1': () => jsonResponse(200, current()),
    'GET /api/communities/c1/council': () => jsonResponse(200, makeCouncil()),
    'GET /api/proposals': () =>
      jsonResponse(
        200,
        page([
          makeProposal({
            id: 'p7',
            title: '增设电动车充电桩',
            status: 'open_for_support',
            supportCount: 12,
            supportThreshold: 10,
            readyAt: '2026-11-30T00:00:00Z',
          }),
        ]),
      ),
    ...extra,
  });
  const mounted = await mountInApp(MeetingPage, { path: '/council/meetings/m1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="meeting-page"]').attributes('data-status')).not.toBe(
      '',
    ),
  );
  await flushPromises();
  return { ...mounted, ...fetch, recorder };
}
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');

describe('the meeting page', () => {
  it('follows the steps recorded on another phone at the same meeting', async () => {
    let current = makeMeeting({ attendees: [present('cm1', '王建国')], version: 3 });
    const { wrapper, recorder, calls } = await openMeeting(() => current);
    const socket = recorder.last;
    socket.accept();
    expect(socket.subscriptions).toContainEqual({ room: 'community:c1' });

    current = makeMeeting({
      quorate: true,
      attendees: ['cm1', 'cm2', 'cm3'].map((id) => present(id, id)),
      version: 5,
    });
    // Another meeting's step, or an older one of this meeting, changes nothing.
    socket.push('meeting.updated', {
      eventId: '8',
      type: 'attended',
      meeting: { ...current, id: 'm2' },
    });
    socket.push('meeting.updated', {
      eventId: '9',
      type: 'attended',
      meeting: { ...current, version: 3 },
    });
    socket.push('meeting.updated', { eventId: '10', type: 'attended', meeting: current });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="quorum"]').attributes('data-met')).toBe('true'),
    );
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/meetings/m1')).toHaveLength(
      2,
    );
  });

  it('refuses the vote up front without quorum, saying how many are present and needed', async () => {
    const { wrapper } = await openMeeting(makeMeeting({ attendees: [present('cm1', '王建国')] }));
    expect(wrapper.find('[data-testid="quorum"]').attributes('data-met')).toBe('false');
    expect(wrapper.find('[data-testid="quorum-state"]').text()).toBe('还差 2 名委员到会，不能表决');
    expect(wrapper.find('[data-testid="quorum-count"]').text()).toBe(
      '到会委员 1 / 需 3 人（共 4 名委员）',
    );
    const blocked = wrapper.find('[data-testid="vote-blocked"]');
    expect(blocked.text()).toContain('未达法定人数（到会 1 / 需 3 人），不能表决');
    expect(wrapper.find('[data-testid="vote-for"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="agenda-decide"]').attributes('disabled')).toBeDefined();
  });

  it('shows the API’s refusal of a vote without quorum in words, with its numbers', async () => {
    // The page thought the meeting quorate; someone's attendance was wrong on another phone.
    const quorate = makeMeeting({
      quorate: true,
      attendees: ['cm1', 'cm2', 'cm3'].map((id) => present(id, id)),
    });
    const { wrapper } = await openMeeting(quorate, {
      'POST /api/meetings/m1/agenda/i1/votes': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'No quorum',
          details: { reason: 'no_quorum', present: 2, members: 4, quorum: 3 },
        }),
    });
    await wrapper.find('[data-testid="vote-for"]').trigger('click');
    await flushPromises();
    const notice = wrapper.find('[data-testid="meeting-notice"]');
    expect(notice.attributes('data-reason')).toBe('no_quorum');
    expect(notice.text()).toContain(
      '未达法定人数：到会委员 2 人，需 3 人（共 4 名委员），不能表决或宣布结果。',
    );
  });

  it('records a member present with one tap, and the quorum follows', async () => {
    let current = makeMeeting({ attendees: [present('cm1', '王建国'), present('cm3', '张伟')] });
    const { wrapper, calls } = await openMeeting(() => current, {
      'POST /api/meetings/m1/attendance': () => {
        current = makeMeeting({
          quorate: true,
          version: 4,
          attendees: [...current.attendees, present('cm2', '李秀英')],
        });
        return jsonResponse(200, current);
      },
    });
    const members = wrapper.findAll('[data-testid="attendance-member"]');
    // The chair heads the checklist; the member whose term ended is not on it.
    expect(members.map((m) => m.attributes('data-id'))).toEqual(['cm2', 'cm1', 'cm3', 'cm4']);
    expect(members[1]!.attributes('data-present')).toBe('true');
    await members[0]!.trigger('click');
    await flushPromises();
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/meetings/m1/attendance', { memberId: 'cm2' }],
    ]);
    expect(wrapper.find('[data-testid="quorum"]').attributes('data-met')).toBe('true');
    expect(wrapper.find('[data-testid="vote-blocked"]').exists()).toBe(false);
  });

  it('enters a present member’s vote and decides once everyone present has voted', async () => {
    let current = makeMeeting({
      quorate: true,
      attendees: ['cm1', 'cm2', 'cm3'].map((id) => present(id, `委员${id}`)),
    });
    const { wrapper, calls } = await openMeeting(() => current, {
      'POST /api/meetings/m1/agenda/i1/votes': (call) => {
        const { memberId, choice } = call.body as { memberId: string; choice: 'for' };
        const item = current.agenda[0]!;
        current = {
          ...current,
          agenda: [
            {
              ...item,
              tally: { ...item.tally, for: item.tally.for + 1 },
              votes: [...item.votes, { memberId, memberName: memberId, choice, at: '' }],
            },
          ],
        };
        return jsonResponse(200, current);
      },
      'POST /api/meetings/m1/agenda/i1/decide': () => {
        current = {
          ...current,
          agenda: [
            makeItem({
              ...current.agenda[0]!,
              decision: 'adopted',
              presentAtDecision: 3,
              requiredFor: 2,
              proposalStatus: 'adopted',
            }),
          ],
        };
        return jsonResponse(200, current);
      },
    });
    for (let i = 0; i < 3; i++) {
      await wrapper.find('[data-testid="vote-for"]').trigger('click');
      await flushPromises();
    }
    expect(wrapper.find('[data-testid="agenda-tally"]').text()).toBe('赞成 3 · 反对 0 · 弃权 0');
    await wrapper.find('[data-testid="agenda-decide"]').trigger('click');
    await flushPromises();
    expect(posts(calls).map((c) => c.path)).toEqual([
      '/api/meetings/m1/agenda/i1/votes',
      '/api/meetings/m1/agenda/i1/votes',
      '/api/meetings/m1/agenda/i1/votes',
      '/api/meetings/m1/agenda/i1/decide',
    ]);
    expect(posts(calls)[0]!.body).toEqual({ memberId: 'cm1', choice: 'for' });
    const decision = wrapper.find('[data-testid="agenda-decision"]');
    expect(decision.text()).toContain('表决结果：通过');
    expect(decision.text()).toContain('到会 3 人，通过需赞成 2 票');
  });

  it('asks before deciding while members present have not voted', async () => {
    const quorate = makeMeeting({
      quorate: true,
      attendees: ['cm1', 'cm2', 'cm3'].map((id) => present(id, id)),
    });
    const { wrapper, calls } = await openMeeting(quorate);
    await wrapper.find('[data-testid="agenda-decide"]').trigger('click');
    const text = await answerMessageBox(false, 'meeting-confirm');
    expect(text).toContain('还有 3 名到会委员未投票');
    expect(posts(calls)).toEqual([]);
  });

  it('adds a proposal past its threshold to the agenda', async () => {
    const { wrapper, calls } = await openMeeting(makeMeeting({ agenda: [] }), {
      'POST /api/meetings/m1/agenda': () =>
        jsonResponse(200, makeMeeting({ agenda: [makeItem({ proposalId: 'p7' })] })),
    });
    expect(wrapper.find('[data-testid="agenda-empty"]').exists()).toBe(true);
    const ready = calls.find((c) => c.path.startsWith('/api/proposals'))!;
    expect(ready.path).toContain('status=open_for_support');
    expect(ready.path).toContain('ready=true');
    wrapper
      .find('[data-testid="agenda"]')
      .findComponent(ElSelect)
      .vm.$emit('update:modelValue', 'p7');
    await flushPromises();
    await wrapper.find('[data-testid="agenda-add"]').trigger('click');
    await flushPromises();
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/meetings/m1/agenda', { proposalId: 'p7' }],
    ]);
    expect(wrapper.findAll('[data-testid="agenda-item"]')).toHaveLength(1);
  });

  it('explains a proposal that is no longer ready for the agenda', async () => {
    const { wrapper } = await openMeeting(makeMeeting({ agenda: [] }), {
      'POST /api/meetings/m1/agenda': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'not ready',
          details: { reason: 'not_ready', supportCount: 9, supportThreshold: 10 },
        }),
    });
    wrapper
      .find('[data-testid="agenda"]')
      .findComponent(ElSelect)
      .vm.$emit('update:modelValue', 'p7');
    await flushPromises();
    await wrapper.find('[data-testid="agenda-add"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="meeting-notice"]').text()).toContain(
      '该议题附议未达门槛或不在征集附议中，不能列入议程。',
    );
  });

  it('closes only with every item decided and the minutes written', async () => {
    const undecided = await openMeeting(makeMeeting({ quorate: true }));
    expect(undecided.wrapper.find('[data-testid="minutes-undecided"]').text()).toContain(
      '还有 1 项议题未表决',
    );
    expect(undecided.wrapper.find('[data-testid="meeting-close"]').attributes('disabled')).toBe('');
    undecided.wrapper.unmount();

    const decided = makeMeeting({
      quorate: true,
      version: 7,
      agenda: [makeItem({ decision: 'adopted', presentAtDecision: 3, requiredFor: 2 })],
    });
    const { wrapper, calls } = await openMeeting(decided, {
      'POST /api/meetings/m1/close': (call) =>
        jsonResponse(200, {
          ...decided,
          status: 'closed',
          closedAt: '2026-12-10T13:30:00Z',
          minutes: (call.body as { minutes: string }).minutes,
        }),
    });
    await wrapper.find('[data-testid="meeting-close"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('结束会议前请填写会议纪要');
    expect(posts(calls)).toEqual([]);

    const minutes = wrapper.find<HTMLTextAreaElement>('[data-testid="minutes-text"]');
    await minutes.setValue('  到会委员 3 人，议题通过。 ');
    await wrapper.find('[data-testid="meeting-close"]').trigger('click');
    await answerMessageBox(true, 'meeting-confirm');
    await flushPromises();
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/meetings/m1/close', { version: 7, minutes: '到会委员 3 人，议题通过。' }],
    ]);
    expect(wrapper.find('[data-testid="meeting-page"]').attributes('data-status')).toBe('closed');
    // On record now: no invitation to vote.
    expect(wrapper.find('[data-testid="quorum-state"]').text()).toBe('会议达到了法定人数');
  });

  it('changes the place of a planned meeting with the version shown, its day and time kept', async () => {
    const meeting = makeMeeting({ version: 5, startsAt: '2026-12-10T11:30:00.000Z' });
    const { wrapper, calls } = await openMeeting(meeting, {
      'PATCH /api/meetings/m1': (call) =>
        jsonResponse(200, { ...meeting, ...(call.body as object), version: 6 }),
    });
    await wrapper.find('[data-testid="meeting-edit"]').trigger('click');
    await flushPromises();
    const place = document.body.querySelector<HTMLInputElement>(
      '[data-testid="meeting-create-place"]',
    )!;
    expect(place.value).toBe('社区党群服务中心二楼会议室');
    place.value = '社区广场';
    place.dispatchEvent(new Event('input'));
    await flushPromises();
    document.body.querySelector<HTMLElement>('[data-testid="meeting-create-submit"]')!.click();
    await vi.waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({
      version: 5,
      title: '十二月议事会',
      startsAt: '2026-12-10T19:30:00+08:00',
      place: '社区广场',
    });
  });

  it('lists the newest listeners of a big meeting first, and all of them when asked', async () => {
    const listeners = Array.from({ length: 30 }, (_, i) => ({
      id: `a${i}`,
      kind: 'resident' as const,
      memberId: null,
      residentId: `r${i}`,
      role: null,
      name: `居民${i}`,
      recordedAt: new Date(Date.UTC(2026, 11, 10, 11, i)).toISOString(),
    }));
    const { wrapper } = await openMeeting(makeMeeting({ attendees: listeners }));
    const names = () =>
      wrapper.findAll('[data-testid="attendance-residents"] li').map((li) => li.text());
    expect(names()).toHaveLength(24);
    expect(names()[0]).toBe('居民29');
    expect(names()[23]).toBe('居民6');
    const toggle = wrapper.find('[data-testid="attendance-residents-toggle"]');
    expect(toggle.text()).toContain('30');
    await toggle.trigger('click');
    expect(names()).toHaveLength(30);
    expect(names()[0]).toBe('居民0');
  });

  it('is read only for the street', async () => {
    const { wrapper } = await openMeeting(makeMeeting(), {}, 'street_admin');
    expect(wrapper.find('[data-testid="meeting-read-only"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="attendance-member"]').attributes('disabled')).toBe('');
    expect(wrapper.find('[data-testid="vote-blocked"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="agenda-picker"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="meeting-close"]').exists()).toBe(false);
  });
});
