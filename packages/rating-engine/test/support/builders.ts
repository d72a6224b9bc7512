import type {
  CommunityInput,
  Framework,
  Indicator,
  PolicyOverrides,
  RatingInput,
  RatingResult,
} from '../../src/index.js';

/**
 * Two sections whose totals are easy to steer: `service` (60 points, satisfaction_rate linear
 * 0 → 1) and `governance` (40 points, participation_rate linear 0 → 1). A community with
 * satisfaction s and participation p scores 60·s + 40·p.
 */
export function steerableFramework(): Framework {
  const metricIndicator = (
    key: string,
    metric: 'satisfaction_rate' | 'participation_rate',
    points: number,
  ): Indicator => ({
    key,
    name: { zh: key, en: key },
    points,
    source: { kind: 'metric', metric, rule: { type: 'linear', zeroAt: 0, fullAt: 1 } },
  });
  return {
    id: 'steerable',
    version: '1',
    name: { zh: '测试', en: 'Test' },
    effectiveYear: 2020,
    sections: [
      {
        key: 'service',
        name: { zh: '服务', en: 'Service' },
        aspects: [
          {
            key: 'service_aspect',
            name: { zh: '服务', en: 'Service' },
            indicators: [metricIndicator('satisfaction', 'satisfaction_rate', 60)],
          },
        ],
      },
      {
        key: 'governance',
        name: { zh: '共治', en: 'Governance' },
        aspects: [
          {
            key: 'governance_aspect',
            name: { zh: '共治', en: 'Governance' },
            indicators: [metricIndicator('participation', 'participation_rate', 40)],
          },
        ],
      },
    ],
  };
}

/** A community scoring `total` points, split as `service`/`governance` when given. */
export function community(
  id: string,
  total: number,
  extra: Partial<CommunityInput> & { service?: number } = {},
): CommunityInput {
  const { service = Math.min(60, total), ...rest } = extra;
  return {
    id,
    firstElectedOn: '2015-01-01',
    metrics: { satisfaction_rate: service / 60, participation_rate: (total - service) / 40 },
    ...rest,
  };
}

export function input(
  communities: CommunityInput[],
  policy?: PolicyOverrides,
  framework: Framework = steerableFramework(),
): RatingInput {
  const value: RatingInput = { year: 2023, ratingDate: '2024-01-31', framework, communities };
  if (policy !== undefined) value.policy = policy;
  return value;
}

/** `id → grade` for compact expectations. */
export function gradesOf(result: RatingResult): Record<string, string | null> {
  return Object.fromEntries(result.communities.map((c) => [c.id, c.grade]));
}

export function byId(result: RatingResult, id: string): RatingResult['communities'][number] {
  const found = result.communities.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no community ${id} in the result`);
  return found;
}

/** `count` communities with distinct totals from `top` down in steps of `step`: c01, c02, … */
export function ladder(count: number, top = 99, step = 1): CommunityInput[] {
  return Array.from({ length: count }, (_, i) =>
    community(`c${String(i + 1).padStart(2, '0')}`, Number((top - i * step).toFixed(2))),
  );
}
