import gcoordImport from 'gcoord';
import type { CoordinateSystem } from './open311.js';

// One datum inside Baitong: WGS-84, as GPS, browsers and Open311 give it. Chinese maps show and
// take GCJ-02 (AMap, Tencent) or BD-09 (Baidu), several hundred metres off; positions are
// converted here, at the edges, and nowhere else.

export interface LatLng {
  lat: number;
  lng: number;
}

// gcoord is CommonJS with a default export in its types: Node's ESM loader hands over
// module.exports, bundlers the default; both have the same functions.
type Gcoord = typeof gcoordImport extends { default: infer D } ? D : typeof gcoordImport;
const gcoord = ((gcoordImport as { default?: Gcoord }).default ?? gcoordImport) as Gcoord;

const CRS: Record<CoordinateSystem, Parameters<typeof gcoord.transform>[1]> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/** A rough box around mainland China, Hong Kong, Macao and Taiwan: the shifted datums apply only in it. */
export const CHINA_BOUNDS = { minLat: 3.86, maxLat: 53.55, minLng: 73.66, maxLng: 135.05 };

export function inChina(p: LatLng): boolean {
  return (
    p.lat >= CHINA_BOUNDS.minLat &&
    p.lat <= CHINA_BOUNDS.maxLat &&
    p.lng >= CHINA_BOUNDS.minLng &&
    p.lng <= CHINA_BOUNDS.maxLng
  );
}

/** Converts a position between datums; a position outside China comes back unchanged. */
export function convertDatum(p: LatLng, from: CoordinateSystem, to: CoordinateSystem): LatLng {
  // gcoord leaves points outside China alone for GCJ-02 but still applies Baidu's offset on top:
  // outside China every datum is WGS-84.
  if (from === to || !inChina(p)) return { lat: p.lat, lng: p.lng };
  const [lng, lat] = gcoord.transform([p.lng, p.lat], CRS[from], CRS[to]);
  return { lat, lng };
}

/** A position from a client or a Chinese map, as Baitong stores it. */
export const toWgs84 = (p: LatLng, from: CoordinateSystem): LatLng =>
  convertDatum(p, from, 'wgs84');

/** A stored position, as a client or a Chinese map expects it. */
export const fromWgs84 = (p: LatLng, to: CoordinateSystem): LatLng => convertDatum(p, 'wgs84', to);
