import { type Framework, sampleFramework2022 } from '@baitong/rating-engine';
import type { RatingGradeValue } from '@baitong/contracts';
import type { EntityManager } from 'typeorm';
import { importGradeRows } from '../ratings/history/rating-grade-import';
import { GRADE_COLUMNS, type SheetGradeRow } from '../ratings/history/rating-grade-sheet';
import { RatingHistoryRepository } from '../ratings/history/rating-history.repository';
import { bulkInsert } from './bulk-insert';
import type { DemoCommunity, DemoOrg } from './demo-org';
import { DEFAULT_SEED } from './demo-org';
import { Rng } from './prng';
import type { LoadedOrgIds } from './seed-cases';

// The rating's past and present in the demo (issue 12): the grades published 2018 to last year,
// imported as the bureau would import them, and this year's assessment campaign on the sample
// 2022 framework with most communities' scores submitted and a draft run ready to freeze.

/** The first year of the method (《两江新区和谐社区等级评定办法》, 2018). */
export const FIRST_RATED_YEAR = 2018;
/** The seed's fixed grades (BRIEF.md): 和睦路社区 A in 2018 and 2019, AAA in 2020 and 2021. */
const FIXED_GRADES: Record<string, Record<number, RatingGradeValue>> = {
  hemulu: { 2018: 'A', 2019: 'A', 2020: 'AAA', 2021: 'AAA' },
};
/** Communities shown to visitors, never the ones left without their scores. */
const SHOWCASE = new Set(['cuiyulu', 'hemulu', 'yinzhuyuan']);
const QUOTAS: [RatingGradeValue, number][] = [
  ['AAA', 0.1],
  ['AA', 0.3],
  ['A', 0.5],
];
const MINIMUM_SCORE = 70;
/** How many communities have no scores submitted yet this year. */
const MISSING_COUNT = 3;

const addYears = (day: string, years: number) =>
  `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/** Rated in `year` (rating date 15 January of the next year): first elected a year before. */
export function ratedIn(c: { firstElectedOn: string | null }, year: number): boolean {
  return c.firstElectedOn !== null && addYears(c.firstElectedOn, 1) <= `${year + 1}-01-15`;
}

/** A community's standing, stable across years, around which each year's score moves. */
function quality(c: DemoCommunity): number {
  return Rng.derive(DEFAULT_SEED, `rating-quality:${c.key}`).range(71, 93);
}

/**
 * One year's published results: every rated community's total, rank and grade by the seed's
 * quotas (floor of 10% / 30% / 50% of the rated, from the top), below 70 no grade and a notice.
 */
export function yearResults(org: DemoOrg, year: number): SheetGradeRow[] {
  const rng = Rng.derive(DEFAULT_SEED, `rating-year:${year}`);
  const rated = org.communities
    .filter((c) => ratedIn(c, year))
    .map((c) => {
      // Scores rose over the years as the communities took up the method.
      const trend = (year - FIRST_RATED_YEAR) * 0.6;
      const score = Math.min(99, quality(c) + trend + rng.range(-6, 6));
      return { c, score: Math.round(score * 10) / 10 };
    })
    .sort((a, b) => b.score - a.score || a.c.code.localeCompare(b.c.code));
  const n = rated.length;
  const caps = QUOTAS.map(([g, share]) => [g, Math.floor(share * n)] as const);
  const gradeAt = (i: number, score: number): RatingGradeValue => {
    if (score < MINIMUM_SCORE) return 'none';
    let from = 0;
    for (const [g, cap] of caps) {
      if (i < from + cap) return g;
      from += cap;
    }
    return 'none';
  };
  // The fixed grades: the community takes the score of a rank inside its grade's band.
  for (const [key, byYear] of Object.entries(FIXED_GRADES)) {
    const want = byYear[year];
    const me = rated.findIndex((r) => r.c.key === key);
    if (!want || me < 0) continue;
    let from = 0;
    for (const [g, cap] of caps) {
      if (g === want) break;
      from += cap;
    }
    const cap = caps.find(([g]) => g === want)![1];
    const target = Math.min(n - 1, from + Math.floor(cap / 2));
    const swap = rated[target]!.score;
    rated[target]!.score = rated[me]!.score;
    rated[me]!.score = swap;
    rated.sort((a, b) => b.score - a.score || a.c.code.localeCompare(b.c.code));
  }
  return rated.map((r, i) => {
    const grade = gradeAt(i, r.score);
    return {
      row: i + 2,
      year,
      code: r.c.code,
      name: r.c.name,
      grade,
      total: r.score,
      rank: i + 1,
      notice: r.score < MINIMUM_SCORE,
    };
  });
}

interface Campaign {
  year: number;
  frameworkId: string;
  campaignId: string;
}

/** The sample 2022 framework's row, inserted when part "assessments" has not preloaded it. */
async function sampleFrameworkId(m: EntityManager, f: Framework): Promise<string> {
  await m.query(
    `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample,
                                   definition, created_by_name)
     VALUES ($1, $2, $3, $4, $5, true, $6::jsonb, 'system')
     ON CONFLICT (framework_key, version) DO NOTHING`,
    [f.id, f.version, f.name.zh, f.name.en, f.effectiveYear, JSON.stringify(f)],
  );
  const [row] = (await m.query(
    `SELECT id FROM rating_framework WHERE framework_key = $1 AND version = $2`,
    [f.id, f.version],
  )) as { id: string }[];
  return row!.id;
}

const assessedIndicators = (f: Framework) =>
  f.sections.flatMap((s) =>
    s.aspects.flatMap((a) =>
      a.indicators
        .filter((i) => i.source.kind === 'assessment')
        .map((i) => ({
          key: i.key,
          scale: (i.source.kind === 'assessment' ? i.source.scale : undefined) ?? i.points,
        })),
    ),
  );

export interface DemoRatingCounts {
  gradesImported: number;
  yearsImported: number;
  assessments: number;
  assessedCommunities: number;
  /** The communities whose scores are still missing this year, by name. */
  missingAssessments: string[];
  runYear: number;
}

/**
 * Loads the published grades (through the import's own code path, as the bureau's import of the
 * results published before Baitong), then the current year's campaign, assessments and draft run.
 */
export async function loadDemoRatings(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  referenceDate: string,
): Promise<DemoRatingCounts> {
  const year = Number(referenceDate.slice(0, 4));
  const bureau = ids.staff.get('bureau')!;
  const monitor = ids.staff.get('monitor')!;
  const repo = new RatingHistoryRepository(m.connection);
  const rows = [] as SheetGradeRow[];
  for (let y = FIRST_RATED_YEAR; y < year; y++) rows.push(...yearResults(org, y));
  rows.forEach((r, i) => (r.row = i + 2));
  const header = new Map(GRADE_COLUMNS.map((c) => [c.field, c.zh]));
  const imported = await importGradeRows(
    m,
    repo,
    { rows, errors: [], header },
    { id: bureau.id, name: bureau.name },
    false,
  );
  if (!imported.applied)
    throw new Error(`demo grades refused: ${JSON.stringify(imported.errors.slice(0, 5))}`);

  const campaign = await loadCampaign(m, org, ids, year, bureau);
  const assessed = await loadAssessments(m, org, ids, campaign, { bureau, monitor });
  await m.query(
    `INSERT INTO rating_run (year, status, framework_id, policy, rating_date, objection_window_days,
                             note, created_by_id, created_by_name)
     VALUES ($1, 'draft', $2, $3::jsonb, $4, 0, $5, $6, $7)`,
    [
      year,
      campaign.frameworkId,
      // The street inspects a subset of the indicators: the others are graded on the two
      // assessors who scored them.
      JSON.stringify({ partialAssessments: 'reweight_present' }),
      `${year + 1}-01-15`,
      `${year}年度和谐社区等级评定`,
      bureau.id,
      bureau.name,
    ],
  );
  return {
    gradesImported: imported.rows.length,
    yearsImported: imported.years.length,
    ...assessed,
    runYear: year,
  };
}

async function loadCampaign(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  year: number,
  bureau: { id: string; name: string },
): Promise<Campaign> {
  const f = sampleFramework2022;
  const frameworkId = await sampleFrameworkId(m, f);
  const [c] = (await m.query(
    `INSERT INTO rating_campaign (year, framework_id, status, opens_on, closes_on, created_by_id, created_by_name)
     VALUES ($1, $2, 'open', $3, $4, $5, $6) RETURNING id`,
    [year, frameworkId, `${year}-09-01`, `${year}-12-31`, bureau.id, bureau.name],
  )) as { id: string }[];
  const campaignId = c!.id;
  const indicators = assessedIndicators(f);
  // The district inspectors and the monitor score every assessed indicator; the streets every
  // third (the ones best seen on a visit).
  const assignments: unknown[][] = [];
  for (const i of indicators) {
    assignments.push([campaignId, 'district_inspection', i.key]);
    assignments.push([campaignId, 'third_party_monitoring', i.key]);
  }
  for (const i of streetSubset(indicators))
    assignments.push([campaignId, 'street_cross_inspection', i.key]);
  await bulkInsert(
    m,
    'rating_campaign_assignment',
    [
      ['campaign_id', 'uuid'],
      ['assessor_kind', 'varchar'],
      ['indicator_key', 'varchar'],
    ],
    assignments,
  );
  // Each street inspects the communities of the next street (never its own).
  const streets = org.streets.map((s) => s.key);
  const streetId = await streetIds(m, org);
  const plan = org.communities
    .filter((x) => ratedIn(x, year))
    .map((x) => {
      const inspector = streets[(streets.indexOf(x.streetKey) + 1) % streets.length]!;
      return [campaignId, streetId.get(inspector)!, ids.communities.get(x.key)!];
    });
  await bulkInsert(
    m,
    'rating_cross_inspection',
    [
      ['campaign_id', 'uuid'],
      ['inspector_street_id', 'uuid'],
      ['community_id', 'uuid'],
    ],
    plan,
  );
  return { year, frameworkId, campaignId };
}

const streetSubset = <T>(indicators: T[]) => indicators.filter((_, n) => n % 3 === 0);

/** Street key → id (the loaded org ids keep no street map; codes are unique). */
async function streetIds(m: EntityManager, org: DemoOrg): Promise<Map<string, string>> {
  const rows = (await m.query(`SELECT id, code FROM street`)) as { id: string; code: string }[];
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return new Map(org.streets.map((s) => [s.key, byCode.get(s.code)!]));
}

async function loadAssessments(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  campaign: Campaign,
  who: { bureau: { id: string; name: string }; monitor: { id: string; name: string } },
): Promise<Pick<DemoRatingCounts, 'assessments' | 'assessedCommunities' | 'missingAssessments'>> {
  const year = campaign.year;
  const rng = Rng.derive(DEFAULT_SEED, `rating-assessments:${year}`);
  const indicators = assessedIndicators(sampleFramework2022);
  const streetSet = new Set(streetSubset(indicators).map((i) => i.key));
  const rated = org.communities.filter((c) => ratedIn(c, year));
  const candidates = rated.filter((c) => !SHOWCASE.has(c.key));
  const missing = new Set<string>();
  while (missing.size < Math.min(MISSING_COUNT, candidates.length))
    missing.add(candidates[rng.int(0, candidates.length - 1)]!.key);
  const streets = org.streets.map((s) => s.key);
  const at = (day: number, hour: number) =>
    new Date(Date.UTC(year, 9, 8 + day, hour - 8, rng.int(0, 59))).toISOString();
  const rows: unknown[][] = [];
  for (const [n, c] of rated.entries()) {
    const communityId = ids.communities.get(c.key)!;
    // Communities of standing 71–93 earn 70–98% of an assessed indicator's scale: inspected
    // communities are mostly in good order, and the best stay ahead, as in their past grades.
    const q = 0.7 + (0.28 * (quality(c) - 71)) / 22;
    const inspector = streets[(streets.indexOf(c.streetKey) + 1) % streets.length]!;
    const street = ids.staff.get(`street.${inspector}`)!;
    const kinds: [string, { id: string; name: string }, string][] = [
      ['district_inspection', who.bureau, 'bureau_admin'],
      ['third_party_monitoring', who.monitor, 'monitor'],
      ['street_cross_inspection', street, 'street_admin'],
    ];
    for (const [kind, by, role] of kinds) {
      // A community still missing its scores has only the district inspectors' drafts.
      if (missing.has(c.key) && kind !== 'district_inspection') continue;
      const submitted = !missing.has(c.key);
      const when = at(n % 40, 10 + (n % 6));
      for (const i of indicators) {
        if (kind === 'street_cross_inspection' && !streetSet.has(i.key)) continue;
        const share = Math.max(0.5, Math.min(1, q + rng.range(-0.06, 0.06)));
        const score = Math.round(share * i.scale * 10) / 10;
        rows.push([
          campaign.campaignId,
          communityId,
          i.key,
          kind,
          score,
          submitted ? 'submitted' : 'draft',
          by.id,
          by.name,
          role,
          submitted ? when : null,
        ]);
      }
    }
  }
  await bulkInsert(
    m,
    'rating_assessment',
    [
      ['campaign_id', 'uuid'],
      ['community_id', 'uuid'],
      ['indicator_key', 'varchar'],
      ['assessor_kind', 'varchar'],
      ['score', 'numeric'],
      ['status', 'varchar'],
      ['entered_by_id', 'uuid'],
      ['entered_by_name', 'varchar'],
      ['entered_by_role', 'varchar'],
      ['submitted_at', 'timestamptz'],
    ],
    rows,
  );
  return {
    assessments: rows.length,
    assessedCommunities: rated.length - missing.size,
    missingAssessments: rated.filter((c) => missing.has(c.key)).map((c) => c.name),
  };
}
