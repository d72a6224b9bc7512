import { GRADES, type Grade } from './policy.js';

// A rated community's standing: total first, then the policy's tie-breakers, all in cents.
export interface Standing {
  id: string;
  totalCents: number;
  tie: number[];
}

// Orders scores best first: total, then each tie-breaker; 0 when tied.
export function compareScores(a: Standing, b: Standing): number {
  if (a.totalCents !== b.totalCents) return b.totalCents - a.totalCents;
  for (let i = 0; i < a.tie.length; i++) {
    const difference = (b.tie[i] ?? 0) - (a.tie[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

// Orders standings best first; equal standings by id, which orders but never splits a tie.
export function compareStandings(a: Standing, b: Standing): number {
  return compareScores(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function tied(a: Standing, b: Standing): boolean {
  return compareScores(a, b) === 0;
}

// Where grade assignment stands before the next group: the open grade and the places it used.
export interface GradeState {
  gradeIndex: number;
  used: number;
}

/** A tie group that did not fit the grade it could otherwise reach, and so took a lower one. */
export interface BoundaryTie {
  missedGrade: Grade;
  tiedCount: number;
}

export interface Placement {
  grade: Grade | null;
  belowMinimum: boolean;
  boundaryTie: BoundaryTie | null;
  next: GradeState;
}

export const START: GradeState = { gradeIndex: 0, used: 0 };

// Places a group of equal standings. Grades are handed out from the top; a group that would
// overflow the open grade's cap takes the next lower grade as a whole (so equal standings on a
// quota boundary both take the lower grade), and that grade is closed to later groups.
export function placeGroup(
  state: GradeState,
  size: number,
  totalCents: number,
  caps: readonly number[],
  minimumCents: number,
): Placement {
  if (totalCents < minimumCents) {
    return { grade: null, belowMinimum: true, boundaryTie: null, next: state };
  }
  let { gradeIndex, used } = state;
  let missed: Grade | null = null;
  while (gradeIndex < GRADES.length && used + size > (caps[gradeIndex] ?? 0)) {
    if (missed === null && used < (caps[gradeIndex] ?? 0)) missed = GRADES[gradeIndex] ?? null;
    gradeIndex += 1;
    used = 0;
  }
  const grade = GRADES[gradeIndex] ?? null;
  return {
    grade,
    belowMinimum: false,
    boundaryTie: missed === null ? null : { missedGrade: missed, tiedCount: size },
    next: { gradeIndex, used: grade === null ? 0 : used + size },
  };
}

export interface Graded {
  standing: Standing;
  rank: number;
  placement: Placement;
}

export function groupStandings(sorted: readonly Standing[]): Standing[][] {
  const groups: Standing[][] = [];
  let current: Standing[] = [];
  for (const standing of sorted) {
    const first = current[0];
    if (first !== undefined && !tied(first, standing)) {
      groups.push(current);
      current = [];
    }
    current.push(standing);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

// Ranks (1, 2, 2, 4 …) and grades sorted standings under the caps and the minimum score.
export function gradeStandings(
  sorted: readonly Standing[],
  caps: readonly number[],
  minimumCents: number,
): Graded[] {
  const result: Graded[] = [];
  let state = START;
  for (const group of groupStandings(sorted)) {
    const first = group[0];
    if (first === undefined) continue;
    const placement = placeGroup(state, group.length, first.totalCents, caps, minimumCents);
    state = placement.next;
    const rank = result.length + 1;
    for (const standing of group) result.push({ standing, rank, placement });
  }
  return result;
}
