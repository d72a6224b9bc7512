import type { Phrase } from '@/utils/opening';
import { intlLocale } from '@/utils/time';
import type { AppLocale } from '@/i18n';

/** "850 m", "1.2 km", "15 km" — metres below one kilometre, one decimal below ten. */
export function distancePhrase(meters: number, locale: AppLocale): Phrase {
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n);
  if (meters < 1000) {
    // Rounded to 10 m: GPS is not more precise than that.
    return {
      key: 'desks.distanceM',
      params: { n: format(Math.max(10, Math.round(meters / 10) * 10), 0) },
    };
  }
  const km = meters / 1000;
  return { key: 'desks.distanceKm', params: { n: format(km, km < 10 ? 1 : 0) } };
}
