import { type Desk, fromWgs84 } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { localName } from '@/utils/names';

/** The desk's English name for English readers when it has one. */
export function deskName(desk: Pick<Desk, 'name' | 'nameEn'>, locale: AppLocale): string {
  return localName(desk, locale);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * AMap's web marker page: opens the AMap app on phones that have it, the web map otherwise.
 * Baitong keeps WGS-84; AMap shows GCJ-02, several hundred metres off, so the link converts.
 */
export function mapLink(desk: Pick<Desk, 'lat' | 'lng' | 'name'>): string {
  const g = fromWgs84(desk, 'gcj02');
  return `https://uri.amap.com/marker?position=${round6(g.lng)},${round6(g.lat)}&name=${encodeURIComponent(desk.name)}&coordinate=gaode`;
}

export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
