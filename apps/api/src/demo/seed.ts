import { hash } from '@node-rs/argon2';
import type { Logger } from 'pino';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { AppConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StreetEntity,
} from '../org/org.entities';
import { localDate } from '../org/opening-hours';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { generateCaseHistory } from './case-history';
import { generateCouncilHistory } from './council-history';
import { loadDemoCouncils } from './council-load';
import { DEFAULT_SEED, type DemoOrg, generateDemoOrg } from './demo-org';
import { generateFollowUpHistory } from './follow-up-history';
import { loadDemoCategoryOpen311, loadDemoOpen311 } from './open311';
import { loadOfflinePopulation } from './population';
import { loadDemoRatings } from './rating-history';
import { loadDemoRoster } from './roster';
import { type LoadedOrgIds, loadDemoCases } from './seed-cases';

type Target = new () => ObjectLiteral;

/** Inserts rows in chunks and returns the new ids in input order. */
async function insertAll<T extends ObjectLiteral>(
  m: EntityManager,
  entity: Target,
  rows: T[],
  chunk = 500,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + chunk))
      .returning('id')
      .execute();
    ids.push(...(res.identifiers as { id: string }[]).map((r) => r.id));
  }
  return ids;
}

function keyed(keys: string[], ids: string[]): Map<string, string> {
  return new Map(keys.map((k, i) => [k, ids[i]!]));
}

function need(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo data: unknown ${what} ${key}`);
  return id;
}

/** Writes the generated organisation and people; all or nothing. */
export async function loadDemoOrg(
  m: EntityManager,
  org: DemoOrg,
  demoPassword: string,
): Promise<{ counts: Record<string, number>; ids: LoadedOrgIds }> {
  const streets = keyed(
    org.streets.map((s) => s.key),
    await insertAll(
      m,
      StreetEntity,
      org.streets.map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn })),
    ),
  );
  const communities = keyed(
    org.communities.map((c) => c.key),
    await insertAll(
      m,
      CommunityEntity,
      org.communities.map((c) => ({
        streetId: need(streets, c.streetKey, 'street'),
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        firstElectedOn: c.firstElectedOn,
        households: c.households,
        registeredResidents: c.registeredResidents,
        address: c.address,
        addressEn: c.addressEn,
        lat: c.lat,
        lng: c.lng,
      })),
    ),
  );
  const compounds = keyed(
    org.compounds.map((x) => x.key),
    await insertAll(
      m,
      CompoundEntity,
      org.compounds.map((x) => ({
        communityId: need(communities, x.communityKey, 'community'),
        name: x.name,
        nameEn: x.nameEn,
        address: x.address,
        addressEn: x.addressEn,
        households: x.households,
        lat: x.lat,
        lng: x.lng,
      })),
    ),
  );
  const desks = keyed(
    org.desks.map((d) => d.key),
    await insertAll(
      m,
      DeskEntity,
      org.desks.map((d) => ({
        communityId: need(communities, d.communityKey, 'community'),
        compoundId: d.compoundKey ? need(compounds, d.compoundKey, 'compound') : null,
        name: d.name,
        nameEn: d.nameEn,
        address: d.address,
        addressEn: d.addressEn,
        lat: d.lat,
        lng: d.lng,
        areaSqm: d.areaSqm,
        phone: d.phone,
        weeklyHours: d.weeklyHours,
      })),
    ),
  );
  const exceptions = org.desks.flatMap((d) =>
    d.exceptions.map((e) => ({
      deskId: need(desks, d.key, 'desk'),
      date: e.date,
      intervals: e.intervals,
      note: e.note,
    })),
  );
  await insertAll(m, DeskHoursExceptionEntity, exceptions);
  const grids = keyed(
    org.grids.map((g) => g.key),
    await insertAll(
      m,
      GridEntity,
      org.grids.map((g) => ({
        communityId: need(communities, g.communityKey, 'community'),
        compoundId: g.compoundKey ? need(compounds, g.compoundKey, 'compound') : null,
        code: g.code,
        name: g.name,
      })),
    ),
  );
  // One argon2 hash serves every demo account: they share the password, and hashing hundreds would take minutes.
  const passwordHash = await hash(demoPassword);
  const compoundCommunity = new Map(org.compounds.map((x) => [x.key, x.communityKey]));
  const staffIds = await insertAll(
    m,
    StaffAccountEntity,
    org.staff.map((s) => {
      const level = s.scopeLevel;
      const communityKey =
        level === 'community'
          ? s.scopeKey
          : level === 'compound'
            ? compoundCommunity.get(s.scopeKey)!
            : null;
      return {
        username: s.username,
        passwordHash,
        displayName: s.displayName,
        phone: s.phone,
        role: s.role,
        scopeLevel: level,
        streetId: level === 'street' ? need(streets, s.scopeKey, 'street') : null,
        communityId: communityKey ? need(communities, communityKey, 'community') : null,
        compoundId: level === 'compound' ? need(compounds, s.scopeKey, 'compound') : null,
        deskId: s.deskKey ? need(desks, s.deskKey, 'desk') : null,
        gridId: s.gridKey ? need(grids, s.gridKey, 'grid') : null,
      };
    }),
  );
  const residentIds = await insertAll(
    m,
    ResidentEntity,
    org.residents.map((r) => ({
      name: r.name,
      phone: r.phone,
      idNumber: r.idNumber,
      communityId: need(communities, r.communityKey, 'community'),
      compoundId: need(compounds, r.compoundKey, 'compound'),
      isForeign: r.foreign,
      nationality: r.nationality,
      preferredLanguage: r.preferredLanguage,
      registeredAt: new Date(r.registeredAt),
    })),
  );
  const counts = {
    streets: org.streets.length,
    communities: org.communities.length,
    compounds: org.compounds.length,
    desks: org.desks.length,
    grids: org.grids.length,
    staff: org.staff.length,
    residents: org.residents.length,
  };
  const ids: LoadedOrgIds = {
    communities,
    compounds,
    desks,
    residents: keyed(
      org.residents.map((r) => r.key),
      residentIds,
    ),
    staff: new Map(
      org.staff.map((s, i) => [s.username, { id: staffIds[i]!, name: s.displayName }]),
    ),
  };
  return { counts, ids };
}

/** Demo data goes only into an empty database, and never in production. */
export async function seedDemoIfEmpty(
  url: string,
  config: AppConfig,
  log: Logger,
  referenceDate = localDate(new Date()),
): Promise<boolean> {
  if (config.mode === 'production') throw new Error('Demo data is never loaded in production');
  const ds = createDataSource(url, { extra: { max: 1 } });
  await ds.initialize();
  try {
    return await ds.transaction(async (m) => {
      // Two processes starting together must not both seed.
      await m.query('SELECT pg_advisory_xact_lock(724202)');
      const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM street')) as [{ n: number }];
      if (n > 0) return false;
      const started = Date.now();
      const org = generateDemoOrg({ referenceDate });
      const { counts, ids } = await loadDemoOrg(m, org, config.demoPassword);
      const history = generateCaseHistory({ org, referenceDate });
      const followUps = generateFollowUpHistory({ org, cases: history, referenceDate });
      // A few of the history's cases were filed by the demo's Open311 clients.
      const open311 = await loadDemoOpen311(m, org, ids, history, referenceDate, DEFAULT_SEED);
      const cases = await loadDemoCases(m, org, ids, history, followUps, log);
      const open311Categories = await loadDemoCategoryOpen311(m);
      const councilHistory = generateCouncilHistory({ org, cases: history, referenceDate });
      const councils = await loadDemoCouncils(m, org, ids, history, councilHistory);
      // Everyone on record so far signed up in the app when they registered; the offline
      // population added next never did.
      await m.query('UPDATE resident SET app_since = registered_at');
      const population = await loadOfflinePopulation(
        m,
        org,
        ids,
        councilHistory.targets,
        referenceDate,
      );
      const roster = await loadDemoRoster(m, org, ids, referenceDate);
      const ratings = await loadDemoRatings(m, org, ids, referenceDate);
      // The year gone by is history, not news: every demo resident's inbox starts read.
      await m.query(
        `INSERT INTO notification_watermark (user_id, seen_up_to, updated_at)
         SELECT r.id, e.last, now() FROM resident r
           CROSS JOIN (SELECT COALESCE(max(id), 0) AS last FROM domain_event) e
          WHERE r.app_since IS NOT NULL`,
      );
      log.info(
        {
          counts: {
            ...counts,
            cases,
            followUps: followUps.length,
            ...councils,
            ...population,
            roster,
            ratings,
            open311Categories,
            open311Cases: open311.cases,
          },
          ms: Date.now() - started,
          referenceDate,
        },
        'demo data loaded',
      );
      // The demo's keys are derived from its seed and written in README; said once, at seeding.
      if (config.mode === 'development')
        log.info(
          { open311Clients: open311.clients },
          'demo Open311 keys (development only): send one as api_key to /open311/v2/requests.json',
        );
      return true;
    });
  } finally {
    await ds.destroy();
  }
}
