import type {
  Community,
  CoordinateSystem,
  Compound,
  Desk,
  Grid,
  HoursException,
  OpenState,
  OpeningInterval,
  Street,
  WeeklyHours,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

// Request bodies are not in the contracts yet: they are the records' writable fields.
export type StreetInput = Pick<Street, 'code' | 'name' | 'nameEn'>;
export type CommunityInput = Pick<
  Community,
  | 'streetId'
  | 'code'
  | 'name'
  | 'nameEn'
  | 'firstElectedOn'
  | 'households'
  | 'registeredResidents'
  | 'address'
  | 'addressEn'
>;
/** The datum typed positions are in; the API stores WGS-84. */
interface PositionDatum {
  coordinateSystem?: CoordinateSystem;
}
export type CompoundInput = Pick<
  Compound,
  'communityId' | 'name' | 'nameEn' | 'address' | 'addressEn' | 'households' | 'lat' | 'lng'
> &
  PositionDatum;
export type GridInput = Pick<Grid, 'communityId' | 'compoundId' | 'name' | 'code'>;
export type DeskInput = Pick<
  Desk,
  | 'communityId'
  | 'compoundId'
  | 'name'
  | 'nameEn'
  | 'address'
  | 'addressEn'
  | 'lat'
  | 'lng'
  | 'areaSqm'
  | 'phone'
> &
  PositionDatum;
export interface HoursExceptionInput {
  date: string;
  intervals: OpeningInterval[];
  note: string;
}

export type DeskWithState = Desk & OpenState;
/** `GET /api/desks/:id` may or may not carry the open state; the UI shows it when present. */
export type DeskDetail = Desk & Partial<OpenState>;

export const listStreets = (options: CallOptions = {}) => request<Street[]>('/streets', options);

export const createStreet = (body: StreetInput) =>
  request<Street>('/streets', { method: 'POST', body });

export const updateStreet = (id: string, body: Partial<StreetInput>) =>
  request<Street>(`/streets/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listCommunities = (
  filter: { streetId?: string; q?: string } = {},
  options: CallOptions = {},
) => request<Community[]>('/communities', { ...options, query: filter });

export const getCommunity = (id: string, options: CallOptions = {}) =>
  request<Community>(`/communities/${encodeURIComponent(id)}`, options);

export const createCommunity = (body: CommunityInput) =>
  request<Community>('/communities', { method: 'POST', body });

/** `reason` is required by the API when a rating fact (election date, households, residents) changes. */
export const updateCommunity = (id: string, body: Partial<CommunityInput> & { reason?: string }) =>
  request<Community>(`/communities/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listCompounds = (communityId: string, options: CallOptions = {}) =>
  request<Compound[]>(`/communities/${encodeURIComponent(communityId)}/compounds`, options);

export const getCompound = (id: string, options: CallOptions = {}) =>
  request<Compound>(`/compounds/${encodeURIComponent(id)}`, options);

export const createCompound = (body: CompoundInput) =>
  request<Compound>('/compounds', { method: 'POST', body });

export const updateCompound = (id: string, body: Partial<Omit<CompoundInput, 'communityId'>>) =>
  request<Compound>(`/compounds/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listGrids = (communityId: string, options: CallOptions = {}) =>
  request<Grid[]>(`/communities/${encodeURIComponent(communityId)}/grids`, options);

export const createGrid = (body: GridInput) => request<Grid>('/grids', { method: 'POST', body });

export const updateGrid = (id: string, body: Partial<Omit<GridInput, 'communityId'>>) =>
  request<Grid>(`/grids/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listDesks = (communityId: string, options: CallOptions = {}) =>
  request<DeskWithState[]>(`/communities/${encodeURIComponent(communityId)}/desks`, options);

export const getDesk = (id: string, options: CallOptions = {}) =>
  request<DeskDetail>(`/desks/${encodeURIComponent(id)}`, options);

export const createDesk = (body: DeskInput) => request<Desk>('/desks', { method: 'POST', body });

/** `version` is the one the edit started from; a newer one on the server answers 409 STALE_VERSION. */
export const updateDesk = (
  id: string,
  body: Partial<Omit<DeskInput, 'communityId'>> & { version: number },
) => request<Desk>(`/desks/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const putDeskHours = (id: string, weeklyHours: WeeklyHours[], version: number) =>
  request<unknown>(`/desks/${encodeURIComponent(id)}/hours`, {
    method: 'PUT',
    body: { weeklyHours, version },
  });

export const addDeskException = (id: string, body: HoursExceptionInput) =>
  request<HoursException>(`/desks/${encodeURIComponent(id)}/exceptions`, { method: 'POST', body });

export const deleteDeskException = (id: string, exceptionId: string) =>
  request<void>(`/desks/${encodeURIComponent(id)}/exceptions/${encodeURIComponent(exceptionId)}`, {
    method: 'DELETE',
  });
