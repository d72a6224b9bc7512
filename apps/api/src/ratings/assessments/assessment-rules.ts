import type { RatingAssessorKind } from '@baitong/contracts';
import type { Framework, Indicator } from '@baitong/rating-engine';
import type { Actor } from '../../auth/actor';

/**
 * Who scores as which assessor kind: the bureau's staff are the district inspectors, the monitor
 * is the third-party monitor, a street admin cross-inspects the communities its street was given
 * in the plan (never its own). Nobody else scores.
 */
export function assessorKindOf(a: Actor): RatingAssessorKind | null {
  if (a.kind !== 'staff') return null;
  const kinds: Partial<Record<Actor['role'], RatingAssessorKind>> = {
    bureau_admin: 'district_inspection',
    monitor: 'third_party_monitoring',
    street_admin: 'street_cross_inspection',
  };
  return kinds[a.role] ?? null;
}

export interface FrameworkIndicator {
  indicator: Indicator;
  sectionKey: string;
  sectionName: { zh: string; en: string };
  aspectKey: string;
  aspectName: { zh: string; en: string };
}

/** Every indicator of a framework, in order, with its section and aspect. */
export function indicatorsOf(fw: Framework): FrameworkIndicator[] {
  return fw.sections.flatMap((s) =>
    s.aspects.flatMap((a) =>
      a.indicators.map((indicator) => ({
        indicator,
        sectionKey: s.key,
        sectionName: s.name,
        aspectKey: a.key,
        aspectName: a.name,
      })),
    ),
  );
}

/** The assessor kinds that score an assessed indicator (its weights, else the framework's). */
export function kindsOf(fw: Framework, ind: Indicator): RatingAssessorKind[] {
  if (ind.source.kind !== 'assessment') return [];
  const weights = ind.source.weights ?? fw.assessmentWeights ?? {};
  return (Object.keys(weights) as RatingAssessorKind[]).filter((k) => weights[k] !== undefined);
}

/** Scores of an assessed indicator run from 0 to its scale (by default its points). */
export function scaleOf(ind: Indicator): number {
  return ind.source.kind === 'assessment' ? (ind.source.scale ?? ind.points) : 0;
}

/** The next free version string of an edited locked version: `2022.1` → `2022.1-r2`, `-r3` … */
export function bumpedVersion(version: string, taken: ReadonlySet<string>): string {
  const base = version.replace(/-r\d+$/, '');
  for (let n = 2; ; n++) {
    const next = `${base}-r${n}`.slice(0, 64);
    if (!taken.has(next)) return next;
  }
}
