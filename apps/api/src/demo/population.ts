import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { chineseName } from './names';
import { Rng } from './prng';
import { REGISTRATION_WINDOW_DAYS, type DemoOrg } from './demo-org';
import { dayNumber } from './dates';
import type { LoadedOrgIds } from './seed-cases';

// The rest of each community's people. The sample residents and the council history hold some
// 58,000 residents, but the participation rate divides by the community's registered population
// (744,912 in the district), so without them the district would show 4% where BRIEF reports 80%.
// These residents never use the app: they took part by coming to a council meeting to listen, as
// most residents who take part do. They are generated set-wise (a handful of array-parameter
// statements for half a million rows) and carry no stream events: nobody subscribes to them and
// replaying 600,000 "attended" events would only slow every client down.

const DAY = 86_400;
const SHANGHAI = 8 * 3600;
/** The period the targets hold for: the year before the reference date, as the overviews default. */
const WINDOW_DAYS = 365;

export interface PopulationCounts {
  offlineResidents: number;
  listeners: number;
}

interface Meeting {
  id: string;
  communityId: string;
  startsAt: number;
  recordedById: string;
}

/**
 * Adds residents who listened at a decided meeting of the year until each community's share of
 * participants (distinct residents with a participation act in the year ÷ registered residents)
 * reaches its council target, never more residents on record than registered.
 */
export async function loadOfflinePopulation(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  targets: ReadonlyMap<string, number>,
  referenceDate: string,
  seed = 20240213,
): Promise<PopulationCounts> {
  const refDay = dayNumber(referenceDate);
  const windowStart = new Date((refDay - WINDOW_DAYS) * DAY * 1000 - SHANGHAI * 1000);
  const onRecord = new Map<string, { residents: number; participants: number }>(
    (
      (await m.query(
        `SELECT c.id,
                (SELECT count(*) FROM resident r WHERE r.community_id = c.id)::int AS residents,
                (SELECT count(DISTINCT pa.resident_id) FROM participation pa
                  WHERE pa.community_id = c.id AND pa.at >= $1)::int AS participants
           FROM community c`,
        [windowStart],
      )) as { id: string; residents: number; participants: number }[]
    ).map((r) => [r.id, r]),
  );
  const meetings = new Map<string, Meeting[]>();
  for (const row of (await m.query(
    `SELECT mt.id, mt.community_id, extract(epoch FROM mt.starts_at)::float8 AS starts_at,
            mt.created_by_id
       FROM meeting mt
      WHERE mt.status = 'closed' AND mt.starts_at >= $1
        AND EXISTS (SELECT 1 FROM meeting_agenda_item ai
                     WHERE ai.meeting_id = mt.id AND ai.decision IS NOT NULL)
      ORDER BY mt.community_id, mt.starts_at, mt.id`,
    [windowStart],
  )) as { id: string; community_id: string; starts_at: number; created_by_id: string }[]) {
    const list = meetings.get(row.community_id) ?? [];
    list.push({
      id: row.id,
      communityId: row.community_id,
      startsAt: row.starts_at,
      recordedById: row.created_by_id,
    });
    meetings.set(row.community_id, list);
  }

  const residents: unknown[][] = [];
  const attendance: unknown[][] = [];
  const participation: unknown[][] = [];
  let phone = 0;
  for (const community of org.communities) {
    const communityId = ids.communities.get(community.key)!;
    const fit = meetings.get(communityId) ?? [];
    const target = targets.get(community.key);
    const have = onRecord.get(communityId);
    if (fit.length === 0 || target === undefined || !have) continue;
    const room = community.registeredResidents - have.residents;
    const count = Math.min(
      room,
      Math.round(target * community.registeredResidents) - have.participants,
    );
    if (count <= 0) continue;
    const rng = Rng.derive(seed, `population:${community.key}`);
    const compounds = org.compounds.filter((x) => x.communityKey === community.key);
    const weights = compounds.map((x) => x.households);
    for (let i = 0; i < count; i++) {
      const male = rng.chance(0.48);
      const birthYear = Math.floor(refDay / 365.2425) + 1970 - rng.int(18, 88);
      const meeting = rng.pick(fit);
      // Registered before every sample resident, so the newest-first lists start as they did.
      const registeredAt =
        (refDay - rng.int(REGISTRATION_WINDOW_DAYS + 30, 5000)) * DAY -
        SHANGHAI +
        rng.int(8 * 60, 21 * 60) * 60;
      // Listeners sign in as they arrive, before the meeting opens.
      const at = new Date((meeting.startsAt - rng.int(60, 1200)) * 1000).toISOString();
      const id = randomUUID();
      residents.push([
        id,
        chineseName(rng, male ? 'm' : 'f', birthYear),
        `170${String(phone++).padStart(8, '0')}`,
        communityId,
        ids.compounds.get(rng.weighted(compounds, weights).key)!,
        new Date(registeredAt * 1000).toISOString(),
      ]);
      attendance.push([meeting.id, communityId, 'resident', id, at, meeting.recordedById]);
      participation.push([id, communityId, 'attend', 'meeting', meeting.id, at, at]);
    }
  }
  await bulkInsert(
    m,
    'resident',
    [
      ['id', 'uuid'],
      ['name', 'varchar'],
      ['phone', 'varchar'],
      ['community_id', 'uuid'],
      ['compound_id', 'uuid'],
      ['registered_at', 'timestamptz'],
    ],
    residents,
    20_000,
  );
  await bulkInsert(
    m,
    'meeting_attendance',
    [
      ['meeting_id', 'uuid'],
      ['community_id', 'uuid'],
      ['kind', 'varchar'],
      ['resident_id', 'uuid'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by_id', 'uuid'],
    ],
    attendance,
    20_000,
  );
  await bulkInsert(
    m,
    'participation',
    [
      ['resident_id', 'uuid'],
      ['community_id', 'uuid'],
      ['act', 'varchar'],
      ['subject_type', 'varchar'],
      ['subject_id', 'uuid'],
      ['at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    participation,
    20_000,
  );
  return { offlineResidents: residents.length, listeners: attendance.length };
}
