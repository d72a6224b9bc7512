import type {
  Community,
  Compound,
  Desk,
  Grid,
  OpenState,
  PublicDesk,
  Street,
} from '@baitong/contracts';
import type { CompoundEntity, GridEntity } from './org.entities';
import type { CommunityRow, DeskRow, StreetRow } from './org.repository';

export const toStreet = (s: StreetRow): Street => ({
  id: s.id,
  code: s.code,
  name: s.name,
  nameEn: s.nameEn,
  communityCount: s.communityCount,
});

export const toCommunity = (c: CommunityRow): Community => ({
  id: c.id,
  streetId: c.streetId,
  streetName: c.streetName,
  streetNameEn: c.streetNameEn,
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  firstElectedOn: c.firstElectedOn,
  households: c.households,
  registeredResidents: c.registeredResidents,
  address: c.address,
  addressEn: c.addressEn,
  compoundCount: c.compoundCount,
  deskCount: c.deskCount,
});

export const toCompound = (x: CompoundEntity): Compound => ({
  id: x.id,
  communityId: x.communityId,
  name: x.name,
  nameEn: x.nameEn,
  address: x.address,
  addressEn: x.addressEn,
  households: x.households,
  lat: x.lat,
  lng: x.lng,
});

export const toGrid = (g: GridEntity): Grid => ({
  id: g.id,
  communityId: g.communityId,
  compoundId: g.compoundId,
  name: g.name,
  code: g.code,
});

export const toDesk = (d: DeskRow): Desk => ({
  id: d.id,
  communityId: d.communityId,
  communityName: d.communityName,
  communityNameEn: d.communityNameEn,
  compoundId: d.compoundId,
  compoundName: d.compoundName,
  compoundNameEn: d.compoundNameEn,
  name: d.name,
  nameEn: d.nameEn,
  address: d.address,
  addressEn: d.addressEn,
  lat: d.lat,
  lng: d.lng,
  areaSqm: d.areaSqm,
  phone: d.phone,
  weeklyHours: d.weeklyHours,
  exceptions: d.exceptions.map((e) => ({
    id: e.id,
    date: e.date,
    intervals: e.intervals,
    note: e.note,
  })),
  version: d.version,
});

export const toPublicDesk = (
  d: DeskRow,
  state: OpenState,
  distanceMeters: number | null,
): PublicDesk => ({
  ...toDesk(d),
  ...state,
  distanceMeters,
});
