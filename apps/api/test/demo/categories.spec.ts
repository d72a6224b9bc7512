import { CASE_KINDS, SLA_UNITS } from '@baitong/contracts';
import { describe, expect, it } from 'vitest';
import { CATEGORY_PROFILES, MEDIATION_PROFILES } from '../../src/demo/case-texts';
import { DEMO_CATEGORIES, demoCategory } from '../../src/demo/categories';

describe('DEMO_CATEGORIES', () => {
  it('has unique codes and about 25–35 entries across all four kinds', () => {
    const codes = DEMO_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(25);
    expect(codes.length).toBeLessThanOrEqual(35);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(DEMO_CATEGORIES.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
  });

  it('names every category in Chinese and English', () => {
    for (const c of DEMO_CATEGORIES) {
      expect(c.nameZh.trim()).not.toBe('');
      expect(c.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.nameEn.trim()).not.toBe('');
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it('carries positive, realistic SLA targets', () => {
    for (const c of DEMO_CATEGORIES) {
      expect(c.acceptWithinMinutes).toBeGreaterThanOrEqual(15);
      expect(c.acceptWithinMinutes).toBeLessThanOrEqual(60);
      expect(SLA_UNITS).toContain(c.resolveWithin.unit);
      expect(Number.isInteger(c.resolveWithin.value)).toBe(true);
      expect(c.resolveWithin.value).toBeGreaterThan(0);
      const { unit, value } = c.resolveWithin;
      if (c.kind === 'inquiry')
        expect([unit, value >= 2 && value <= 4]).toEqual(['open_hours', true]);
      if (c.kind === 'affair')
        expect([unit, value >= 1 && value <= 5]).toEqual(['working_days', true]);
      if (c.kind === 'dispute')
        expect([unit, value >= 5 && value <= 10]).toEqual(['working_days', true]);
      if (c.kind === 'concern') {
        const ok = unit === 'open_hours' ? value >= 4 && value <= 24 : value >= 2 && value <= 3;
        expect(ok, c.code).toBe(true);
      }
    }
  });

  it('requires follow-ups for every dispute and most concerns', () => {
    const of = (kind: string) => DEMO_CATEGORIES.filter((c) => c.kind === kind);
    expect(of('dispute').every((c) => c.followUpRequired)).toBe(true);
    const concerns = of('concern');
    expect(concerns.filter((c) => c.followUpRequired).length / concerns.length).toBeGreaterThan(
      0.6,
    );
    expect(of('affair').some((c) => c.followUpRequired)).toBe(true);
    expect(of('affair').some((c) => !c.followUpRequired)).toBe(true);
    // Public-area matters are concerns, e.g. a broken stairwell light.
    expect(demoCategory('stair_light').publicArea).toBe(true);
    expect(DEMO_CATEGORIES.filter((c) => c.publicArea).every((c) => c.kind === 'concern')).toBe(
      true,
    );
  });

  it('has one to three bilingual reply templates per category', () => {
    for (const c of DEMO_CATEGORIES) {
      expect(c.replyTemplates.length).toBeGreaterThanOrEqual(1);
      expect(c.replyTemplates.length).toBeLessThanOrEqual(3);
      for (const t of c.replyTemplates) {
        expect(t.titleZh).toMatch(/[\u4e00-\u9fff]/);
        expect(t.bodyZh).toMatch(/[\u4e00-\u9fff]/);
        expect(t.titleEn).toMatch(/^[A-Z]/);
        expect(t.bodyEn.length).toBeGreaterThan(40);
        expect(t.bodyEn).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('covers the matters the brief names', () => {
    const names = DEMO_CATEGORIES.map((c) => c.nameZh).join(' ');
    for (const word of [
      '居住证',
      '高龄津贴',
      '医保',
      '低保',
      '残疾人证',
      '老年人优待证',
      '独生子女',
      '居住证明',
      '社保',
      '就业创业',
      '签证',
      '入学',
      '楼道灯',
      '噪音',
      '垃圾',
      '占道停车',
      '绿化',
      '电梯',
      '漏水',
      '安全隐患',
      '建议',
      '邻里纠纷',
      '物业纠纷',
      '家庭矛盾',
      '劳资纠纷',
    ]) {
      expect(names, word).toContain(word);
    }
    expect(() => demoCategory('nope')).toThrow(RangeError);
  });

  it('gives every category a generation profile, and every dispute a mediation profile', () => {
    for (const c of DEMO_CATEGORIES) {
      const p = CATEGORY_PROFILES[c.code];
      expect(p, c.code).toBeDefined();
      if (!p) continue;
      expect(p.weight).toBeGreaterThan(0);
      expect(p.matters.length).toBeGreaterThanOrEqual(2);
      if (p.season) expect(p.season).toHaveLength(12);
      for (const m of p.matters) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        if (m.en !== undefined) expect(m.en).not.toMatch(/[\u4e00-\u9fff]/);
        if (p.foreignOnly) expect(m.en, m.zh).toBeDefined();
        // Disputes end in an agreement; everything else in what staff did.
        if (c.kind === 'dispute') expect(m.agreement, m.zh).toBeDefined();
        else expect(m.fixes?.length, m.zh).toBeGreaterThan(0);
        // A matter that names a place has places to name.
        if (m.zh.includes('{place}')) expect(m.places ?? p.places, m.zh).toBeDefined();
      }
      if (c.publicArea) expect(p.places?.length, c.code).toBeGreaterThan(0);
      expect(MEDIATION_PROFILES[c.code] !== undefined).toBe(c.kind === 'dispute');
    }
    expect(Object.keys(CATEGORY_PROFILES).sort()).toEqual(
      DEMO_CATEGORIES.map((c) => c.code).sort(),
    );
  });
});
