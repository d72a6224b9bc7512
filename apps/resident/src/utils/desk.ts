import type { Desk } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { localName } from '@/utils/names';

/** The desk's English name for English readers when it has one. */
export function deskName(desk: Pick<Desk, 'name' | 'nameEn'>, locale: AppLocale): string {
  return localName(desk, locale);
}

/** AMap's web marker page: opens the AMap app on phones that have it, the web map otherwise. */
export function mapLink(desk: Pick<Desk, 'lat' | 'lng' | 'name'>): string {
  return `https://uri.amap.com/marker?position=${desk.lng},${desk.lat}&name=${encodeURIComponent(desk.name)}`;
}

export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
