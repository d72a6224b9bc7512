import { createHash } from 'node:crypto';
import type {
  MetricFigure,
  RatingAssessorKind,
  RatingInputChange,
  RatingMissingInput,
  RatingResultMove,
  RatingSnapshotFacts,
} from '@baitong/contracts';
import {
  ASSESSOR_KINDS,
  type CommunityInput,
  type Framework,
  type RatingInput,
  type RatingPolicy,
  type RatingResult,
  isMetricKey,
} from '@baitong/rating-engine';
import type {
  DisqualificationRow,
  PreviousGradeRow,
  RunCommunityRow,
  SubmittedAssessmentRow,
} from './rating-runs.repository';

// Pure: the engine's input and the snapshot's facts from the rows a freeze read, the missing
// inputs, the content hash and the diff of two versions. No database, no clock.

/** JSON with every object's keys sorted, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  // The native serialiser does the work; the replacer only hands it each object's keys sorted
  // (arrays keep their order). Several times faster than building the text by hand.
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      let sorted = true;
      for (let i = 1; i < keys.length; i++)
        if (keys[i - 1]! > keys[i]!) {
          sorted = false;
          break;
        }
      if (sorted) return v;
      const out: Record<string, unknown> = {};
      for (const k of keys.sort()) out[k] = obj[k];
      return out;
    }) ?? 'null'
  );
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** sha256 of the canonical JSON of `{ input, facts }`. */
export const contentHashOf = (input: RatingInput, facts: RatingSnapshotFacts): string =>
  sha256(canonicalJson({ input, facts }));

export const resultHashOf = (result: RatingResult): string => sha256(canonicalJson(result));

interface IndicatorNeeds {
  key: string;
  metric: string | null;
  assessors: RatingAssessorKind[];
}

/** Every indicator with what it needs: its metric, or the assessor kinds it weighs. */
export function indicatorNeeds(framework: Framework): IndicatorNeeds[] {
  const out: IndicatorNeeds[] = [];
  for (const s of framework.sections)
    for (const a of s.aspects)
      for (const i of a.indicators) {
        if (i.source.kind === 'metric')
          out.push({ key: i.key, metric: i.source.metric, assessors: [] });
        else {
          const w = i.source.weights ?? framework.assessmentWeights ?? {};
          out.push({
            key: i.key,
            metric: null,
            assessors: ASSESSOR_KINDS.filter((k) => (w[k] ?? 0) > 0),
          });
        }
      }
  return out;
}

/** The inputs the engine will find missing, per community and indicator. */
export function missingInputs(input: RatingInput): RatingMissingInput[] {
  const needs = indicatorNeeds(input.framework);
  const out: RatingMissingInput[] = [];
  for (const c of input.communities)
    for (const n of needs) {
      if (n.metric !== null) {
        const v = (c.metrics as Record<string, number | null | undefined> | undefined)?.[n.metric];
        if (v === null || v === undefined)
          out.push({ communityId: c.id, indicatorKey: n.key, source: 'metric', metric: n.metric });
      } else {
        const scores = c.assessments?.[n.key];
        const lacking = n.assessors.filter((k) => !scores?.[k]);
        if (lacking.length > 0)
          out.push({
            communityId: c.id,
            indicatorKey: n.key,
            source: 'assessment',
            assessors: lacking,
          });
      }
    }
  return out;
}

export interface FreezeRows {
  year: number;
  ratingDate: string;
  framework: { id: string; key: string; version: string; sample: boolean; definition: Framework };
  policy: RatingPolicy;
  communities: RunCommunityRow[];
  figures: Map<string, Record<string, MetricFigure>>;
  assessments: SubmittedAssessmentRow[];
  disqualifications: DisqualificationRow[];
  previousGrades: PreviousGradeRow[];
}

/** The engine's input and the facts behind it, from what a freeze read. */
export function assemble(rows: FreezeRows): { input: RatingInput; facts: RatingSnapshotFacts } {
  const needs = indicatorNeeds(rows.framework.definition);
  const metricKeys = [...new Set(needs.flatMap((n) => (n.metric ? [n.metric] : [])))];
  const weighed = new Map(needs.filter((n) => n.metric === null).map((n) => [n.key, n.assessors]));
  const previous = new Map(rows.previousGrades.map((g) => [g.communityId, g]));
  const disq = new Map(rows.disqualifications.map((d) => [d.communityId, d]));
  const byCommunity = new Map<string, SubmittedAssessmentRow[]>();
  for (const a of rows.assessments) {
    const list = byCommunity.get(a.communityId);
    if (list) list.push(a);
    else byCommunity.set(a.communityId, [a]);
  }
  const facts: RatingSnapshotFacts = {
    period: { from: `${rows.year}-01-01`, to: `${rows.year}-12-31` },
    framework: {
      id: rows.framework.id,
      key: rows.framework.key,
      version: rows.framework.version,
      sample: rows.framework.sample,
    },
    communities: {},
    assessments: {},
    disqualifications: rows.disqualifications.map((d) => ({ ...d })),
    missing: [],
    corrections: [],
  };
  const communities: CommunityInput[] = rows.communities.map((c) => {
    const figures = rows.figures.get(c.id) ?? {};
    const prev = previous.get(c.id);
    facts.communities[c.id] = {
      name: c.name,
      nameEn: c.nameEn,
      code: c.code,
      streetId: c.streetId,
      streetName: c.streetName,
      streetNameEn: c.streetNameEn,
      firstElectedOn: c.firstElectedOn,
      previousGrade: prev?.grade ?? null,
      previousGradeSource: prev?.source ?? null,
      metrics: figures,
    };
    const metrics: Record<string, number | null> = {};
    for (const k of metricKeys) metrics[k] = figures[k]?.value ?? null;
    const assessments: CommunityInput['assessments'] = {};
    const factAssessments: RatingSnapshotFacts['assessments'][string] = {};
    for (const a of byCommunity.get(c.id) ?? []) {
      const kinds = weighed.get(a.indicatorKey);
      // Only the kinds an assessed indicator of this framework weighs go to the engine.
      if (!kinds?.includes(a.assessorKind as RatingAssessorKind)) continue;
      const kind = a.assessorKind as RatingAssessorKind;
      (assessments[a.indicatorKey] ??= {})[kind] = { score: a.score, evidence: [a.id] };
      (factAssessments[a.indicatorKey] ??= {})[kind] = {
        assessmentId: a.id,
        score: a.score,
        enteredByName: a.enteredByName,
        submittedAt: new Date(a.submittedAt).toISOString(),
        evidenceCount: a.evidenceCount,
      };
    }
    if (Object.keys(factAssessments).length > 0) facts.assessments[c.id] = factAssessments;
    const d = disq.get(c.id);
    const out: CommunityInput = {
      id: c.id,
      name: c.name,
      firstElectedOn: c.firstElectedOn,
      previousGrade: prev?.grade ?? null,
      metrics: metrics as CommunityInput['metrics'],
      assessments,
    };
    if (d) out.disqualification = { reason: d.what, reference: d.noticeReference };
    return out;
  });
  const input: RatingInput = {
    year: rows.year,
    ratingDate: rows.ratingDate,
    framework: rows.framework.definition,
    policy: rows.policy,
    communities,
  };
  facts.missing = missingInputs(input);
  return { input, facts };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** What differs between two inputs, community by community. */
export function inputChanges(before: RatingInput, after: RatingInput): RatingInputChange[] {
  const out: RatingInputChange[] = [];
  const old = new Map(before.communities.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const c of after.communities) {
    seen.add(c.id);
    const o = old.get(c.id);
    if (!o) {
      out.push({ communityId: c.id, path: 'community', from: null, to: c.name ?? c.id });
      continue;
    }
    for (const field of ['firstElectedOn', 'previousGrade', 'disqualification'] as const)
      if (!same(o[field], c[field]))
        out.push({ communityId: c.id, path: field, from: o[field] ?? null, to: c[field] ?? null });
    const om = (o.metrics ?? {}) as Record<string, unknown>;
    const cm = (c.metrics ?? {}) as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(om), ...Object.keys(cm)])].sort())
      if (!same(om[k], cm[k]))
        out.push({
          communityId: c.id,
          path: `metrics.${k}`,
          from: om[k] ?? null,
          to: cm[k] ?? null,
        });
    const oa = o.assessments ?? {};
    const ca = c.assessments ?? {};
    for (const ind of [...new Set([...Object.keys(oa), ...Object.keys(ca)])].sort())
      for (const kind of ASSESSOR_KINDS) {
        const from = oa[ind]?.[kind]?.score ?? null;
        const to = ca[ind]?.[kind]?.score ?? null;
        if (from !== to)
          out.push({ communityId: c.id, path: `assessments.${ind}.${kind}`, from, to });
      }
  }
  for (const o of before.communities)
    if (!seen.has(o.id))
      out.push({ communityId: o.id, path: 'community', from: o.name ?? o.id, to: null });
  return out;
}

/** Communities whose total, rank, grade or status moved between two results. */
export function resultMoves(before: RatingResult, after: RatingResult): RatingResultMove[] {
  const pick = (c: RatingResult['communities'][number]) => ({
    total: c.total,
    rank: c.rank,
    grade: c.grade,
    status: c.status,
  });
  const old = new Map(before.communities.map((c) => [c.id, c]));
  const out: RatingResultMove[] = [];
  const seen = new Set<string>();
  for (const c of after.communities) {
    seen.add(c.id);
    const o = old.get(c.id);
    const a = pick(c);
    const b = o ? pick(o) : null;
    if (!b || !same(a, b))
      out.push({ communityId: c.id, name: c.name ?? null, before: b, after: a });
  }
  for (const o of before.communities)
    if (!seen.has(o.id))
      out.push({ communityId: o.id, name: o.name ?? null, before: pick(o), after: null });
  return out;
}

export { isMetricKey };
