// Creates rating runs in the database the way the run lifecycle leaves them (framework, run, one
// snapshot with input, facts and the engine's result), for tests of everything that reads a run.
import { createHash } from 'node:crypto';
import type { RatingRunStatus, RatingSnapshotFacts } from '@baitong/contracts';
import {
  type CommunityInput,
  type Framework,
  type PolicyOverrides,
  type RatingInput,
  type RatingResult,
  rate,
} from '@baitong/rating-engine';
import type { DataSource } from 'typeorm';
import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';

/** Four indicators in two sections with Chinese names (三个 metric, one assessed). */
export function fixtureFramework(): Framework {
  return {
    id: 'fixture',
    version: '1',
    name: { zh: '测试评定框架', en: 'Test framework' },
    effectiveYear: 2020,
    assessmentWeights: {
      district_inspection: 0.4,
      third_party_monitoring: 0.4,
      street_cross_inspection: 0.2,
    },
    sections: [
      {
        key: 'service',
        name: { zh: '共享文明', en: 'Shared civility' },
        aspects: [
          {
            key: 'satisfaction',
            name: { zh: '居民满意', en: 'Resident satisfaction' },
            indicators: [
              {
                key: 'satisfaction_rate',
                name: { zh: '居民满意度', en: 'Satisfaction rate' },
                points: 40,
                source: {
                  kind: 'metric',
                  metric: 'satisfaction_rate',
                  rule: { type: 'linear', zeroAt: 0.9, fullAt: 1 },
                },
              },
              {
                key: 'repeat_rate',
                name: { zh: '二次办理率', en: 'Repeat handling rate' },
                points: 20,
                source: {
                  kind: 'metric',
                  metric: 'repeat_handling_rate',
                  rule: { type: 'linear', zeroAt: 0.05, fullAt: 0.001 },
                },
              },
            ],
          },
        ],
      },
      {
        key: 'party',
        name: { zh: '党建引领', en: 'Party leadership' },
        aspects: [
          {
            key: 'council',
            name: { zh: '幸福议事会', en: 'Council' },
            indicators: [
              {
                key: 'participation',
                name: { zh: '居民自治参与率', en: 'Participation rate' },
                points: 20,
                source: {
                  kind: 'metric',
                  metric: 'participation_rate',
                  rule: { type: 'linear', zeroAt: 0.5, fullAt: 0.9 },
                },
              },
              {
                key: 'council_rules',
                name: { zh: '议事会规范运行', en: 'Council runs to its rules' },
                points: 20,
                source: { kind: 'assessment' },
              },
            ],
          },
        ],
      },
    ],
  };
}

export interface FixtureCommunity {
  community: CommunityEntity;
  street: StreetEntity;
  /** Shorthand: a total near `score` (0..100) with these shares; or a full engine input. */
  score?: number;
  input?: Partial<CommunityInput>;
}

/** A community input scoring about `score`: every indicator at the same share. */
export function scoringInput(score: number): Omit<CommunityInput, 'id'> {
  const s = Math.max(0, Math.min(1, score / 100));
  return {
    firstElectedOn: '2015-01-01',
    metrics: {
      satisfaction_rate: Number((0.9 + 0.1 * s).toFixed(6)),
      repeat_handling_rate: Number((0.05 - 0.049 * s).toFixed(6)),
      participation_rate: Number((0.5 + 0.4 * s).toFixed(6)),
    },
    assessments: {
      council_rules: {
        district_inspection: { score: Number((20 * s).toFixed(2)) },
        third_party_monitoring: { score: Number((20 * s).toFixed(2)) },
        street_cross_inspection: { score: Number((20 * s).toFixed(2)) },
      },
    },
  };
}

/**
 * An input for any framework scoring about `score` per cent on every indicator: metric values on
 * the rule's scale, assessments at that share of the scale (used with the 90-indicator sample).
 */
export function inputOnFramework(framework: Framework, score: number): Omit<CommunityInput, 'id'> {
  const s = Math.max(0, Math.min(1, score / 100));
  const metrics: Record<string, number> = {};
  const assessments: NonNullable<CommunityInput['assessments']> = {};
  for (const section of framework.sections)
    for (const aspect of section.aspects)
      for (const i of aspect.indicators) {
        if (i.source.kind === 'metric') {
          const rule = i.source.rule;
          if (i.source.metric in metrics) continue;
          let value: number;
          if (rule.type === 'linear') value = rule.zeroAt + (rule.fullAt - rule.zeroAt) * s;
          else if (rule.type === 'boolean') value = s >= 0.5 !== (rule.invert === true) ? 1 : 0;
          else if (rule.type === 'threshold')
            value = s >= 0.5 ? (rule.atLeast ?? rule.atMost ?? 0) : 0;
          else {
            const sorted = [...rule.bands].sort((a, b) => b.points - a.points);
            const band = sorted[Math.min(sorted.length - 1, Math.floor((1 - s) * sorted.length))]!;
            value = band.min ?? (band.max !== undefined ? band.max / 2 : 0);
          }
          metrics[i.source.metric] = Number(value.toFixed(6));
        } else {
          const scale = i.source.scale ?? i.points;
          const weights = i.source.weights ?? framework.assessmentWeights;
          assessments[i.key] = Object.fromEntries(
            Object.keys(weights ?? {}).map((k) => [k, { score: Number((scale * s).toFixed(2)) }]),
          );
        }
      }
  return { firstElectedOn: '2015-01-01', metrics, assessments };
}

export interface FixtureRun {
  runId: string;
  snapshotId: string;
  input: RatingInput;
  result: RatingResult;
  facts: RatingSnapshotFacts;
  contentHash: string;
}

let frameworkSeq = 0;

/**
 * Inserts a framework row, a run in `status` with `snapshot_version` 1, and its snapshot: the
 * engine's input, facts per `RatingSnapshotFacts`, the content hash and `rate()`'s result.
 */
export async function createRatingRun(
  ds: DataSource,
  p: {
    year: number;
    status?: RatingRunStatus;
    communities: FixtureCommunity[];
    policy?: PolicyOverrides;
    framework?: Framework;
    publishedAt?: string;
  },
): Promise<FixtureRun> {
  const status = p.status ?? 'published';
  const framework = p.framework ?? fixtureFramework();
  const [fw] = (await ds.query(
    `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample, definition, created_by_name)
     VALUES ($1, $2, $3, $4, $5, false, $6, 'fixture') RETURNING id`,
    [
      `${framework.id}-${Date.now().toString(36)}-${frameworkSeq++}`,
      framework.version,
      framework.name.zh,
      framework.name.en,
      framework.effectiveYear,
      JSON.stringify(framework),
    ],
  )) as [{ id: string }];
  const input: RatingInput = {
    year: p.year,
    ratingDate: `${p.year + 1}-01-31`,
    framework,
    ...(p.policy ? { policy: p.policy } : {}),
    communities: p.communities.map((c) => ({
      id: c.community.id,
      name: c.community.name,
      ...(p.framework ? inputOnFramework(framework, c.score ?? 80) : scoringInput(c.score ?? 80)),
      ...c.input,
    })),
  };
  const result = rate(input);
  const facts: RatingSnapshotFacts = {
    period: { from: `${p.year}-01-01`, to: `${p.year}-12-31` },
    framework: { id: fw.id, key: framework.id, version: framework.version, sample: false },
    communities: Object.fromEntries(
      p.communities.map((c) => {
        const metrics = input.communities.find((x) => x.id === c.community.id)?.metrics ?? {};
        return [
          c.community.id,
          {
            name: c.community.name,
            nameEn: c.community.nameEn,
            code: c.community.code,
            streetId: c.street.id,
            streetName: c.street.name,
            streetNameEn: c.street.nameEn,
            firstElectedOn: c.community.firstElectedOn ?? null,
            previousGrade: (input.communities.find((x) => x.id === c.community.id)?.previousGrade ??
              null) as RatingSnapshotFacts['communities'][string]['previousGrade'],
            previousGradeSource: null,
            metrics: Object.fromEntries(
              Object.entries(metrics).map(([k, v]) => [
                k,
                {
                  value: v ?? null,
                  numerator: Math.round((v ?? 0) * 1000),
                  denominator: 1000,
                  unit: 'fraction' as const,
                },
              ]),
            ),
          },
        ];
      }),
    ),
    assessments: {},
    disqualifications: [],
    missing: [],
    corrections: [],
  } as unknown as RatingSnapshotFacts;
  const contentHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const resultHash = createHash('sha256').update(JSON.stringify(result)).digest('hex');
  const reachedReview = ['in_review', 'published'].includes(status);
  const [run] = (await ds.query(
    `INSERT INTO rating_run (year, status, framework_id, policy, rating_date, snapshot_version, created_by_name,
        frozen_at, computed_at, review_opened_at, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'fixture', $7, $8, $9, $10) RETURNING id`,
    [
      p.year,
      status,
      fw.id,
      JSON.stringify(p.policy ?? {}),
      input.ratingDate,
      status === 'draft' ? null : 1,
      status === 'draft' ? null : new Date(),
      ['draft', 'frozen'].includes(status) ? null : new Date(),
      reachedReview ? new Date() : null,
      status === 'published' ? (p.publishedAt ?? new Date().toISOString()) : null,
    ],
  )) as [{ id: string }];
  const computed = !['draft', 'frozen'].includes(status);
  const [snapshot] = (await ds.query(
    `INSERT INTO rating_run_snapshot (run_id, version, input, facts, content_hash, reason, created_by_name,
        result, result_hash, engine_version, computed_at)
     VALUES ($1, 1, $2, $3, $4, 'freeze', 'fixture', $5, $6, $7, $8) RETURNING id`,
    [
      run.id,
      JSON.stringify(input),
      JSON.stringify(facts),
      contentHash,
      computed ? JSON.stringify(result) : null,
      computed ? resultHash : null,
      computed ? result.engine.version : null,
      computed ? new Date() : null,
    ],
  )) as [{ id: string }];
  return { runId: run.id, snapshotId: snapshot.id, input, result, facts, contentHash };
}

/** Moves a fixture run to another status (e.g. computed → in_review) as the lifecycle would. */
export async function setRunStatus(ds: DataSource, runId: string, status: RatingRunStatus) {
  await ds.query(`UPDATE rating_run SET status = $2 WHERE id = $1`, [runId, status]);
}
