import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import DeskCard from '@/components/DeskCard.vue';
import CaseTimeline from '@/components/requests/CaseTimeline.vue';
import { setLocale } from '@/i18n';
import { systemNote } from '@/utils/cases';
import { localAddress, localName, localText } from '@/utils/names';
import { formatLocalDateTime } from '@/utils/time';
import DeskDetailView from '@/views/desks/DeskDetailView.vue';
import {
  apiError,
  json,
  makeCase,
  makeDesk,
  makeEvent,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
} from './helpers';

const NOW = new Date('2026-11-27T06:00:00Z');

const shangge = makeDesk({
  id: 'd-9',
  name: '尚格博园百通岗',
  nameEn: 'Shangge Boyuan Baitong Desk',
  communityName: '翠渝路社区',
  communityNameEn: 'Cuiyu Road Community',
  compoundName: '尚格博园',
  compoundNameEn: 'Shangge Boyuan',
  address: '重庆市两江新区翠渝路30号 尚格博园3栋架空层',
  addressEn:
    'Open ground floor, Building 3, Shangge Boyuan, No. 30 Cuiyu Road, Liangjiang New Area, Chongqing',
});

describe('names in the reader’s language', () => {
  it('shows the English name in English and the Chinese one otherwise or when none is known', () => {
    expect(localName({ name: '和睦路社区', nameEn: 'Hemu Road Community' }, 'en')).toBe(
      'Hemu Road Community',
    );
    expect(localName({ name: '和睦路社区', nameEn: 'Hemu Road Community' }, 'zh-CN')).toBe(
      '和睦路社区',
    );
    expect(localName({ name: '尚格博园', nameEn: '' }, 'en')).toBe('尚格博园');
    expect(localName({ name: '尚格博园' }, 'en')).toBe('尚格博园');
    expect(localName(null, 'en')).toBe('');
    expect(localText('和睦路百通岗', null, 'en')).toBe('和睦路百通岗');
    expect(localAddress({ address: '和睦路1号', addressEn: 'No. 1 Hemu Road' }, 'en')).toBe(
      'No. 1 Hemu Road',
    );
  });

  it('names the desk’s community and compound in English on the finder’s card', async () => {
    const { wrapper } = await mountWithApp(DeskCard, { props: { desk: shangge, now: NOW } });
    expect(wrapper.text()).toContain('Shangge Boyuan Baitong Desk');
    expect(wrapper.get('[data-testid="desk-place"]').text()).toBe(
      'Cuiyu Road Community · Shangge Boyuan',
    );
    setLocale('zh-CN');
    const zh = await mountWithApp(DeskCard, { props: { desk: shangge, now: NOW } });
    expect(zh.wrapper.get('[data-testid="desk-place"]').text()).toBe('翠渝路社区 · 尚格博园');
  });

  it('gives the desk’s address in English, with the Chinese one beneath for a taxi or a map', async () => {
    stubFetch(() => json(shangge));
    const { wrapper } = await mountWithApp(DeskDetailView, {
      path: '/desks/d-9',
      props: { id: 'd-9' },
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="desk-detail"]').exists()).toBe(true));
    const address = wrapper.get('[data-testid="desk-address"]').text();
    expect(address).toContain('Open ground floor, Building 3, Shangge Boyuan, No. 30 Cuiyu Road');
    expect(address).toContain('重庆市两江新区翠渝路30号');
    expect(wrapper.get('[data-testid="desk-place"]').text()).toBe(
      'Cuiyu Road Community · Shangge Boyuan',
    );
  });

  it('names the desk and compound of a request in English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    signIn();
    stubFetch((url) => {
      const { pathname } = new URL(url, 'http://app.test');
      if (pathname === '/api/auth/me') return json(resident);
      if (pathname === '/api/cases/case-1') return json(makeCase({ id: 'case-1' }));
      if (pathname === '/api/cases/case-1/events') return json([]);
      if (pathname === '/api/cases') return json({ items: [], total: 0, page: 1, pageSize: 20 });
      return apiError(404, 'NOT_FOUND');
    });
    const { wrapper } = await mountWithApp(App, { path: '/requests/case-1' });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="request-detail"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="request-desk"]').text()).toContain('Hemu Road Service Desk');
    expect(wrapper.get('[data-testid="request-compound"]').text()).toContain('Hemu Garden');
    expect(wrapper.text()).not.toContain('和睦路百通岗');
  });
});

describe('system notes in the timeline', () => {
  const events = [
    makeEvent({
      id: '201',
      type: 'transition',
      at: '2026-11-30T02:00:00Z',
      actorKind: 'system',
      actorName: null,
      fromStatus: 'resolved',
      toStatus: 'closed',
      data: { action: 'close', noteCode: 'auto_closed', noteParams: { days: 3 } },
    }),
    makeEvent({
      id: '202',
      type: 'due_recomputed',
      at: '2026-11-27T03:00:00Z',
      actorKind: 'system',
      actorName: null,
      toStatus: null,
      data: {
        resolveDueAt: '2026-12-03T06:05:00Z',
        noteCode: 'due_recomputed',
        noteParams: { resolveDueAt: '2026-12-03T06:05:00Z' },
      },
    }),
    // Written before the codes: the stored sentence is shown as it is.
    makeEvent({
      id: '200',
      type: 'transition',
      at: '2026-11-26T02:00:00Z',
      actorKind: 'system',
      actorName: null,
      fromStatus: 'resolved',
      toStatus: 'closed',
      note: '办结后3日内无异议，自动关闭。',
      data: { action: 'close' },
    }),
  ];
  const notes = async () => {
    const { wrapper } = await mountWithApp(CaseTimeline, { props: { events, now: NOW } });
    return wrapper.findAll('.timeline__note').map((n) => n.text());
  };

  it('reads the codes in English, keeping an old note as written', async () => {
    expect(await notes()).toEqual([
      'Closed automatically: no objection within 3 days of the resolution.',
      'Now expected to be resolved by 3 Dec 14:05.',
      '办结后3日内无异议，自动关闭。',
    ]);
  });

  it('reads the codes in Chinese', async () => {
    setLocale('zh-CN');
    expect(await notes()).toEqual([
      '办结后 3 日内无异议，系统已自动完结。',
      '预计办结时间更新为 12月3日 14:05。',
      '办结后3日内无异议，自动关闭。',
    ]);
  });

  it('knows only the codes a resident is shown, and leaves other events to their note', () => {
    expect(systemNote({ noteCode: 'accept_overdue', noteParams: {} })).toBeNull();
    expect(systemNote({})).toBeNull();
    expect(systemNote({ noteCode: 'due_recomputed', noteParams: { resolveDueAt: null } })).toBe(
      null,
    );
    expect(systemNote({ noteCode: 'auto_closed' })).toEqual({
      key: 'requests.notes.auto_closed',
      params: { days: 3 },
      instants: [],
    });
    // What the follow-up did to the request is told to the resident, with the rework deadline.
    expect(systemNote({ noteCode: 'followup_satisfied' })?.key).toBe(
      'requests.notes.followup_satisfied',
    );
    expect(
      systemNote({
        noteCode: 'followup_dissatisfied',
        noteParams: { reworkDueAt: '2026-12-04T13:30:00.000Z' },
      }),
    ).toEqual({
      key: 'requests.notes.followup_dissatisfied',
      params: { due: '2026-12-04T13:30:00.000Z' },
      instants: ['due'],
    });
    expect(systemNote({ noteCode: 'reopened_escalated' })).toBeNull();
  });
});

describe('dates in English', () => {
  it('put the day before the month, in Shanghai time, with the year when it is not this one', () => {
    expect(formatLocalDateTime('2025-12-03T06:05:00Z', 'en', NOW)).toBe('3 Dec 2025 14:05');
    expect(formatLocalDateTime('2026-12-02T16:30:00Z', 'en', NOW)).toBe('3 Dec 00:30');
    expect(formatLocalDateTime('2026-12-03T06:05:00Z', 'zh-CN', NOW)).toBe('12月3日 14:05');
  });
});
