import type { FactChange, RatingFactField } from '@baitong/contracts';
import type { FactChangeRow } from './org.repository';

export interface FactDiff {
  field: RatingFactField;
  from: string | null;
  to: string | null;
}

type FactValue = string | number | null | undefined;

const asText = (v: FactValue): string | null => (v === null || v === undefined ? null : String(v));

/** The rating facts among `fields` whose value `patch` really changes (sending the same value is no change). */
export function factDiffs<T extends Partial<Record<RatingFactField, FactValue>>>(
  current: T,
  patch: Partial<Record<RatingFactField, FactValue>>,
  fields: readonly RatingFactField[],
): FactDiff[] {
  const out: FactDiff[] = [];
  for (const field of fields) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const from = asText(current[field]);
    const to = asText(patch[field]);
    // numeric(8,2) comes back as 60 for 60.00: compare numbers as numbers.
    const same =
      typeof patch[field] === 'number' && from !== null ? Number(from) === Number(to) : from === to;
    if (!same) out.push({ field, from, to });
  }
  return out;
}

const DATE_FIELDS: readonly RatingFactField[] = ['firstElectedOn'];

const fromText = (field: RatingFactField, v: string | null): string | number | null =>
  v === null || DATE_FIELDS.includes(field) ? v : Number(v);

export const toFactChange = (f: FactChangeRow): FactChange => ({
  id: f.id,
  communityId: f.communityId,
  deskId: f.deskId,
  deskName: f.deskName,
  deskNameEn: f.deskNameEn,
  field: f.field,
  oldValue: fromText(f.field, f.oldValue),
  newValue: fromText(f.field, f.newValue),
  reason: f.reason,
  actorId: f.actorId,
  actorName: f.actorName,
  actorRole: f.actorRole,
  at: f.at.toISOString(),
});
