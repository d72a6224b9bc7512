// Deterministic synthetic communities for fixtures, property tests and the benchmark.
import {
  ASSESSOR_KINDS,
  METRIC_KEYS,
  METRIC_UNITS,
  type CommunityInput,
  type Framework,
  type MetricKey,
  type PreviousGrade,
} from '../../src/index.js';

/** Before → after figures from the seed (and plausible ones where it has none). */
export const METRIC_ANCHORS: Record<MetricKey, [before: number, after: number]> = {
  repeat_handling_rate: [0.05, 0.001],
  satisfaction_rate: [0.94, 0.995],
  followup_coverage: [0.8, 1],
  followup_timeliness: [0.7, 0.98],
  mediation_rate: [0.61, 0.98],
  participation_rate: [0.6, 0.8],
  sla_accept_compliance: [0.8, 0.99],
  sla_resolve_compliance: [0.8, 0.98],
  first_contact_resolution: [0.7, 0.95],
  evening_service_share: [0.03, 0.2],
  app_registration_rate: [0.05, 0.45],
  app_active_rate: [0.3, 0.85],
  proposals_adopted: [0, 15],
  proposals_completed: [0, 10],
  worker_attrition_rate: [0.227, 0.003],
  worker_avg_pay_yuan: [2800, 5200],
  worker_certified_share: [0.342, 0.788],
  worker_bachelor_share: [0.3512, 0.6488],
  worker_avg_age: [48, 32],
};

/** mulberry32: a small seeded generator, so the same seed gives the same communities. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function metricValue(key: MetricKey, quality: number): number {
  const [before, after] = METRIC_ANCHORS[key];
  const value = before + (after - before) * quality;
  switch (METRIC_UNITS[key]) {
    case 'fraction':
      return Number(clamp01(value).toFixed(4));
    case 'count':
      return Math.max(0, Math.round(value));
    case 'yuan_per_month':
      return Math.round(value);
    case 'years':
      return Number(value.toFixed(1));
  }
}

const PREVIOUS: Array<PreviousGrade | undefined> = ['AAA', 'AA', 'A', 'A', 'none', undefined];

/**
 * `count` communities with complete inputs for `framework`: a latent quality per community, with
 * noise per metric and per assessor. Ids are `c0001`…; all were first elected years ago.
 */
export function syntheticCommunities(
  framework: Framework,
  count: number,
  seed = 2022,
): CommunityInput[] {
  const next = random(seed);
  const indicators = framework.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const communities: CommunityInput[] = [];
  for (let n = 1; n <= count; n++) {
    const quality = 0.45 + 0.55 * next() ** 0.5;
    const noisy = (): number => clamp01(quality + (next() - 0.5) * 0.3);
    const metrics: Partial<Record<MetricKey, number>> = {};
    for (const key of METRIC_KEYS) metrics[key] = metricValue(key, noisy());
    const assessments: NonNullable<CommunityInput['assessments']> = {};
    for (const indicator of indicators) {
      const source = indicator.source;
      if (source.kind !== 'assessment') continue;
      const scale = source.scale ?? indicator.points;
      const weights = source.weights ?? framework.assessmentWeights ?? {};
      const scores: Record<string, { score: number }> = {};
      for (const assessor of ASSESSOR_KINDS) {
        if (weights[assessor] === undefined) continue;
        scores[assessor] = { score: Number((scale * noisy()).toFixed(1)) };
      }
      assessments[indicator.key] = scores;
    }
    const community: CommunityInput = {
      id: `c${String(n).padStart(4, '0')}`,
      firstElectedOn: `${2010 + (n % 10)}-0${1 + (n % 9)}-1${n % 10}`,
      metrics,
      assessments,
    };
    const previous = PREVIOUS[Math.floor(next() * PREVIOUS.length)];
    if (previous !== undefined) community.previousGrade = previous;
    communities.push(community);
  }
  return communities;
}
