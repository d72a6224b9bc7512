import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ENGINE,
  frameworkShape,
  METRIC_KEYS,
  rate,
  sampleFramework2018,
  sampleFramework2022,
  validateFramework,
  type Framework,
} from '../src/index.js';
import { syntheticCommunities } from './support/synthetic.js';

const json = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

function names(framework: Framework) {
  return {
    sections: framework.sections.map((s) => s.name.zh),
    aspects: framework.sections.flatMap((s) => s.aspects.map((a) => a.name.zh)),
    indicators: framework.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators)),
  };
}

describe('sample frameworks', () => {
  it('ships the 2022 standard’s shape: 3 sections, 15 aspects, 90 indicators, 100 points', () => {
    expect(validateFramework(sampleFramework2022).ok).toBe(true);
    expect(frameworkShape(sampleFramework2022)).toEqual({
      sections: 3,
      aspects: 15,
      indicators: 90,
      metricIndicators: 19,
      assessmentIndicators: 71,
      totalPoints: 100,
    });
    const { sections, aspects } = names(sampleFramework2022);
    expect(sections).toEqual(['党建引领', '多元共建', '共享文明']);
    expect(aspects).toEqual(
      expect.arrayContaining([
        '组织体系',
        '党员管理',
        '阵地建设',
        '多元主体',
        '安全稳定',
        '邻里和睦',
      ]),
    );
  });

  it('scores every metric the API derives in the 2022 sample, each once', () => {
    const metrics = names(sampleFramework2022).indicators.flatMap((i) =>
      i.source.kind === 'metric' ? [i.source.metric] : [],
    );
    expect([...metrics].sort()).toEqual([...METRIC_KEYS].sort());
  });

  it('ships the 2018 method’s shape: 3 / 12 / 86 under 管理有序, 服务完善, 文明祥和', () => {
    expect(validateFramework(sampleFramework2018).ok).toBe(true);
    expect(frameworkShape(sampleFramework2018)).toMatchObject({
      sections: 3,
      aspects: 12,
      indicators: 86,
      totalPoints: 100,
    });
    expect(names(sampleFramework2018).sections).toEqual(['管理有序', '服务完善', '文明祥和']);
  });

  it('marks both as samples and names everything in Chinese and English', () => {
    for (const framework of [sampleFramework2022, sampleFramework2018]) {
      expect(framework.sample).toBe(true);
      expect(framework.description?.en).toContain(
        'to be replaced by the district social security bureau',
      );
      const nodes = [
        ...framework.sections,
        ...framework.sections.flatMap((s) => s.aspects),
        ...names(framework).indicators,
      ];
      for (const node of nodes) {
        expect(node.name.zh).toMatch(/\p{Script=Han}/u);
        expect(node.name.en).toMatch(/^[\x20-\x7e’“”]+$/);
      }
    }
  });

  it('keeps frameworks/*.json in step with the TypeScript source (pnpm write:frameworks)', () => {
    expect(json('../frameworks/sample-2022.json')).toEqual(sampleFramework2022);
    expect(json('../frameworks/sample-2018.json')).toEqual(sampleFramework2018);
  });

  it('rates with the 2018 framework as well: frameworks are data', () => {
    const result = rate({
      year: 2020,
      ratingDate: '2021-01-15',
      framework: sampleFramework2018,
      communities: syntheticCommunities(sampleFramework2018, 20, 18),
    });
    expect(result.framework.id).toBe('ljxq-harmonious-community-2018-sample');
    expect(result.summary.rated).toBe(20);
    expect(result.summary.quotas.map((q) => q.cap)).toEqual([2, 6, 10]);
    expect(result.warnings).toEqual([
      { code: 'sample_framework', communityId: null, indicators: [] },
    ]);
  });
});

describe('package', () => {
  it('exports the metric keys the API supplies, in order', () => {
    expect(METRIC_KEYS).toEqual([
      'repeat_handling_rate',
      'satisfaction_rate',
      'followup_coverage',
      'followup_timeliness',
      'mediation_rate',
      'participation_rate',
      'sla_accept_compliance',
      'sla_resolve_compliance',
      'first_contact_resolution',
      'evening_service_share',
      'app_registration_rate',
      'app_active_rate',
      'proposals_adopted',
      'proposals_completed',
      'worker_attrition_rate',
      'worker_avg_pay_yuan',
      'worker_certified_share',
      'worker_bachelor_share',
      'worker_avg_age',
    ]);
  });

  it('stamps results with the version in package.json', () => {
    expect(ENGINE.version).toBe((json('../package.json') as { version: string }).version);
  });
});
