import type { PublicDesk } from '@baitong/contracts';
import { computed, ref, shallowRef } from 'vue';
import { listPublicDesks } from '@/api/desks';
import { useGeolocation, type LocationStatus } from '@/composables/useGeolocation';

/** Where the search stands: the location's states, then the desk lookup's. */
export type NearestDeskStatus = LocationStatus | 'searching' | 'found' | 'none' | 'failed';

/**
 * The service desk nearest to the phone, as the desk finder sorts them: the registration form
 * takes its community as a suggestion. Refused or missing location is a state, not an error.
 */
export function useNearestDesk() {
  const geo = useGeolocation();
  const desk = shallowRef<PublicDesk | null>(null);
  const lookup = ref<'idle' | 'searching' | 'found' | 'none' | 'failed'>('idle');

  const status = computed<NearestDeskStatus>(() =>
    geo.status.value === 'located' && lookup.value !== 'idle' ? lookup.value : geo.status.value,
  );

  async function find(): Promise<PublicDesk | null> {
    desk.value = null;
    lookup.value = 'idle';
    const coords = await geo.locate();
    if (!coords) return null;
    lookup.value = 'searching';
    try {
      const [nearest] = await listPublicDesks(
        { lat: coords.lat, lng: coords.lng, limit: 1 },
        { silent: true },
      );
      desk.value = nearest ?? null;
      lookup.value = nearest ? 'found' : 'none';
    } catch {
      lookup.value = 'failed';
    }
    return desk.value;
  }

  return { status, desk, find };
}
