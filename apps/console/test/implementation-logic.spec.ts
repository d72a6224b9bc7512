import { describe, expect, it } from 'vitest';
import {
  daysLate,
  distributionRows,
  milestoneState,
  milestonesInOrder,
  percent,
} from '@/utils/implementation';
import { makeMilestone } from './meeting-fixtures';

describe('milestones', () => {
  it('are overdue from the day after their planned day until done', () => {
    const m = makeMilestone({ plannedOn: '2026-12-20' });
    expect(milestoneState(m, '2026-12-19')).toBe('planned');
    expect(milestoneState(m, '2026-12-20')).toBe('due_today');
    expect(milestoneState(m, '2026-12-21')).toBe('overdue');
    expect(daysLate(m, '2026-12-23')).toBe(3);
    expect(daysLate(m, '2026-12-20')).toBe(0);
  });

  it('are never overdue once done, however late', () => {
    const m = makeMilestone({ plannedOn: '2026-12-01', doneAt: '2026-12-10T03:00:00Z' });
    expect(milestoneState(m, '2026-12-20')).toBe('done');
    expect(daysLate(m, '2026-12-20')).toBe(0);
  });

  it('count across a month end', () => {
    expect(daysLate(makeMilestone({ plannedOn: '2026-11-29' }), '2026-12-02')).toBe(3);
  });

  it('are listed in planned order', () => {
    const list = milestonesInOrder([
      makeMilestone({ id: 'b', plannedOn: '2027-01-10' }),
      makeMilestone({ id: 'a', plannedOn: '2026-12-20' }),
    ]);
    expect(list.map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('the evaluation result', () => {
  it('lists the five levels in scale order with their share of the rated answers', () => {
    const rows = distributionRows({
      asked: 12,
      rated: 10,
      distribution: {
        very_satisfied: 6,
        satisfied: 2,
        basically_satisfied: 1,
        dissatisfied: 1,
        very_dissatisfied: 0,
      },
      satisfiedShare: 0.9,
      closedBy: 'window_passed',
      evaluatedAt: '2026-12-20T00:00:00Z',
    });
    expect(rows.map((r) => [r.level, r.count, r.share])).toEqual([
      ['very_satisfied', 6, 0.6],
      ['satisfied', 2, 0.2],
      ['basically_satisfied', 1, 0.1],
      ['dissatisfied', 1, 0.1],
      ['very_dissatisfied', 0, 0],
    ]);
  });

  it('shows shares as percents with one decimal in both languages', () => {
    expect(percent(0.9, 'zh-CN')).toBe('90.0%');
    expect(percent(0.9944, 'en')).toBe('99.4%');
  });
});
