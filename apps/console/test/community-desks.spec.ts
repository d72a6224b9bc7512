import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CommunityDesks from '@/views/cases/CommunityDesks.vue';
import { makeCase, makeDesk, minutesFromNow, page } from './case-fixtures';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

describe('all desks of the community', () => {
  it('counts open, overdue, new and resolved cases per desk and opens a desk’s queue', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const yesterday = new Date(Date.now() - 36 * 3_600_000).toISOString();
    const { calls } = stubFetch({
      'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1'), makeDesk('d2')]),
      'GET /api/cases': (call) => {
        const q = new URLSearchParams(call.path.split('?')[1]);
        if (q.get('pageSize') === '1') {
          const open = q.get('status') !== null;
          const totals: Record<string, number> = open ? { d1: 7, d2: 2 } : { d1: 3, d2: 0 };
          return jsonResponse(200, page([], totals[q.get('deskId') ?? ''] ?? 0, 1));
        }
        if (q.get('status') === 'resolved,closed') {
          return jsonResponse(
            200,
            page([
              makeCase({
                id: 'r1',
                deskId: 'd1',
                status: 'resolved',
                updatedAt: minutesFromNow(-5),
              }),
              makeCase({ id: 'r2', deskId: 'd1', status: 'closed', updatedAt: yesterday }),
            ]),
          );
        }
        return jsonResponse(
          200,
          page([
            makeCase({ id: 'n1', deskId: 'd1', submittedAt: minutesFromNow(-1) }),
            makeCase({ id: 'n2', deskId: 'd2', submittedAt: minutesFromNow(-2) }),
            makeCase({ id: 'n3', deskId: 'd2', submittedAt: yesterday }),
          ]),
        );
      },
    });
    const { wrapper, router } = await mountInApp(CommunityDesks, {
      path: '/workbench/desks',
      stubViews: true,
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-stats"]')).toHaveLength(2));

    const figures = (id: string) => {
      const card = wrapper.find(`[data-testid="desk-stats"][data-desk-id="${id}"]`);
      return ['open', 'overdue', 'submitted-today', 'resolved-today'].map((k) =>
        card.find(`[data-testid="count-${k}"]`).text(),
      );
    };
    expect(figures('d1')).toEqual(['7', '3', '1', '1']);
    expect(figures('d2')).toEqual(['2', '0', '1', '0']);
    expect(wrapper.find('[data-testid="desk-totals"]').text()).toContain('9');

    // 2 one-row queries per desk, one walk for today's intake and one for resolutions.
    expect(calls.filter((c) => c.path.startsWith('/api/cases'))).toHaveLength(6);

    await wrapper.find('[data-desk-id="d1"] .all-desks__overdue').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('workbench'));
    expect(router.currentRoute.value.query).toEqual({ desk: 'd1', overdue: '1' });
  });
});
