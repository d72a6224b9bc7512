import { type LatLng, fromWgs84 } from '@baitong/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import CompoundDialog from '@/components/org/CompoundDialog.vue';
import PositionText from '@/components/org/PositionText.vue';
import { amapLink, formPosition, switchDatum } from '@/components/org/position';
import { i18n } from '@/i18n';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

// A spot in Liangjiang as stored (WGS-84) and as AMap shows it (GCJ-02).
const SPOT: LatLng = { lat: 29.6612, lng: 106.5612 };
const GCJ = fromWgs84(SPOT, 'gcj02');
const near = (a: LatLng, b: LatLng) =>
  Math.abs(a.lat - b.lat) < 2e-6 && Math.abs(a.lng - b.lng) < 2e-6;

describe('positions typed from a Chinese map', () => {
  it('shows a stored position in GCJ-02, the datum the form starts with', () => {
    const shown = formPosition(SPOT);
    expect(near({ lat: shown.lat!, lng: shown.lng! }, GCJ)).toBe(true);
    expect(formPosition({ lat: null, lng: null })).toEqual({ lat: null, lng: null });
  });

  it('re-expresses the typed position when the datum changes, so it stays the same spot', () => {
    const form = { ...formPosition(SPOT), datum: 'gcj02' as const } as {
      lat: number | null;
      lng: number | null;
      datum: 'gcj02' | 'bd09' | 'wgs84';
    };
    switchDatum(form, 'wgs84');
    expect(near({ lat: form.lat!, lng: form.lng! }, SPOT)).toBe(true);
    switchDatum(form, 'bd09');
    expect(near({ lat: form.lat!, lng: form.lng! }, fromWgs84(SPOT, 'bd09'))).toBe(true);
    expect(form.datum).toBe('bd09');
  });

  it('opens a stored position on AMap in GCJ-02', () => {
    expect(amapLink(SPOT, '点位')).toContain(
      `position=${Math.round(GCJ.lng * 1e6) / 1e6},${Math.round(GCJ.lat * 1e6) / 1e6}`,
    );
    const wrapper = mount(PositionText, {
      props: { lat: SPOT.lat, lng: SPOT.lng, name: '点位' },
      global: { plugins: [i18n] },
    });
    expect(wrapper.get('[data-testid="amap-link"]').attributes('href')).toBe(
      amapLink(SPOT, '点位'),
    );
    expect(wrapper.text()).toContain('29.66120, 106.56120');
  });

  it('sends a new compound with the datum its position was typed in', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { calls } = stubFetch({
      'POST /api/compounds': (call) =>
        jsonResponse(201, { id: 'x1', households: 0, ...(call.body as object) }),
    });
    await mountInApp(CompoundDialog, {
      path: '/',
      stubViews: true,
      props: { modelValue: true, communityId: 'c1', compound: null },
    });
    await flushPromises();
    const inputs = [...document.body.querySelectorAll<HTMLInputElement>('.el-dialog input')];
    const type = (el: HTMLInputElement, value: string) => {
      el.value = value;
      el.dispatchEvent(new Event('input'));
      el.dispatchEvent(new Event('change'));
    };
    type(inputs[0]!, '金渝小区');
    type(inputs[2]!, '重庆市两江新区金渝大道1号');
    const [lat, lng] = inputs.slice(-2);
    type(lat!, '29.658434');
    type(lng!, '106.565017');
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]')?.click();
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      lat: 29.658434,
      lng: 106.565017,
      coordinateSystem: 'gcj02',
    });
  });
});
