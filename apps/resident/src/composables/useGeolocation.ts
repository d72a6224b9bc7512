import { ref } from 'vue';

export interface Coordinates {
  lat: number;
  lng: number;
}

export type LocationStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable';
export type LocationPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

// The browser's own timeout does not run while its permission prompt is open; this bounds the
// whole wait so the page never says "finding your location" forever.
const OVERALL_TIMEOUT_MS = 20_000;

export function useGeolocation() {
  const status = ref<LocationStatus>('idle');
  const coords = ref<Coordinates | null>(null);

  async function permission(): Promise<LocationPermission> {
    try {
      const result = await navigator.permissions.query({ name: 'geolocation' });
      return result.state;
    } catch {
      return 'unknown';
    }
  }

  function locate(): Promise<Coordinates | null> {
    const geolocation = typeof navigator === 'undefined' ? null : navigator.geolocation;
    if (!geolocation) {
      status.value = 'unavailable';
      return Promise.resolve(null);
    }
    status.value = 'locating';
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Coordinates | null, next: LocationStatus) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        coords.value = result;
        status.value = next;
        resolve(result);
      };
      const timer = setTimeout(() => finish(null, 'unavailable'), OVERALL_TIMEOUT_MS);
      try {
        geolocation.getCurrentPosition(
          (position) =>
            finish({ lat: position.coords.latitude, lng: position.coords.longitude }, 'located'),
          (error) =>
            finish(null, error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
          { enableHighAccuracy: false, timeout: 10_000, maximumAge: 5 * 60_000 },
        );
      } catch {
        finish(null, 'unavailable');
      }
    });
  }

  return { status, coords, permission, locate };
}
