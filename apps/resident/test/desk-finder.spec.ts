import { afterEach, describe, expect, it, vi } from 'vitest';
import DeskFinderView from '@/views/desks/DeskFinderView.vue';
import { calls, json, makeDesk, mountWithApp, stubFetch } from './helpers';

type Outcome = { lat: number; lng: number } | 'denied';

function stubLocation(permission: PermissionState, outcome: Outcome) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (outcome === 'denied') {
      fail?.({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError);
    } else {
      ok({ coords: { latitude: outcome.lat, longitude: outcome.lng } } as GeolocationPosition);
    }
  });
  Object.defineProperty(navigator, 'permissions', {
    configurable: true,
    value: { query: () => Promise.resolve({ state: permission }) },
  });
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition },
  });
  return getCurrentPosition;
}

const twoDesks = [
  makeDesk({ id: 'd-1', openNow: true, closesAt: '2099-01-01T13:30:00Z', distanceMeters: 420 }),
  makeDesk({
    id: 'd-2',
    name: '尚格博园百通岗',
    openNow: false,
    nextOpensAt: '2099-01-02T00:30:00Z',
    distanceMeters: 1800,
  }),
];

describe('desk finder', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'permissions');
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('shows the empty state when there is no desk to list', async () => {
    stubLocation('prompt', 'denied');
    const fetchMock = stubFetch(() => json([]));
    const { wrapper } = await mountWithApp(DeskFinderView);

    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain(
      'No service desks to show yet',
    );
    expect(wrapper.find('[data-testid="desk-list"]').exists()).toBe(false);
    expect(calls(fetchMock)).toEqual(['GET /api/public/desks']);
  });

  it('lists desks at once and explains why it asks for the location', async () => {
    const getCurrentPosition = stubLocation('prompt', { lat: 29.6, lng: 106.5 });
    const fetchMock = stubFetch((url) =>
      json(url.includes('lat=') ? twoDesks : twoDesks.map((d) => ({ ...d, distanceMeters: null }))),
    );
    const { wrapper } = await mountWithApp(DeskFinderView);

    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(2));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="location-ask"]').text()).toContain(
      'Your location is only used on this phone',
    );
    expect(wrapper.find('[data-testid="desk-distance"]').exists()).toBe(false);

    await wrapper.get('[data-testid="location-ask"] button').trigger('click');

    await vi.waitFor(() =>
      expect(calls(fetchMock)).toEqual([
        'GET /api/public/desks',
        'GET /api/public/desks?lat=29.6&lng=106.5&limit=20',
      ]),
    );
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="desk-distance"]').map((d) => d.text())).toEqual([
        '420 m',
        '1.8 km',
      ]),
    );
    expect(wrapper.text()).toContain('Nearest first');
  });

  it('falls back to a list without distances when the location is refused', async () => {
    stubLocation('prompt', 'denied');
    const fetchMock = stubFetch(() => json(twoDesks.map((d) => ({ ...d, distanceMeters: null }))));
    const { wrapper } = await mountWithApp(DeskFinderView);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="desk-list"]').exists()).toBe(true));

    await wrapper.get('[data-testid="location-ask"] button').trigger('click');

    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="location-fallback"]').text()).toContain(
        'Location is off, so desks are not sorted by distance.',
      ),
    );
    expect(calls(fetchMock)).toEqual(['GET /api/public/desks']);
    expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(2);
  });

  it('sorts by distance straight away when the location is already allowed', async () => {
    stubLocation('granted', { lat: 29.61, lng: 106.52 });
    const fetchMock = stubFetch(() => json(twoDesks));
    const { wrapper } = await mountWithApp(DeskFinderView);

    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(2));
    expect(calls(fetchMock)).toEqual(['GET /api/public/desks?lat=29.61&lng=106.52&limit=20']);
    const cards = wrapper.findAll('[data-testid="desk-card"]');
    expect(cards.map((c) => c.attributes('data-open'))).toEqual(['true', 'false']);
    expect(cards.map((c) => c.attributes('data-desk-id'))).toEqual(['d-1', 'd-2']);
  });

  it('explains a failed load in the current language and tries again', async () => {
    stubLocation('denied', 'denied');
    let attempts = 0;
    stubFetch(() => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return json(twoDesks);
    });
    const { wrapper } = await mountWithApp(DeskFinderView);

    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="load-error"]').text()).toContain(
        "We can't reach the service right now.",
      ),
    );
    expect(wrapper.get('[data-testid="location-fallback"]').text()).toContain('Location is off');

    await wrapper.get('[data-testid="load-error"] button').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(2));
  });
});
