import { describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/i18n';
import DeskDetailView from '@/views/desks/DeskDetailView.vue';
import { apiError, calls, json, makeDesk, mountWithApp, stubFetch } from './helpers';

// Wednesday 12 March 2025, 10:00 in Shanghai.
const NOW = new Date('2025-03-12T02:00:00Z');

const desk = makeDesk({
  id: 'd-7',
  openNow: true,
  closesAt: '2025-03-12T13:30:00Z',
  weeklyHours: [
    { weekday: 1, intervals: [{ opens: '08:30', closes: '21:30' }] },
    {
      weekday: 3,
      intervals: [
        { opens: '08:30', closes: '12:00' },
        { opens: '14:00', closes: '21:30' },
      ],
    },
  ],
  exceptions: [
    { id: 'x-old', date: '2025-03-01', intervals: [], note: '已过去' },
    { id: 'x-2', date: '2025-04-04', intervals: [], note: '清明节' },
    { id: 'x-1', date: '2025-03-15', intervals: [{ opens: '09:00', closes: '12:00' }], note: '' },
  ],
});

async function renderDetail(id = 'd-7') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  return mountWithApp(DeskDetailView, { path: `/desks/${id}`, props: { id } });
}

describe('desk detail', () => {
  it("shows the week's hours with today highlighted", async () => {
    const fetchMock = stubFetch(() => json(desk));
    const { wrapper } = await renderDetail();

    await vi.waitFor(() => expect(wrapper.find('[data-testid="desk-detail"]').exists()).toBe(true));
    expect(calls(fetchMock)).toEqual(['GET /api/public/desks/d-7']);
    const today = wrapper.get('[data-today="true"]');
    expect(today.text()).toContain('Wednesday');
    expect(today.text()).toContain('Today');
    expect(today.text()).toContain('08:30–12:00, 14:00–21:30');
    expect(wrapper.text()).toContain('Tuesday');
    expect(wrapper.get('[data-testid="desk-status"]').text()).toBe('Open now');
  });

  it("shows today's special hours in today's row", async () => {
    stubFetch(() =>
      json({
        ...desk,
        exceptionToday: true,
        today: [{ opens: '08:30', closes: '17:00' }],
        exceptions: [{ id: 'x-t', date: '2025-03-12', intervals: [], note: '社区活动' }],
      }),
    );
    const { wrapper } = await renderDetail();

    await vi.waitFor(() => expect(wrapper.find('[data-today="true"]').exists()).toBe(true));
    const today = wrapper.get('[data-today="true"]');
    expect(today.text()).toContain('Today · special hours');
    expect(today.text()).toContain('08:30–17:00');
    expect(wrapper.text()).toContain('Special hours today: 社区活动');
  });

  it('lists upcoming exceptions only, soonest first', async () => {
    stubFetch(() => json(desk));
    const { wrapper } = await renderDetail();

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="desk-exceptions"]').exists()).toBe(true),
    );
    const text = wrapper.get('[data-testid="desk-exceptions"]').text();
    expect(text).not.toContain('已过去');
    expect(text.indexOf('Sat 15 Mar')).toBeGreaterThan(-1);
    expect(text.indexOf('Sat 15 Mar')).toBeLessThan(text.indexOf('Fri 4 Apr'));
    expect(text).toContain('Closed all day');
    expect(text).toContain('清明节');
  });

  it('links the phone for calling and the location to AMap, converted to GCJ-02', async () => {
    stubFetch(() => json(desk));
    const { wrapper } = await renderDetail();

    await vi.waitFor(() => expect(wrapper.find('[data-testid="desk-call"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="desk-call"]').attributes('href')).toBe('tel:02312345678');
    expect(wrapper.get('[data-testid="desk-map"]').attributes('href')).toBe(
      // The desk is stored at 29.6, 106.5 (WGS-84); AMap shows that spot at these GCJ-02 numbers.
      `https://uri.amap.com/marker?position=106.503852,29.5973&name=${encodeURIComponent('和睦路百通岗')}&coordinate=gaode`,
    );
    expect(wrapper.text()).toContain('80 m²');
  });

  it('shows the hours in Chinese', async () => {
    setLocale('zh-CN');
    stubFetch(() => json(desk));
    const { wrapper } = await renderDetail();

    await vi.waitFor(() => expect(wrapper.find('[data-today="true"]').exists()).toBe(true));
    expect(wrapper.get('[data-today="true"]').text()).toContain('星期三');
    expect(wrapper.get('.desk-status').text()).toBe('营业中 · 21:30 关门');
    expect(wrapper.text()).toContain('80 平方米');
  });

  it('says so when the desk does not exist', async () => {
    stubFetch(() => apiError(404, 'NOT_FOUND'));
    const { wrapper } = await renderDetail('missing');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain(
      "We couldn't find this desk.",
    );
    expect(wrapper.find('[data-testid="desk-detail"]').exists()).toBe(false);
  });
});
