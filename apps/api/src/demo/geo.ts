/** Small-distance geometry around Liangjiang (about 29.6° N, 106.5° E). */

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

/** The demo district's box: every generated point lies inside it. */
export const LIANGJIANG_BOUNDS = {
  minLat: 29.58,
  maxLat: 29.75,
  minLng: 106.45,
  maxLng: 106.65,
} as const;

/** Great-circle distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `meters` away from `from` towards `bearingDeg` (0 = north, 90 = east), rounded to 6 decimals. */
export function offset(from: LatLng, meters: number, bearingDeg: number): LatLng {
  const bearing = toRad(bearingDeg);
  const dLat = (meters * Math.cos(bearing)) / EARTH_RADIUS_M;
  const dLng = (meters * Math.sin(bearing)) / (EARTH_RADIUS_M * Math.cos(toRad(from.lat)));
  return roundPoint({
    lat: from.lat + (dLat * 180) / Math.PI,
    lng: from.lng + (dLng * 180) / Math.PI,
  });
}

export function roundPoint(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
}

export function insideLiangjiang(p: LatLng): boolean {
  const b = LIANGJIANG_BOUNDS;
  return p.lat >= b.minLat && p.lat <= b.maxLat && p.lng >= b.minLng && p.lng <= b.maxLng;
}
