import type {
  RatingCommunityRun,
  RatingCompare,
  RatingCompareSide,
  RatingGradeDecision,
  RatingResultRow,
  RatingResultsPage,
  RatingScorecard,
  RatingScorecardIndicator,
  RatingSnapshotFacts,
  RatingWhatIf,
} from '@baitong/contracts';
import {
  type CommunityResult,
  type Framework,
  type IndicatorScore,
  indicatorFormula,
  type RatingResult,
  whatIf,
} from '@baitong/rating-engine';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { AppException } from '../../common/app-exception';
import { gradeDecisionText } from './grade-decision-text';
import { type LoadedRun, RatingResultsRepository } from './rating-results.repository';

type Name = { zh: string; en: string };

/** Framework names by key (sections, aspects, indicators), from the frozen framework. */
export function frameworkNames(framework: Framework): Map<string, Name> {
  const names = new Map<string, Name>();
  for (const s of framework.sections) {
    names.set(s.key, s.name);
    for (const a of s.aspects) {
      names.set(a.key, a.name);
      for (const i of a.indicators) names.set(i.key, i.name);
    }
  }
  return names;
}

const VISIBLE_TO_DISTRICT = new Set(['computed', 'in_review', 'published', 'cancelled']);
const VISIBLE_TO_ALL = new Set(['in_review', 'published']);

/** What a community's result row needs besides the engine's record: its frozen name and street. */
export function resultRow(
  c: CommunityResult,
  facts: RatingSnapshotFacts['communities'][string] | undefined | null,
  names: Map<string, Name>,
): RatingResultRow {
  const decision = c.gradeDecision as RatingGradeDecision;
  const noGrade = (c.noGrade as Record<string, unknown> | null) ?? null;
  return {
    communityId: c.id,
    name: facts?.name ?? c.name ?? c.id,
    nameEn: facts?.nameEn ?? c.name ?? c.id,
    streetId: facts?.streetId ?? '',
    streetName: facts?.streetName ?? '',
    streetNameEn: facts?.streetNameEn ?? '',
    status: c.status,
    total: c.total,
    maxTotal: c.maxTotal,
    rank: c.rank,
    grade: c.grade,
    noGradeReason: c.noGrade?.reason ?? null,
    noGrade,
    notice: c.notice,
    recommended: c.recommended,
    previousGrade: c.previousGrade,
    movement: c.movement,
    gradeDecision: decision,
    gradeDecisionText: gradeDecisionText(decision, noGrade),
    sections: c.sections.map((s) => ({
      key: s.key,
      name: names.get(s.key) ?? { zh: s.key, en: s.key },
      points: s.points,
      maxPoints: s.maxPoints,
    })),
  };
}

/**
 * What a run shows. Scope: the bureau and the monitor see every run from `computed` on; a street
 * admin their street's communities and a community's staff their own, only from `in_review` on.
 */
@Injectable()
export class RatingResultsService {
  constructor(private readonly repo: RatingResultsRepository) {}

  /** Loads the run or 404, and refuses a run the actor may not see yet. */
  async visibleRun(a: Actor, runId: string): Promise<LoadedRun & { snapshotId: string }> {
    const run = await this.repo.loadRun(runId);
    if (run === null) throw AppException.notFound('Rating run');
    if (a.kind !== 'staff') throw AppException.forbidden();
    const district = a.scopeLevel === 'district';
    const status = run.summary.status;
    if (!(district ? VISIBLE_TO_DISTRICT : VISIBLE_TO_ALL).has(status)) {
      throw new AppException(
        'FORBIDDEN',
        district
          ? 'The run has no result yet'
          : 'Results are shown to streets and communities from the review on',
      );
    }
    if (!run.hasResult || run.snapshotId === null)
      throw new AppException('CONFLICT', 'The run has no result yet');
    return { ...run, snapshotId: run.snapshotId };
  }

  /** The run, its whole result and the rows of the communities the actor's scope reaches. */
  async resultsWithData(a: Actor, runId: string, withIndicators = true) {
    const run = await this.visibleRun(a, runId);
    const { result, facts, input } = withIndicators
      ? await this.repo.fullResult(run.snapshotId)
      : await this.repo.resultRows(run.snapshotId);
    const names = frameworkNames(input.framework as Framework);
    const scope =
      a.scopeLevel === 'district'
        ? null
        : await this.repo.inScope(
            a,
            result.communities.map((c) => c.id),
          );
    const communities = result.communities.filter((c) => scope === null || scope.has(c.id));
    const page: RatingResultsPage = {
      run: run.summary,
      contentHash: run.contentHash!,
      resultHash: run.resultHash,
      engineVersion: run.engineVersion,
      summary: result.summary as RatingResultsPage['summary'],
      sections: (input.framework as Framework).sections.map((s) => ({
        key: s.key,
        name: s.name,
        maxPoints:
          s.aspects.reduce(
            (sum, asp) => sum + asp.indicators.reduce((t, i) => t + Math.round(i.points * 100), 0),
            0,
          ) / 100,
      })),
      warnings: result.warnings.filter(
        (w) => w.communityId === null || scope === null || scope.has(w.communityId),
      ),
      rows: communities.map((c) => resultRow(c, facts.communities[c.id], names)),
    };
    return { page, communities, names, result, facts };
  }

  /** The runs a community appears in that the actor may see ("我的评定"). */
  async communityRuns(a: Actor, communityId: string): Promise<RatingCommunityRun[]> {
    if (a.kind !== 'staff') throw AppException.forbidden();
    if (a.scopeLevel !== 'district') {
      const scope = await this.repo.inScope(a, [communityId]);
      if (!scope.has(communityId)) throw AppException.notFound('Community');
    }
    const statuses = a.scopeLevel === 'district' ? VISIBLE_TO_DISTRICT : VISIBLE_TO_ALL;
    return this.repo.communityRuns(communityId, [...statuses]);
  }

  async results(a: Actor, runId: string): Promise<RatingResultsPage> {
    return (await this.resultsWithData(a, runId, false)).page;
  }

  /** Loads one community of a visible run, in the actor's scope, or 404. */
  private async community(a: Actor, runId: string, communityId: string) {
    const run = await this.visibleRun(a, runId);
    if (a.scopeLevel !== 'district') {
      const scope = await this.repo.inScope(a, [communityId]);
      if (!scope.has(communityId)) throw AppException.notFound('Community');
    }
    const one = await this.repo.oneCommunity(run.snapshotId, communityId);
    if (one.community === null) throw AppException.notFound('Community in this run');
    return { run, ...one, community: one.community };
  }

  async scorecard(a: Actor, runId: string, communityId: string): Promise<RatingScorecard> {
    const { run, community, facts, period, framework } = await this.community(
      a,
      runId,
      communityId,
    );
    const names = frameworkNames(framework as Framework);
    const name = (key: string): Name => names.get(key) ?? { zh: key, en: key };
    const row = resultRow(community, facts, names);
    const { sections: _subtotals, ...head } = row;
    const indicator = (i: IndicatorScore): RatingScorecardIndicator => {
      const base = {
        key: i.key,
        name: name(i.key),
        source: i.source,
        points: i.points,
        maxPoints: i.maxPoints,
        status: i.status,
        outcome: i.outcome,
        formula: indicatorFormula(i),
      };
      if (i.source === 'metric') {
        return {
          ...base,
          metric: i.metric,
          value: i.value,
          rule: i.rule as unknown as Record<string, unknown>,
          figure: facts?.metrics?.[i.metric] ?? null,
          metricLink: `/metrics/communities/${communityId}/${i.metric}?from=${period.from}&to=${period.to}`,
        };
      }
      return {
        ...base,
        scale: i.scale,
        weights: i.weights as Record<string, number>,
        scores: i.scores as RatingScorecardIndicator['scores'],
        weightedScore: i.weightedScore,
        missingAssessors: [...i.missingAssessors],
      };
    };
    return {
      run: run.summary,
      contentHash: run.contentHash!,
      period,
      framework: {
        id: framework.id,
        version: framework.version,
        name: framework.name,
        sample: framework.sample === true,
      },
      community: head,
      sections: community.sections.map((s) => ({
        key: s.key,
        name: name(s.key),
        points: s.points,
        maxPoints: s.maxPoints,
        aspects: s.aspects.map((asp) => ({
          key: asp.key,
          name: name(asp.key),
          points: asp.points,
          maxPoints: asp.maxPoints,
          indicators: asp.indicators.map(indicator),
        })),
      })),
      missing: community.missing.map((m) => ({ indicator: m.indicator, source: m.source })),
    };
  }

  async whatIf(a: Actor, runId: string, communityId: string): Promise<RatingWhatIf> {
    const { run, community, facts } = await this.community(a, runId, communityId);
    const input = await this.repo.input(run.snapshotId);
    const names = frameworkNames(input.framework as Framework);
    const name = (key: string): Name => names.get(key) ?? { zh: key, en: key };
    const answer = whatIf(input, communityId);
    return {
      runId,
      contentHash: run.contentHash!,
      communityId,
      communityName: facts?.name ?? community.name ?? communityId,
      status: answer.status,
      total: answer.total,
      rank: answer.rank,
      grade: answer.grade,
      targetGrade: answer.targetGrade,
      notRatedReason: answer.notRatedReason ?? null,
      options: answer.options.map((o) => ({
        ...o,
        indicatorName: name(o.indicator),
        sectionName: name(o.section),
        aspectName: name(o.aspect),
        change: o.change as unknown as Record<string, unknown>,
      })),
      insufficient: answer.insufficient.map((key) => ({ indicator: key, name: name(key) })),
    };
  }

  async compare(a: Actor, runId: string, communityId: string): Promise<RatingCompare> {
    const { run, community, facts, framework, summary } = await this.community(
      a,
      runId,
      communityId,
    );
    const names = frameworkNames(framework as Framework);
    const year = run.summary.year;
    const previous = await this.repo.previousYearRun(year - 1, communityId);
    const before = previous?.community ?? null;
    const grade =
      previous === null || before === null ? await this.repo.grade(year - 1, communityId) : null;
    const now: RatingCompareSide = {
      year,
      runId,
      source: 'run',
      total: community.total,
      rank: community.rank,
      rated: summary.rated,
      grade: community.grade ?? (community.status === 'rated' ? 'none' : null),
      status: community.status,
      movement: community.movement,
    };
    const then: RatingCompareSide =
      before !== null
        ? {
            year: year - 1,
            runId: previous!.runId,
            source: 'run',
            total: before.total,
            rank: before.rank,
            rated: previous!.rated,
            grade: before.grade ?? (before.status === 'rated' ? 'none' : null),
            status: before.status,
            movement: before.movement,
          }
        : {
            year: year - 1,
            runId: grade?.runId ?? null,
            source: grade?.source ?? null,
            total: grade?.total ?? null,
            rank: grade?.rank ?? null,
            rated: grade?.ratedCount ?? null,
            grade: grade?.grade ?? null,
            status: grade?.status ?? null,
            movement: null,
          };
    const thenPoints = new Map<string, number>();
    for (const s of before?.sections ?? [])
      for (const asp of s.aspects) for (const i of asp.indicators) thenPoints.set(i.key, i.points);
    const cents = (x: number) => Math.round(x * 100);
    const diff = (x: number | null, y: number | null) =>
      x === null || y === null ? null : (cents(x) - cents(y)) / 100;
    return {
      runId,
      communityId,
      communityName: facts?.name ?? community.name ?? communityId,
      now,
      then,
      totalChange: diff(now.total, then.total),
      rankChange: now.rank === null || then.rank === null ? null : then.rank - now.rank,
      indicators: community.sections.flatMap((s) =>
        s.aspects.flatMap((asp) =>
          asp.indicators.map((i) => {
            const previousPoints = thenPoints.get(i.key) ?? null;
            return {
              key: i.key,
              name: names.get(i.key) ?? { zh: i.key, en: i.key },
              section: s.key,
              now: i.points,
              then: previousPoints,
              change: diff(i.points, previousPoints),
              maxPoints: i.maxPoints,
            };
          }),
        ),
      ),
    };
  }
}

export type { RatingResult };
