import { ASSESSOR_KINDS } from './framework/types.js';
import { formatCents, formatNumber, toCents } from './points.js';
import type { RatingResult } from './result.js';
import { ruleFormula, scoreRule } from './rules/index.js';
import type { IndicatorScore } from './score.js';

/**
 * The computation behind an indicator's points as one line of arithmetic, rebuilt from the
 * numbers it carries: `(0.985 - 0.61) / (0.98 - 0.61) = 1.0135 (capped at 1); 1 x 2.00 = 2.00`,
 * `(0.4 x 18 + 0.4 x 19 + 0.2 x 17) / 1 = 18.2 of 20; 0.91 x 20.00 = 18.20`. Results carry
 * numbers, not prose; this renders them for people (the CLI's `--formulas`, exports).
 */
export function indicatorFormula(indicator: IndicatorScore): string {
  const explanation = indicator;
  const maxCents = toCents(indicator.maxPoints);
  if (explanation.source === 'metric') {
    if (explanation.value === null) return `${explanation.metric} missing; 0.00`;
    const outcome = scoreRule(explanation.rule, explanation.value, maxCents);
    return ruleFormula(explanation.rule, explanation.value, maxCents, outcome);
  }
  if (explanation.weightedScore === null || explanation.share === null) {
    return `no score from ${explanation.missingAssessors.join(', ')}; 0.00`;
  }
  const terms: string[] = [];
  let weightSum = 0;
  for (const assessor of ASSESSOR_KINDS) {
    const weight = explanation.weights[assessor];
    const score = explanation.scores[assessor]?.score;
    if (weight === undefined || score === undefined) continue;
    terms.push(`${weight} x ${score}`);
    weightSum += weight;
  }
  return (
    `(${terms.join(' + ')}) / ${formatNumber(weightSum)} = ${formatNumber(explanation.weightedScore)} of ${explanation.scale}; ` +
    `${formatNumber(explanation.share)} x ${formatCents(maxCents)} = ${formatCents(toCents(indicator.points))}`
  );
}

/** An indicator score that carries its formula. */
export type IndicatorScoreWithFormula = IndicatorScore & { formula: string };

/** A copy of a result with `formula` added to every indicator. */
export function withFormulas(result: RatingResult): RatingResult {
  return {
    ...result,
    communities: result.communities.map((community) => ({
      ...community,
      sections: community.sections.map((section) => ({
        ...section,
        aspects: section.aspects.map((aspect) => ({
          ...aspect,
          indicators: aspect.indicators.map((indicator): IndicatorScoreWithFormula => ({
            ...indicator,
            formula: indicatorFormula(indicator),
          })),
        })),
      })),
    })),
  };
}
