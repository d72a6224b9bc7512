import { describe, expect, it } from 'vitest';
import {
  SPRING_FESTIVAL_EVES,
  addDays,
  daysBetween,
  nextSpringFestivalEve,
  shanghaiInstant,
} from '../../src/demo/dates';
import {
  DEMO_ACCOUNTS,
  DEMO_RESIDENT_NAME,
  DEMO_RESIDENT_PHONE,
  REGISTRATION_WINDOW_DAYS,
  generateDemoOrg,
  type DemoOrg,
} from '../../src/demo/demo-org';
import { distanceMeters, insideLiangjiang } from '../../src/demo/geo';
import { MOBILE_RE, isValidResidentId } from '../../src/demo/ids';

const REF = '2026-11-27';
const org = generateDemoOrg({ referenceDate: REF });

const byKey = <T extends { key: string }>(items: T[]): Map<string, T> =>
  new Map(items.map((x) => [x.key, x]));
const communities = byKey(org.communities);
const compounds = byKey(org.compounds);
const desks = byKey(org.desks);
const grids = byKey(org.grids);
const streets = byKey(org.streets);

function get<T>(map: Map<string, T>, key: string | null | undefined): T {
  const value = key == null ? undefined : map.get(key);
  if (value === undefined) throw new Error(`no ${String(key)}`);
  return value;
}
const community = (name: string) => {
  const c = org.communities.find((x) => x.name === name);
  if (!c) throw new Error(`no community ${name}`);
  return c;
};
const of = <T extends { communityKey: string }>(items: T[], key: string): T[] =>
  items.filter((x) => x.communityKey === key);
const staffNamed = (username: string) => {
  const s = org.staff.find((x) => x.username === username);
  if (!s) throw new Error(`no staff ${username}`);
  return s;
};
const isAllDay = (d: DemoOrg['desks'][number]) =>
  d.weeklyHours.every(
    (w) =>
      w.intervals.length === 1 &&
      w.intervals[0]?.opens === '00:00' &&
      w.intervals[0]?.closes === '24:00',
  );

describe('generateDemoOrg', () => {
  it('is deterministic: same options, deep-equal output', () => {
    expect(generateDemoOrg({ referenceDate: REF })).toEqual(org);
    expect(generateDemoOrg({ referenceDate: REF, seed: 7 })).toEqual(
      generateDemoOrg({ referenceDate: REF, seed: 7 }),
    );
  });

  it('varies with the seed but keeps the district shape', () => {
    const other = generateDemoOrg({ referenceDate: REF, seed: 7 });
    expect(other.staff.map((s) => s.displayName)).not.toEqual(org.staff.map((s) => s.displayName));
    expect(other.communities.map((c) => c.name)).toEqual(org.communities.map((c) => c.name));
    expect(of(other.compounds, 'cuiyulu').map((c) => c.name)).toEqual(
      of(org.compounds, 'cuiyulu').map((c) => c.name),
    );
  });

  it('keeps the organisation and staff when only the number of residents changes', () => {
    const small = generateDemoOrg({ referenceDate: REF, residentsPerCommunity: 5 });
    const { residents: _a, ...structure } = org;
    const { residents, ...smallStructure } = small;
    expect(smallStructure).toEqual(structure);
    expect(residents.filter((r) => !r.foreign)).toHaveLength(55 * 5);
    expect(residents.filter((r) => r.foreign).length).toBeGreaterThanOrEqual(27);
  });

  it('generates the whole district in under 200 ms', () => {
    // Best of three warm runs, so a busy CI machine does not make it flaky.
    const times = [1, 2, 3].map((seed) => {
      const started = performance.now();
      generateDemoOrg({ referenceDate: '2027-03-02', seed });
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(200);
  });

  it('rejects invalid options', () => {
    expect(() => generateDemoOrg({ referenceDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoOrg({ referenceDate: '27/11/2026' })).toThrow(RangeError);
    expect(() => generateDemoOrg({ referenceDate: REF, residentsPerCommunity: 0 })).toThrow(
      RangeError,
    );
    expect(() => generateDemoOrg({ referenceDate: REF, seed: 1.5 })).toThrow(RangeError);
  });
});

describe('streets and communities', () => {
  it('has about eight streets of 两江新区 and exactly 55 communities', () => {
    expect(org.streets.length).toBeGreaterThanOrEqual(7);
    expect(org.streets.length).toBeLessThanOrEqual(10);
    expect(org.streets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        '翠云街道',
        '康美街道',
        '人和街道',
        '大竹林街道',
        '礼嘉街道',
        '鸳鸯街道',
        '天宫殿街道',
        '金山街道',
      ]),
    );
    expect(org.communities).toHaveLength(55);
    for (const s of org.streets)
      expect(org.communities.filter((c) => c.streetKey === s.key).length).toBeGreaterThanOrEqual(4);
  });

  it('places the three communities of the report in their streets', () => {
    expect(get(streets, community('翠渝路社区').streetKey).name).toBe('翠云街道');
    expect(get(streets, community('银竹苑社区').streetKey).name).toBe('康美街道');
    expect(get(streets, community('和睦路社区').streetKey).name).toBe('人和街道');
    expect(community('翠渝路社区')).toMatchObject({
      key: 'cuiyulu',
      nameEn: 'Cuiyu Road Community',
    });
    expect(community('银竹苑社区')).toMatchObject({
      key: 'yinzhuyuan',
      nameEn: 'Yinzhuyuan Community',
    });
    expect(community('和睦路社区')).toMatchObject({ key: 'hemulu', nameEn: 'Hemu Road Community' });
  });

  it('names communities plausibly, with pinyin English names (路 a Road) and ASCII slugs', () => {
    const title = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
    for (const c of org.communities) {
      expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,4}社区$/);
      expect(c.key).toMatch(/^[a-z]+$/);
      expect(c.nameEn).toBe(
        c.name.endsWith('路社区')
          ? `${title(c.key.slice(0, -2))} Road Community`
          : `${title(c.key)} Community`,
      );
      expect(c.address).toMatch(/^重庆市两江新区.+\d+号$/);
      // The same number on the same road, in English.
      const number = /(\d+)号$/.exec(c.address)![1];
      expect(c.addressEn).toMatch(
        new RegExp(`^No\\. ${number} [A-Z][a-z]+( [A-Z][a-z]+)*, Liangjiang New Area, Chongqing$`),
      );
    }
    expect(new Set(org.communities.map((c) => c.name)).size).toBe(55);
  });

  it('has realistic households and registered residents', () => {
    for (const c of org.communities) {
      expect(c.households).toBeGreaterThanOrEqual(1500);
      expect(c.households).toBeLessThanOrEqual(9000);
      expect(c.registeredResidents / c.households).toBeGreaterThanOrEqual(2.2);
      expect(c.registeredResidents / c.households).toBeLessThanOrEqual(2.8);
      const sum = of(org.compounds, c.key).reduce((a, x) => a + x.households, 0);
      expect(sum).toBe(c.households);
    }
    // Nearly 3,000 app registrations in half a year must be plausible in 银竹苑.
    expect(community('银竹苑社区').households).toBeGreaterThanOrEqual(7500);
  });

  it('gives the rating eligibility rule cases: never elected, elected within the year, long elected', () => {
    const elected = org.communities.map((c) => c.firstElectedOn);
    expect(elected.filter((d) => d === null)).toHaveLength(1);
    const ages = elected.filter((d): d is string => d !== null).map((d) => daysBetween(d, REF));
    for (const a of ages) expect(a).toBeGreaterThan(0);
    const recent = ages.filter((a) => a < 365);
    expect(recent.length).toBeGreaterThanOrEqual(2);
    expect(recent.length).toBeLessThanOrEqual(3);
    expect(ages.filter((a) => a >= 365 * 3).length).toBeGreaterThan(40);
    // Rated since 2018: the report's communities were elected long before.
    for (const name of ['翠渝路社区', '银竹苑社区', '和睦路社区'])
      expect(community(name).firstElectedOn! < '2017-01-01').toBe(true);
  });

  it('follows the reference date for the recent elections', () => {
    const later = generateDemoOrg({ referenceDate: '2028-06-30' });
    const recent = later.communities.filter(
      (c) => c.firstElectedOn && daysBetween(c.firstElectedOn, '2028-06-30') < 365,
    );
    expect(recent.length).toBeGreaterThanOrEqual(2);
  });
});

describe('compounds, desks and grids', () => {
  it('gives every community 2–6 compounds, 1–5 desks (6 in 翠渝路) and 2–6 grids', () => {
    for (const c of org.communities) {
      const n = of(org.compounds, c.key).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
      const d = of(org.desks, c.key);
      expect(d.length).toBeGreaterThanOrEqual(1);
      expect(d.length).toBeLessThanOrEqual(c.key === 'cuiyulu' ? 6 : 5);
      // The 2022 rule: all 55 communities have a 百通岗 at their office.
      expect(d.filter((x) => x.compoundKey === null)).toHaveLength(1);
      const g = of(org.grids, c.key);
      expect(g.length).toBeGreaterThanOrEqual(2);
      expect(g.length).toBeLessThanOrEqual(6);
      g.forEach((grid, i) => expect(grid.name).toBe(`第${'一二三四五六'[i]}网格`));
    }
  });

  it('gives 翠渝路社区 six compounds incl. 尚格博园, with desks in the five away from the office', () => {
    const cuiyulu = community('翠渝路社区');
    const cs = of(org.compounds, cuiyulu.key);
    expect(cs).toHaveLength(6);
    expect(cs.map((c) => c.name)).toContain('尚格博园');
    expect(get(compounds, 'cuiyulu.shanggeboyuan')).toMatchObject({
      name: '尚格博园',
      nameEn: 'Shangge Boyuan',
      addressEn: expect.stringMatching(/^No\. \d+ .+, Liangjiang New Area, Chongqing$/),
    });
    const ds = of(org.desks, cuiyulu.key);
    const compoundDesks = ds.filter((d) => d.compoundKey !== null);
    expect(compoundDesks).toHaveLength(5);
    expect(new Set(compoundDesks.map((d) => d.compoundKey)).size).toBe(5);
    for (const d of compoundDesks) {
      expect(d.areaSqm).toBeGreaterThanOrEqual(15);
      expect(d.areaSqm).toBeLessThanOrEqual(150);
    }
    expect(Math.min(...compoundDesks.map((d) => d.areaSqm))).toBe(15);
    expect(Math.max(...compoundDesks.map((d) => d.areaSqm))).toBe(150);
    // The sixth compound is the office's, closest to it, with no compound desk.
    const withoutDesk = cs.filter((c) => !compoundDesks.some((d) => d.compoundKey === c.key));
    expect(withoutDesk).toHaveLength(1);
    const office = { lat: cuiyulu.lat, lng: cuiyulu.lng };
    expect(distanceMeters(office, withoutDesk[0]!)).toBeLessThan(200);
    // The farthest compound is 15–20 minutes on foot.
    const farthest = Math.max(...cs.map((c) => distanceMeters(office, c)));
    expect(farthest).toBeGreaterThanOrEqual(1200);
    expect(farthest).toBeLessThanOrEqual(1600);
  });

  it('gives 和睦路社区 an international compound with 美美国际之家 as a desk', () => {
    const home = org.desks.find((d) => d.name === '美美国际之家');
    expect(home).toBeDefined();
    expect(home!.communityKey).toBe('hemulu');
    expect(get(compounds, home!.compoundKey).communityKey).toBe('hemulu');
    expect(home!.nameEn).toBe('Meimei International Home');
    expect(home!.addressEn).toMatch(
      /^Clubhouse ground floor, Hemu International Garden, No\. \d+ .+, Liangjiang New Area, Chongqing$/,
    );
  });

  it('gives every unit an English name and address, free of Chinese characters', () => {
    const units = [...org.streets, ...org.communities, ...org.compounds, ...org.desks];
    for (const u of units) {
      expect(u.nameEn.trim(), u.name).not.toBe('');
      expect(u.nameEn, u.name).not.toMatch(/[\u4e00-\u9fff]/);
    }
    for (const u of [...org.communities, ...org.compounds, ...org.desks]) {
      expect(u.addressEn, u.address).toMatch(/, Liangjiang New Area, Chongqing$/);
      expect(u.addressEn, u.address).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const desk = org.desks.find((d) => d.key === 'cuiyulu.desk.office')!;
    expect(desk.nameEn).toBe('Cuiyu Road Community Service Centre Baitong Desk');
    expect(desk.addressEn).toMatch(
      /^Ground floor, Cuiyu Road Community Service Centre, No\. \d+ Cuiyu Road, Liangjiang New Area, Chongqing$/,
    );
  });

  it('keeps every point in Liangjiang, compounds and desks within about 1.5 km of their community', () => {
    for (const c of org.communities) expect(insideLiangjiang(c)).toBe(true);
    for (const x of [...org.compounds, ...org.desks]) {
      expect(insideLiangjiang(x)).toBe(true);
      expect(distanceMeters(get(communities, x.communityKey), x)).toBeLessThanOrEqual(1550);
    }
    for (const d of org.desks) {
      if (d.compoundKey) expect(distanceMeters(get(compounds, d.compoundKey), d)).toBeLessThan(150);
    }
  });

  it('opens desks 08:30–21:30 every day by default, with a handful of other schedules', () => {
    const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
    for (const d of org.desks) {
      expect(d.weeklyHours.map((w) => w.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const w of d.weeklyHours) {
        let last = '';
        for (const iv of w.intervals) {
          expect(iv.opens).toMatch(hhmm);
          expect(iv.closes).toMatch(hhmm);
          expect(iv.opens < iv.closes).toBe(true);
          expect(iv.opens >= last).toBe(true);
          last = iv.closes;
        }
      }
      expect(d.areaSqm).toBeGreaterThan(0);
      expect(d.phone).toMatch(/^023-6\d{7}$/);
      expect(d.name.length).toBeLessThanOrEqual(64);
    }
    const isDefault = (d: DemoOrg['desks'][number]) =>
      d.weeklyHours.every(
        (w) =>
          w.intervals.length === 1 &&
          w.intervals[0]?.opens === '08:30' &&
          w.intervals[0]?.closes === '21:30',
      );
    const different = org.desks.filter((d) => !isDefault(d));
    expect(different.length).toBeGreaterThanOrEqual(4);
    expect(different.length).toBeLessThanOrEqual(12);
    expect(org.desks.some(isAllDay)).toBe(true);
    expect(org.desks.some((d) => d.weeklyHours.some((w) => w.intervals.length === 2))).toBe(true);
    expect(
      org.desks.some((d) => d.weeklyHours.find((w) => w.weekday === 7)?.intervals.length === 0),
    ).toBe(true);
    expect(of(org.desks, 'cuiyulu').every(isDefault)).toBe(true);
  });

  it('has dated exceptions relative to the reference date', () => {
    const all = org.desks.flatMap((d) => d.exceptions.map((e) => ({ ...e, desk: d })));
    for (const d of org.desks)
      expect(new Set(d.exceptions.map((e) => e.date)).size).toBe(d.exceptions.length);
    const training = all.filter(
      (e) =>
        e.intervals.length === 0 && daysBetween(REF, e.date) > 0 && daysBetween(REF, e.date) <= 14,
    );
    expect(training.length).toBeGreaterThanOrEqual(1);
    expect(training.some((e) => e.desk.communityKey === 'cuiyulu')).toBe(true);
    const eve = all.filter((e) => e.date === '2027-02-05');
    expect(eve.length).toBeGreaterThanOrEqual(3);
    for (const e of eve)
      expect(e.intervals).toEqual([{ opens: e.intervals[0]!.opens, closes: '17:00' }]);
    for (const e of all) expect(e.note.length).toBeGreaterThan(0);
  });

  it('knows Spring Festival eve for every year in its table', () => {
    // The table was checked against the chinese-days lunar calendar (run in UTC: its
    // lunar conversions are a day off in time zones west of UTC).
    SPRING_FESTIVAL_EVES.forEach((eve, i) => {
      expect(eve.slice(0, 4)).toBe(String(2018 + i));
      expect(eve.slice(5) >= '01-20' && eve.slice(5) <= '02-19').toBe(true);
    });
    expect(SPRING_FESTIVAL_EVES).toEqual(
      expect.arrayContaining(['2024-02-09', '2025-01-28', '2026-02-16', '2027-02-05']),
    );
    expect(nextSpringFestivalEve('2026-11-27')).toBe('2027-02-05');
    expect(nextSpringFestivalEve('2027-02-05')).toBe('2028-01-25');
    expect(nextSpringFestivalEve('2050-01-22')).toBeNull();
  });

  it('gives each grid a compound of its own community and unique codes', () => {
    for (const g of org.grids)
      expect(get(compounds, g.compoundKey).communityKey).toBe(g.communityKey);
    expect(new Set(org.grids.map((g) => g.code)).size).toBe(org.grids.length);
  });
});

describe('staff', () => {
  it('has exactly one bureau and one monitor account, district-wide', () => {
    expect(org.staff.filter((s) => s.role === 'bureau_admin')).toEqual([
      expect.objectContaining({ username: 'bureau', scopeLevel: 'district', scopeKey: 'district' }),
    ]);
    expect(org.staff.filter((s) => s.role === 'monitor')).toEqual([
      expect.objectContaining({
        username: 'monitor',
        scopeLevel: 'district',
        scopeKey: 'district',
      }),
    ]);
  });

  it('has a street admin per street and the community roles in every community', () => {
    for (const s of org.streets)
      expect(staffNamed(`street.${s.key}`)).toMatchObject({
        role: 'street_admin',
        scopeKey: s.key,
      });
    expect(org.staff.filter((s) => s.role === 'street_admin')).toHaveLength(org.streets.length);
    for (const c of org.communities) {
      expect(staffNamed(`admin.${c.key}`)).toMatchObject({
        role: 'community_admin',
        scopeLevel: 'community',
        scopeKey: c.key,
      });
      expect(staffNamed(`worker.${c.key}`)).toMatchObject({
        role: 'community_worker',
        scopeKey: c.key,
      });
      const desk = staffNamed(`desk.${c.key}`);
      expect(desk).toMatchObject({ role: 'desk_staff', scopeKey: c.key });
      expect(get(desks, desk.deskKey).communityKey).toBe(c.key);
      expect(staffNamed(`grid.${c.key}.1`).role).toBe('grid_worker');
    }
  });

  it('binds every role to its scope level and every grid to a grid worker', () => {
    const level = {
      bureau_admin: 'district',
      monitor: 'district',
      street_admin: 'street',
      community_admin: 'community',
      community_worker: 'community',
      desk_staff: 'community',
      grid_worker: 'compound',
    } as const;
    for (const s of org.staff) {
      expect(s.scopeLevel).toBe(level[s.role]);
      expect(s.username).toMatch(/^[a-z0-9.]+$/);
      expect(s.displayName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
    const covered = new Set(org.staff.map((s) => s.gridKey));
    for (const g of org.grids) expect(covered.has(g.key)).toBe(true);
  });

  it('staffs each compound desk with one community worker leading two grid workers', () => {
    for (const d of org.desks.filter((x) => x.compoundKey !== null && !isAllDay(x))) {
      const team = org.staff.filter((s) => s.deskKey === d.key);
      expect(team.filter((s) => s.role === 'community_worker')).toHaveLength(1);
      const gridWorkers = team.filter((s) => s.role === 'grid_worker');
      expect(gridWorkers.length).toBeGreaterThanOrEqual(2);
      for (const g of gridWorkers) expect(g.scopeKey).toBe(d.compoundKey);
    }
  });

  it('has 周洋 as the 翠渝路 community worker at the 尚格博园 desk', () => {
    const zhou = staffNamed('worker.cuiyulu');
    expect(zhou.displayName).toBe('周洋');
    expect(get(desks, zhou.deskKey).compoundKey).toBe('cuiyulu.shanggeboyuan');
    expect(staffNamed('grid.cuiyulu.1')).toMatchObject({
      scopeKey: 'cuiyulu.shanggeboyuan',
      deskKey: zhou.deskKey,
    });
    expect(get(grids, staffNamed('grid.cuiyulu.1').gridKey)).toMatchObject({
      name: '第一网格',
      compoundKey: 'cuiyulu.shanggeboyuan',
    });
  });

  it('has every DEMO_ACCOUNTS username with its role', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual([
      'bureau',
      'monitor',
      'street.cuiyun',
      'admin.cuiyulu',
      'desk.cuiyulu',
      'worker.cuiyulu',
      'grid.cuiyulu.1',
      'admin.hemulu',
      'desk.yinzhuyuan',
    ]);
    for (const a of DEMO_ACCOUNTS) {
      expect(staffNamed(a.username).role).toBe(a.role);
      expect(a.where).toMatch(/[\u4e00-\u9fff].*·.*[A-Za-z]/);
    }
  });
});

describe('residents', () => {
  const foreign = org.residents.filter((r) => r.foreign);

  it('has residentsPerCommunity Chinese residents per community plus the foreign sample', () => {
    for (const c of org.communities)
      expect(of(org.residents, c.key).filter((r) => !r.foreign)).toHaveLength(60);
    expect(foreign.length).toBeGreaterThanOrEqual(90);
    expect(foreign.length).toBeLessThanOrEqual(110);
    expect(org.residents.length).toBe(55 * 60 + foreign.length);
  });

  it('samples the foreign residents of 和睦路社区 from 27 countries, in one compound, in English', () => {
    expect(new Set(foreign.map((r) => r.nationality)).size).toBe(27);
    expect(new Set(foreign.map((r) => r.compoundKey)).size).toBe(1);
    for (const r of foreign) {
      expect(r.communityKey).toBe('hemulu');
      expect(r.nationality).toMatch(/^[A-Z]{2}$/);
      expect(r.nationality).not.toBe('CN');
      expect(r.preferredLanguage).toBe('en');
      expect(r.idNumber).toMatch(/^[A-Z0-9]{8,10}$/);
      expect(r.name).toMatch(/^[A-Za-zÀ-ÿ' -]+$/);
    }
    const intl = get(compounds, foreign[0]!.compoundKey);
    expect(org.desks.find((d) => d.name === '美美国际之家')?.compoundKey).toBe(intl.key);
  });

  it('gives Chinese residents valid resident IDs (or none) and Chinese names', () => {
    const chinese = org.residents.filter((r) => !r.foreign);
    for (const r of chinese) {
      expect(r.nationality).toBe('CN');
      expect(r.preferredLanguage).toBe('zh-CN');
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      if (r.idNumber !== null) expect(isValidResidentId(r.idNumber)).toBe(true);
    }
    expect(chinese.filter((r) => r.idNumber !== null).length / chinese.length).toBeGreaterThan(
      0.85,
    );
  });

  it('registers residents over the 18 months before the reference date', () => {
    const earliest = shanghaiInstant(addDays(REF, -REGISTRATION_WINDOW_DAYS - 1), 0);
    const start = shanghaiInstant(REF, 0);
    for (const r of org.residents) {
      expect(r.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(r.registeredAt > earliest && r.registeredAt < start).toBe(true);
    }
    const months = new Set(org.residents.map((r) => r.registeredAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(18);
  });

  it('puts the demo resident 李明 first in 翠渝路社区, in 尚格博园', () => {
    const first = of(org.residents, 'cuiyulu')[0]!;
    expect(first).toMatchObject({
      name: DEMO_RESIDENT_NAME,
      phone: DEMO_RESIDENT_PHONE,
      compoundKey: 'cuiyulu.shanggeboyuan',
      foreign: false,
      preferredLanguage: 'zh-CN',
    });
    expect(org.residents.filter((r) => r.phone === DEMO_RESIDENT_PHONE)).toHaveLength(1);
  });
});

describe('integrity', () => {
  it('has unique keys, codes, usernames and phones', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(org.streets.map((x) => x.key));
    unique(org.streets.map((x) => x.code));
    unique(org.communities.map((x) => x.key));
    unique(org.communities.map((x) => x.code));
    unique(org.compounds.map((x) => x.key));
    unique(org.compounds.map((x) => `${x.communityKey}/${x.name}`));
    unique(org.desks.map((x) => x.key));
    unique(org.grids.map((x) => x.key));
    unique(org.residents.map((x) => x.key));
    unique(org.staff.map((x) => x.username));
    unique(org.staff.map((x) => x.displayName));
    const mobiles = [...org.staff.map((x) => x.phone), ...org.residents.map((x) => x.phone)];
    unique(mobiles);
    for (const p of mobiles) expect(p).toMatch(MOBILE_RE);
    unique(org.desks.map((x) => x.phone));
  });

  it('resolves every foreign key', () => {
    for (const c of org.communities) get(streets, c.streetKey);
    for (const x of org.compounds) get(communities, x.communityKey);
    for (const d of org.desks) {
      get(communities, d.communityKey);
      if (d.compoundKey !== null)
        expect(get(compounds, d.compoundKey).communityKey).toBe(d.communityKey);
    }
    for (const g of org.grids) {
      get(communities, g.communityKey);
      if (g.compoundKey !== null)
        expect(get(compounds, g.compoundKey).communityKey).toBe(g.communityKey);
    }
    for (const r of org.residents)
      expect(get(compounds, r.compoundKey).communityKey).toBe(get(communities, r.communityKey).key);
    for (const s of org.staff) {
      let communityKey: string | null = null;
      switch (s.scopeLevel) {
        case 'district':
          expect(s.scopeKey).toBe('district');
          break;
        case 'street':
          get(streets, s.scopeKey);
          break;
        case 'community':
          communityKey = get(communities, s.scopeKey).key;
          break;
        case 'compound':
          communityKey = get(compounds, s.scopeKey).communityKey;
          break;
      }
      if (s.gridKey !== undefined) expect(get(grids, s.gridKey).compoundKey).toBe(s.scopeKey);
      if (s.deskKey !== undefined) expect(get(desks, s.deskKey).communityKey).toBe(communityKey);
    }
  });
});

describe.each([
  [1, '2025-01-10'],
  [99, '2027-01-30'],
  [20221, '2031-07-01'],
])('with seed %i and reference date %s', (seed, referenceDate) => {
  const other = generateDemoOrg({ seed, referenceDate });

  it('keeps the invariants', () => {
    expect(other.communities).toHaveLength(55);
    const phones = [...other.staff.map((s) => s.phone), ...other.residents.map((r) => r.phone)];
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(other.residents.filter((r) => r.foreign).map((r) => r.nationality)).size).toBe(
      27,
    );
    const recent = other.communities.filter(
      (c) => c.firstElectedOn !== null && daysBetween(c.firstElectedOn, referenceDate) < 365,
    );
    expect(recent.length).toBeGreaterThanOrEqual(2);
    expect(recent.length).toBeLessThanOrEqual(3);
    expect(
      other.communities.every((c) => c.firstElectedOn === null || c.firstElectedOn < referenceDate),
    ).toBe(true);
    const home = new Map(other.communities.map((c) => [c.key, c]));
    for (const c of other.communities) {
      const n = other.desks.filter((d) => d.communityKey === c.key).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(c.key === 'cuiyulu' ? 6 : 5);
    }
    for (const x of [...other.compounds, ...other.desks]) {
      expect(insideLiangjiang(x)).toBe(true);
      expect(distanceMeters(get(home, x.communityKey), x)).toBeLessThanOrEqual(1550);
    }
    for (const d of other.desks) {
      expect(new Set(d.exceptions.map((e) => e.date)).size).toBe(d.exceptions.length);
    }
    const eve = nextSpringFestivalEve(referenceDate);
    expect(other.desks.some((d) => d.exceptions.some((e) => e.date === eve))).toBe(true);
    for (const a of DEMO_ACCOUNTS)
      expect(other.staff.find((s) => s.username === a.username)?.role).toBe(a.role);
  });
});
