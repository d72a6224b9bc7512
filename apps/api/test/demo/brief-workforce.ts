import { expect } from 'vitest';
import { ROSTER_TARGETS } from '../../src/demo/roster';

export interface WorkforceFigures {
  attrition: number;
  pay: number;
  certified: number;
  bachelor: number;
  age: number;
}

/**
 * BRIEF's before/after table for the workforce, 2018 against the last full year: within a point,
 * 100 yuan or a year of each figure.
 */
export function expectBriefWorkforce(before: WorkforceFigures, after: WorkforceFigures): void {
  const within = { attrition: 0.01, pay: 100, certified: 0.01, bachelor: 0.01, age: 1 };
  for (const key of Object.keys(within) as (keyof WorkforceFigures)[]) {
    const [was, is] = ROSTER_TARGETS[key];
    expect(Math.abs(before[key] - was), `${key} in 2018`).toBeLessThan(within[key]);
    expect(Math.abs(after[key] - is), `${key} in the last full year`).toBeLessThan(within[key]);
  }
}
