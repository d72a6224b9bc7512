import { toCents } from '../points.js';
import {
  ASSESSOR_KINDS,
  type AssessmentWeights,
  type AssessorKind,
  type Framework,
  type IndicatorSource,
} from './types.js';

export type NodeLevel = 'section' | 'aspect' | 'indicator';

export interface CompiledIndicator {
  key: string;
  index: number;
  sectionIndex: number;
  aspectIndex: number;
  maxCents: number;
  source: IndicatorSource;
  // For assessments: the assessor kinds with a weight, in ASSESSOR_KINDS order.
  weights: Array<{ assessor: AssessorKind; weight: number }>;
  // For assessments: the weights as declared (shared by every explanation of the indicator).
  declaredWeights: AssessmentWeights;
  weightSum: number;
  // For assessments: the top of the assessors' scale.
  scale: number;
}

// A validated framework flattened into indexed arrays, so scoring works on plain integers.
export interface CompiledFramework {
  framework: Framework;
  totalCents: number;
  sections: Array<{ key: string; maxCents: number; aspects: number[] }>;
  aspects: Array<{ key: string; maxCents: number; sectionIndex: number; indicators: number[] }>;
  indicators: CompiledIndicator[];
  nodes: Map<string, { level: NodeLevel; index: number }>;
}

export function compileFramework(framework: Framework): CompiledFramework {
  const compiled: CompiledFramework = {
    framework,
    totalCents: toCents(framework.totalPoints ?? 100),
    sections: [],
    aspects: [],
    indicators: [],
    nodes: new Map(),
  };
  framework.sections.forEach((section, sectionIndex) => {
    const sectionNode = { key: section.key, maxCents: 0, aspects: [] as number[] };
    compiled.nodes.set(section.key, { level: 'section', index: sectionIndex });
    for (const aspect of section.aspects) {
      const aspectIndex = compiled.aspects.length;
      const aspectNode = { key: aspect.key, maxCents: 0, sectionIndex, indicators: [] as number[] };
      compiled.nodes.set(aspect.key, { level: 'aspect', index: aspectIndex });
      for (const indicator of aspect.indicators) {
        const index = compiled.indicators.length;
        const maxCents = toCents(indicator.points);
        const source = indicator.source;
        const declared =
          source.kind === 'assessment' ? (source.weights ?? framework.assessmentWeights ?? {}) : {};
        const weights = ASSESSOR_KINDS.flatMap((assessor) => {
          const weight = declared[assessor];
          return weight === undefined ? [] : [{ assessor, weight }];
        });
        compiled.indicators.push({
          key: indicator.key,
          index,
          sectionIndex,
          aspectIndex,
          maxCents,
          source,
          weights,
          declaredWeights: declared,
          weightSum: weights.reduce((sum, w) => sum + w.weight, 0),
          scale: source.kind === 'assessment' ? (source.scale ?? indicator.points) : 0,
        });
        compiled.nodes.set(indicator.key, { level: 'indicator', index });
        aspectNode.indicators.push(index);
        aspectNode.maxCents += maxCents;
      }
      sectionNode.aspects.push(aspectIndex);
      sectionNode.maxCents += aspectNode.maxCents;
      compiled.aspects.push(aspectNode);
    }
    compiled.sections.push(sectionNode);
  });
  return compiled;
}

/** The number of sections, aspects and indicators, and the total points. */
export interface FrameworkShape {
  sections: number;
  aspects: number;
  indicators: number;
  metricIndicators: number;
  assessmentIndicators: number;
  totalPoints: number;
}

/** Counts the nodes of a (validated) framework. */
export function frameworkShape(framework: Framework): FrameworkShape {
  const indicators = framework.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const metricIndicators = indicators.filter((i) => i.source.kind === 'metric').length;
  return {
    sections: framework.sections.length,
    aspects: framework.sections.reduce((n, s) => n + s.aspects.length, 0),
    indicators: indicators.length,
    metricIndicators,
    assessmentIndicators: indicators.length - metricIndicators,
    totalPoints: framework.totalPoints ?? 100,
  };
}
