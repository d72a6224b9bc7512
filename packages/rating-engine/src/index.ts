// The public API of the rating engine: pure functions over plain data, no I/O and no clock.

export {
  METRIC_KEYS,
  METRIC_UNITS,
  isMetricKey,
  type MetricKey,
  type MetricUnit,
} from './metrics.js';
export {
  ASSESSOR_KINDS,
  RULE_TYPES,
  type Aspect,
  type AssessmentSource,
  type AssessmentWeights,
  type AssessorKind,
  type Band,
  type BandsRule,
  type BooleanRule,
  type Framework,
  type Indicator,
  type IndicatorSource,
  type LinearRule,
  type LocalizedText,
  type MetricSource,
  type ScoringRule,
  type Section,
  type ThresholdRule,
} from './framework/types.js';
export { parseFramework, validateFramework } from './framework/validate.js';
export { frameworkShape, type FrameworkShape } from './framework/compile.js';
export {
  DEFAULT_POLICY,
  GRADES,
  gradeLevel,
  validatePolicy,
  type Grade,
  type PolicyOverrides,
  type RatingPolicy,
  type TieBreaker,
} from './policy.js';
export { validateCommunityInputs, validateRatingInput } from './validate-input.js';
export type {
  AssessmentScore,
  AssessorScores,
  CommunityInput,
  Disqualification,
  PreviousGrade,
  RatingInput,
} from './input.js';
export { rate } from './rate.js';
export { indicatorFormula, withFormulas, type IndicatorScoreWithFormula } from './formula.js';
export { whatIf, type WhatIfChange, type WhatIfOption, type WhatIfResult } from './what-if.js';
export type {
  AspectResult,
  CommunityResult,
  CommunityStatus,
  GradeDecision,
  GradeDecisionReason,
  Movement,
  NoGrade,
  QuotaFill,
  QuotaResult,
  RatingResult,
  RunSummary,
  RunWarning,
  RunWarningCode,
  ScoreDistribution,
  SectionResult,
} from './result.js';
export type {
  AssessmentIndicatorScore,
  IndicatorScore,
  MetricIndicatorScore,
  MissingInput,
} from './score.js';
export type { BoundaryTie } from './grading.js';
export type { RuleOutcomeCode, ValueTarget } from './rules/index.js';
export type { IssueCode, Validation, ValidationIssue } from './validation.js';
export { RatingValidationError, UnknownCommunityError } from './errors.js';
export { SAMPLE_FRAMEWORKS, sampleFramework2018, sampleFramework2022 } from './samples/index.js';
export { ENGINE } from './version.js';
