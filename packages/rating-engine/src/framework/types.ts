import type { MetricKey } from '../metrics.js';

/** Who scores an assessment-sourced indicator. */
export const ASSESSOR_KINDS = [
  'district_inspection',
  'third_party_monitoring',
  'street_cross_inspection',
] as const;

/** One of {@link ASSESSOR_KINDS}: 区级部门现场查验, 第三方机构监测, 街道交叉查验. */
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

/** A name in Chinese and English. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Relative weights of assessor kinds; the combined score is the weighted mean of those present. */
export type AssessmentWeights = Partial<Record<AssessorKind, number>>;

/** Full points at or beyond `fullAt`, none at or before `zeroAt`, a straight line between. */
export interface LinearRule {
  type: 'linear';
  zeroAt: number;
  fullAt: number;
}

/** A value range `[min, max)` (min inclusive, max exclusive; a missing bound is open) and its points. */
export interface Band {
  min?: number;
  max?: number;
  points: number;
}

/** The points of the band the value falls in; no band, no points. */
export interface BandsRule {
  type: 'bands';
  bands: Band[];
}

/** Full points when the metric is 1 (or 0 with `invert`); the metric must be 0 or 1. */
export interface BooleanRule {
  type: 'boolean';
  invert?: boolean;
}

/** Full points when the value is at least `atLeast` and/or at most `atMost`, otherwise none. */
export interface ThresholdRule {
  type: 'threshold';
  atLeast?: number;
  atMost?: number;
}

/** How a metric value becomes points. */
export type ScoringRule = LinearRule | BandsRule | BooleanRule | ThresholdRule;

/** The rule types, in the order they are documented. */
export const RULE_TYPES = ['linear', 'bands', 'boolean', 'threshold'] as const;

/** Scored from a metric the API derives. */
export interface MetricSource {
  kind: 'metric';
  metric: MetricKey;
  rule: ScoringRule;
}

/**
 * Scored by assessors on a 0..`scale` scale (default: the indicator's points), combined by
 * `weights` (default: the framework's `assessmentWeights`).
 */
export interface AssessmentSource {
  kind: 'assessment';
  weights?: AssessmentWeights;
  scale?: number;
}

export type IndicatorSource = MetricSource | AssessmentSource;

/** A third-level indicator (三级指标), worth `points`. */
export interface Indicator {
  key: string;
  name: LocalizedText;
  points: number;
  source: IndicatorSource;
}

/** A second-level aspect (方面/二级指标); declared `points`, when given, must equal its indicators' sum. */
export interface Aspect {
  key: string;
  name: LocalizedText;
  points?: number;
  indicators: Indicator[];
}

/** A first-level section (板块/一级指标); declared `points`, when given, must equal its aspects' sum. */
export interface Section {
  key: string;
  name: LocalizedText;
  points?: number;
  aspects: Aspect[];
}

/**
 * A versioned grading framework: sections → aspects → indicators whose points add up to
 * `totalPoints` (default 100). Keys are unique across all three levels.
 */
export interface Framework {
  id: string;
  version: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** The first rating year the framework applies to. */
  effectiveYear: number;
  totalPoints?: number;
  /** True for the shipped samples, which the bureau replaces with the real indicator list. */
  sample?: boolean;
  assessmentWeights?: AssessmentWeights;
  sections: Section[];
}
