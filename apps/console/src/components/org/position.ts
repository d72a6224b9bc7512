import { type CoordinateSystem, type LatLng, convertDatum, fromWgs84 } from '@baitong/contracts';

/** The datums staff type or paste positions in, the usual first: AMap and Tencent show GCJ-02. */
export const DATUM_CHOICES: readonly CoordinateSystem[] = ['gcj02', 'bd09', 'wgs84'];
export const DEFAULT_DATUM: CoordinateSystem = 'gcj02';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A position in the given datum, to 6 decimals (10 cm), as the form's inputs show it. */
export function inDatum(p: LatLng, from: CoordinateSystem, to: CoordinateSystem): LatLng {
  const q = convertDatum(p, from, to);
  return { lat: round6(q.lat), lng: round6(q.lng) };
}

/** A form's lat/lng: a stored (WGS-84) position shown in the datum the form starts with. */
export function formPosition(p: { lat: number | null; lng: number | null } | null | undefined): {
  lat: number | null;
  lng: number | null;
} {
  if (!p || p.lat === null || p.lng === null) return { lat: null, lng: null };
  return inDatum({ lat: p.lat, lng: p.lng }, 'wgs84', DEFAULT_DATUM);
}

/**
 * A position form with a datum choice: switching the datum re-expresses the typed position in it
 * (the same spot), so staff choose the map first and then paste its numbers.
 */
export function switchDatum(
  form: { lat: number | null; lng: number | null; datum: CoordinateSystem },
  to: CoordinateSystem,
): void {
  if (form.lat !== null && form.lng !== null) {
    const p = inDatum({ lat: form.lat, lng: form.lng }, form.datum, to);
    form.lat = p.lat;
    form.lng = p.lng;
  }
  form.datum = to;
}

/** AMap's web marker page for a stored position: AMap takes GCJ-02. */
export function amapLink(p: LatLng, name: string): string {
  const g = fromWgs84(p, 'gcj02');
  return `https://uri.amap.com/marker?position=${round6(g.lng)},${round6(g.lat)}&name=${encodeURIComponent(name)}&coordinate=gaode`;
}
