import {
  COORDINATE_SYSTEMS,
  type CoordinateSystem,
  type LatLng,
  CHINA_BOUNDS,
  fromWgs84,
  inChina,
  toWgs84,
} from '@baitong/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AppException } from '../common/app-exception';

/** Great-circle distance in metres (haversine); good to a few metres at city scale. */
export function distanceMeters(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * R * Math.asin(Math.sqrt(h)));
}

/**
 * The datum of the positions a request gives (and, on the desk finder, gets back): WGS-84 unless
 * it says otherwise. Staff typing from AMap or Tencent send `gcj02`, from Baidu `bd09`.
 */
export function CoordinateSystemField(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      enum: COORDINATE_SYSTEMS,
      default: 'wgs84',
      description:
        'Datum of lat/lng: wgs84 (GPS, browsers), gcj02 (AMap, Tencent), bd09 (Baidu); stored as WGS-84',
    })(target, key);
    IsOptional()(target, key);
    IsIn(COORDINATE_SYSTEMS)(target, key);
  };
}

/**
 * A position as Baitong stores it: converted to WGS-84, and in China, or a 400 naming the field
 * that is out (latitude first).
 */
export function storedPosition(p: LatLng, datum: CoordinateSystem = 'wgs84'): LatLng {
  const b = CHINA_BOUNDS;
  if (!inChina(p)) {
    const field = p.lat < b.minLat || p.lat > b.maxLat ? 'lat' : 'lng';
    throw AppException.invalid(field, 'must be a position in China', 'outside_china');
  }
  return toWgs84(p, datum);
}

/** A stored position, in the datum the reader asked for. */
export const shownPosition = <T extends LatLng>(p: T, datum: CoordinateSystem = 'wgs84'): T =>
  datum === 'wgs84' ? p : { ...p, ...fromWgs84({ lat: p.lat, lng: p.lng }, datum) };

/**
 * The lat/lng a create or update gives, with the datum they are in: both or neither (a half
 * position cannot be converted, nor checked against China); null clears where the column allows.
 */
export function positionPatch(
  dto: { lat?: number | null; lng?: number | null; coordinateSystem?: CoordinateSystem },
  current: { lat: number | null; lng: number | null } | null,
): { lat: number | null; lng: number | null } | null {
  const { lat, lng, coordinateSystem } = dto;
  if (lat === undefined && lng === undefined) return null;
  if (lat === null && lng === null) return { lat: null, lng: null };
  const full = {
    lat: lat === undefined && (coordinateSystem ?? 'wgs84') === 'wgs84' ? current?.lat : lat,
    lng: lng === undefined && (coordinateSystem ?? 'wgs84') === 'wgs84' ? current?.lng : lng,
  };
  if (typeof full.lat !== 'number' || typeof full.lng !== 'number') {
    const [missing, given] = typeof full.lat !== 'number' ? ['lat', 'lng'] : ['lng', 'lat'];
    throw AppException.invalid(missing, 'lat and lng go together', 'paired', { with: given });
  }
  return storedPosition({ lat: full.lat, lng: full.lng }, coordinateSystem);
}
