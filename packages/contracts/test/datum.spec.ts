import { describe, expect, it } from 'vitest';
import { CHINA_BOUNDS, convertDatum, fromWgs84, inChina, toWgs84, type LatLng } from '../src/index';

/** Great-circle distance in metres. */
function metres(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

// Published reference points.
// AMap's coordinate-convert API documentation (restapi.amap.com/v3/assistant/coordinate/convert,
// coordsys=gps): 116.481499,39.990475 → 116.487585177952,39.991754014757.
const AMAP_GPS = { lng: 116.481499, lat: 39.990475 };
const AMAP_GCJ = { lng: 116.487585177952, lat: 39.991754014757 };
// Alibaba Cloud address-purification TransferCoord documentation (SrcCoord=gcj02):
// GCJ02 120.026268,30.279164 → BD09 120.032768,30.285238.
const ALIYUN_GCJ = { lng: 120.026268, lat: 30.279164 };
const ALIYUN_BD = { lng: 120.032768, lat: 30.285238 };

// Liangjiang, Chongqing: where the demo district lies.
const LIANGJIANG = { lat: 29.668, lng: 106.566 };

describe('datum conversion', () => {
  it('turns a GPS point into the GCJ-02 point AMap documents, within a metre', () => {
    expect(metres(fromWgs84(AMAP_GPS, 'gcj02'), AMAP_GCJ)).toBeLessThan(1);
  });

  it('turns the AMap GCJ-02 point back into the GPS point, within a metre', () => {
    expect(metres(toWgs84(AMAP_GCJ, 'gcj02'), AMAP_GPS)).toBeLessThan(1);
  });

  it('turns a GCJ-02 point into the BD-09 point Alibaba Cloud documents, within a metre', () => {
    expect(metres(convertDatum(ALIYUN_GCJ, 'gcj02', 'bd09'), ALIYUN_BD)).toBeLessThan(1);
    expect(metres(convertDatum(ALIYUN_BD, 'bd09', 'gcj02'), ALIYUN_GCJ)).toBeLessThan(1);
  });

  it('goes from BD-09 to WGS-84 through GCJ-02, the same point either way', () => {
    const direct = toWgs84(ALIYUN_BD, 'bd09');
    const viaGcj = toWgs84(convertDatum(ALIYUN_BD, 'bd09', 'gcj02'), 'gcj02');
    expect(metres(direct, viaGcj)).toBeLessThan(0.1);
  });

  it('shows why conversion matters: the datums are hundreds of metres apart in Chongqing', () => {
    const gcj = fromWgs84(LIANGJIANG, 'gcj02');
    const bd = fromWgs84(LIANGJIANG, 'bd09');
    expect(metres(LIANGJIANG, gcj)).toBeGreaterThan(300);
    expect(metres(LIANGJIANG, gcj)).toBeLessThan(800);
    expect(metres(LIANGJIANG, bd)).toBeGreaterThan(metres(LIANGJIANG, gcj));
  });

  it('round-trips every datum to within half a metre across China', () => {
    const points: LatLng[] = [
      LIANGJIANG,
      AMAP_GPS,
      { lat: 22.543, lng: 114.057 }, // Shenzhen
      { lat: 45.803, lng: 126.534 }, // Harbin
      { lat: 43.825, lng: 87.617 }, // Urumqi
      { lat: 29.65, lng: 91.117 }, // Lhasa
    ];
    for (const p of points)
      for (const datum of ['wgs84', 'gcj02', 'bd09'] as const) {
        expect(metres(toWgs84(fromWgs84(p, datum), datum), p)).toBeLessThan(0.5);
        expect(metres(fromWgs84(toWgs84(p, datum), datum), p)).toBeLessThan(0.5);
      }
  });

  it('leaves WGS-84 to WGS-84 exactly as given', () => {
    expect(toWgs84(LIANGJIANG, 'wgs84')).toEqual(LIANGJIANG);
    expect(fromWgs84(LIANGJIANG, 'wgs84')).toEqual(LIANGJIANG);
  });

  it('leaves points outside China unchanged in every datum', () => {
    const outside: LatLng[] = [
      { lat: 51.5007, lng: -0.1246 }, // London
      { lat: 35.6586, lng: 139.7454 }, // Tokyo
      { lat: -33.8568, lng: 151.2153 }, // Sydney
      { lat: 0, lng: 0 },
    ];
    for (const p of outside) {
      expect(inChina(p)).toBe(false);
      for (const from of ['wgs84', 'gcj02', 'bd09'] as const)
        for (const to of ['wgs84', 'gcj02', 'bd09'] as const)
          expect(convertDatum(p, from, to)).toEqual(p);
    }
  });

  it('knows China by its box', () => {
    expect(inChina(LIANGJIANG)).toBe(true);
    expect(inChina({ lat: CHINA_BOUNDS.maxLat + 0.01, lng: 110 })).toBe(false);
    expect(inChina({ lat: 30, lng: CHINA_BOUNDS.minLng - 0.01 })).toBe(false);
  });
});
