import {
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  type ProposalAction,
  type ProposalStatus,
} from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/common/logger';
import { loadConfig } from '../../src/config/config';
import { generateCaseHistory } from '../../src/demo/case-history';
import {
  type CouncilHistory,
  generateCouncilHistory,
  quorumOf,
  votesToAdopt,
} from '../../src/demo/council-history';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { seedDemoIfEmpty } from '../../src/demo/seed';
import { type TestContext, createTestApp } from '../utils/app';

const referenceDate = '2026-11-27';
const org = generateDemoOrg({ referenceDate });
const cases = generateCaseHistory({ org, referenceDate });
let h: CouncilHistory;

describe('the generated council year', () => {
  beforeAll(() => {
    h = generateCouncilHistory({ org, cases, referenceDate });
  });

  it('is the same every time for the same district', () => {
    const again = generateCouncilHistory({ org, cases, referenceDate });
    expect(again.proposals.map((p) => [p.id, p.status, p.supportCount])).toEqual(
      h.proposals.map((p) => [p.id, p.status, p.supportCount]),
    );
    expect(again.participation.length).toBe(h.participation.length);
  });

  it('has a council with members and rules in every community, a few with rules of their own', () => {
    expect(h.councils).toHaveLength(55);
    const own = h.councils.filter(
      (c) =>
        c.rules.supportThresholdKind !== 'household_share' ||
        c.rules.supportSharePercent !== 5 ||
        c.rules.quorumKind !== 'more_than_half' ||
        c.rules.adoptionRule !== 'majority_of_present',
    );
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.length).toBeLessThan(10);
    for (const c of h.councils) {
      const members = h.members.filter((m) => m.councilId === c.id);
      expect(members.filter((m) => m.kind === 'resident').length).toBeGreaterThanOrEqual(7);
      expect(members.filter((m) => m.role === 'secretary' && m.kind === 'staff')).toHaveLength(1);
      expect(members.filter((m) => m.kind === 'other').length).toBe(2);
      expect(members.filter((m) => m.termEnd !== null).length).toBeLessThanOrEqual(1);
      // Each member joined by the community admin's change, on record in the stream.
      const added = h.events.filter(
        (e) => e.subjectId === c.id && e.data['type'] === 'member_added',
      );
      expect(added).toHaveLength(members.length);
    }
  });

  it('has proposals resting in every state; deliberated is a step every decided proposal passes', () => {
    const states = new Set(h.proposals.map((p) => p.status));
    for (const s of PROPOSAL_STATUSES) if (s !== 'deliberated') expect(states, s).toContain(s);
    // The meeting decides in one call: deliberated, then adopted or not, in the same instant.
    const decided = h.proposals.filter((p) =>
      ['adopted', 'not_adopted', 'in_implementation', 'completed', 'evaluated'].includes(p.status),
    );
    const through = new Set(
      h.events
        .filter((e) => e.data['type'] === 'transition' && e.data['toStatus'] === 'deliberated')
        .map((e) => e.subjectId),
    );
    for (const p of decided) expect(through.has(p.id)).toBe(true);
    expect(h.proposals.some((p) => p.origin === 'staff')).toBe(true);
    expect(h.proposals.some((p) => p.origin === 'cases')).toBe(true);
  });

  it('replays every proposal’s events by the state table to the status it has', () => {
    const byProposal = new Map<string, typeof h.events>();
    for (const e of [...h.events].sort((a, b) => a.at - b.at || a.seq - b.seq))
      if (e.subjectType === 'proposal') {
        const list = byProposal.get(e.subjectId) ?? [];
        list.push(e);
        byProposal.set(e.subjectId, list);
      }
    for (const p of h.proposals) {
      const events = byProposal.get(p.id)!;
      expect(['created', 'promoted']).toContain(events[0]!.data['type']);
      let status: ProposalStatus = p.origin === 'cases' ? 'submitted' : 'draft';
      let version = 1;
      for (const e of events) {
        if (e.data['type'] !== 'transition' && e.data['type'] !== 'merged') continue;
        const action = (e.data['action'] ?? 'merge') as ProposalAction;
        expect(e.data['fromStatus']).toBe(status);
        expect(PROPOSAL_TRANSITIONS[status][action]).toBe(e.data['toStatus']);
        status = e.data['toStatus'] as ProposalStatus;
        version++;
      }
      expect(status).toBe(p.status);
      expect(version).toBe(p.version);
      expect(events.at(-1)!.at).toBeLessThanOrEqual(
        Date.parse(`${referenceDate}T00:00:00+08:00`) / 1000,
      );
    }
  });

  it('counts each resident’s support once, from the community only, carried by merges without doubling', () => {
    const residentsOf = new Map<string, string>();
    for (const r of [...org.residents, ...h.residents]) residentsOf.set(r.key, r.communityKey);
    const seen = new Set<string>();
    const active = new Map<string, number>();
    for (const s of h.supports) {
      const key = `${s.proposalId}|${s.residentKey}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(residentsOf.get(s.residentKey)).toBe(s.communityKey);
      if (s.withdrawnAt === null) active.set(s.proposalId, (active.get(s.proposalId) ?? 0) + 1);
    }
    for (const p of h.proposals)
      if (p.status !== 'merged') expect(p.supportCount).toBe(active.get(p.id) ?? 0);
    expect(h.supports.some((s) => s.withdrawnAt !== null)).toBe(true);
    const carried = h.supports.filter((s) => s.carriedFromId);
    expect(carried.length).toBeGreaterThan(0);
    // A carried support is no new act: the participation rows are the residents' own supports.
    const own = h.supports.filter((s) => !s.carriedFromId).length;
    expect(h.participation.filter((x) => x.act === 'support')).toHaveLength(own);
    for (const p of h.proposals.filter((x) => x.readyAt !== null && x.status !== 'merged'))
      expect(p.supportCount).toBeGreaterThanOrEqual(p.supportThreshold!);
  });

  it('decides at meetings with quorum by the council’s rule, and adjourns the ones without', () => {
    const councilOf = new Map(h.councils.map((c) => [c.communityKey, c]));
    const closed = h.meetings.filter((m) => m.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(55 * 4);
    expect(h.meetings.filter((m) => m.status === 'planned')).toHaveLength(55);
    expect(h.meetings.filter((m) => m.adjourned).length).toBeGreaterThanOrEqual(1);
    for (const m of closed) {
      const c = councilOf.get(m.communityKey)!;
      const day = new Date((m.startsAt + 8 * 3600) * 1000).toISOString().slice(0, 10);
      const serving = h.members.filter(
        (x) =>
          x.councilId === c.id && x.termStart <= day && (x.termEnd === null || x.termEnd >= day),
      );
      const present = h.attendance.filter((a) => a.meetingId === m.id && a.kind === 'member');
      for (const a of present) expect(serving.map((s) => s.id)).toContain(a.memberId);
      const quorum = quorumOf(c.rules, serving.length);
      const items = h.agendaItems.filter((a) => a.meetingId === m.id && !a.removed);
      if (m.adjourned) {
        expect(present.length).toBeLessThan(quorum);
        expect(items).toHaveLength(0);
        continue;
      }
      expect(present.length).toBeGreaterThanOrEqual(quorum);
      for (const item of items) {
        const votes = h.votes.filter((v) => v.agendaItemId === item.id);
        const required = votesToAdopt(c.rules, present.length, serving.length);
        expect(item.requiredFor).toBe(required);
        const yes = votes.filter((v) => v.choice === 'for').length;
        expect(item.decision).toBe(yes >= required ? 'adopted' : 'not_adopted');
        for (const v of votes) expect(present.map((a) => a.memberId)).toContain(v.memberId);
      }
    }
  });

  it('tells the 尚格博园 story: complaints, a proposal, supports, a quorate meeting, the garbage room and drying point, a good evaluation', () => {
    const p = h.proposals.find((x) => x.story === 'vacant_lot')!;
    expect(p.title).toBe('空地建垃圾房和晾晒点');
    expect(p.origin).toBe('cases');
    expect(p.status).toBe('evaluated');
    const linked = h.proposalCases.filter((k) => k.proposalId === p.id);
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const k of linked) {
      const c = cases.find((x) => x.key === k.caseKey)!;
      expect(c.kind).toBe('concern');
      expect(c.compoundKey).toBe('cuiyulu.shanggeboyuan');
      expect(h.takenToCouncil.some((e) => e.caseKey === c.key && e.data.proposalId === p.id)).toBe(
        true,
      );
    }
    expect(p.supportCount).toBeGreaterThanOrEqual(p.supportThreshold!);
    const item = h.agendaItems.find((a) => a.proposalId === p.id && !a.removed)!;
    expect(item.decision).toBe('adopted');
    const impl = h.implementations.find((x) => x.proposalId === p.id)!;
    expect(impl.plan).toContain('垃圾房');
    expect(impl.plan).toContain('晾晒点');
    expect(h.milestones.filter((x) => x.proposalId === p.id).every((x) => x.doneAt !== null)).toBe(
      true,
    );
    expect(impl.evaluation!.satisfiedShare).toBeGreaterThanOrEqual(0.9);
    expect(impl.evaluation!.rated).toBeGreaterThan(impl.evaluation!.asked / 2);
  });
});

describe('the seeded council year, read through the API', () => {
  let t: TestContext;
  let token: string;
  beforeAll(async () => {
    h ??= generateCouncilHistory({ org, cases, referenceDate });
    t = await createTestApp({ DEMO_PASSWORD: 'demo-pass-123' });
    await seedDemoIfEmpty(
      (t.ds.options as { url: string }).url,
      loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD: 'demo-pass-123' }),
      createLogger('silent'),
      referenceDate,
    );
    const res = await t.http
      .post('/api/auth/staff/login')
      .send({ username: 'bureau', password: 'demo-pass-123' });
    token = res.body.accessToken as string;
  }, 240_000);
  afterAll(() => t.close());

  it('stores rows the API’s own checks accept, and states that match the counts', async () => {
    const [c] = await t.ds.query(
      `SELECT (SELECT count(*) FROM proposal)::int AS proposals,
              (SELECT count(*) FROM proposal p WHERE p.support_count <>
                 (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id AND s.withdrawn_at IS NULL)
                 AND p.status <> 'merged')::int AS miscounted,
              (SELECT count(*) FROM proposal p WHERE p.status NOT IN ('draft','submitted','screening','rejected','withdrawn')
                 AND p.status <> 'merged' AND p.status <> 'open_for_support' AND p.ready_at IS NULL)::int AS never_ready,
              (SELECT count(*) FROM participation p JOIN resident r ON r.id = p.resident_id
                 WHERE r.community_id <> p.community_id)::int AS strangers`,
    );
    expect(c.proposals).toBe(h.proposals.length);
    expect(c).toMatchObject({ miscounted: 0, never_ready: 0, strangers: 0 });
  });

  it('shows the participation of every community through GET /participation, with real differences', async () => {
    const communities: { id: string; name: string }[] = (
      await t.http.get('/api/communities').set('Authorization', `Bearer ${token}`)
    ).body;
    expect(communities).toHaveLength(55);
    const rates: number[] = [];
    let participants = 0;
    let registered = 0;
    for (const c of communities) {
      const res = await t.http
        .get(`/api/communities/${c.id}/participation`)
        .query({ from: '2025-11-27T00:00:00+08:00', to: '2026-11-27T00:00:00+08:00' })
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      const body = res.body as {
        participants: number;
        registeredResidents: number;
        byAct: Record<string, number>;
        rate: number;
      };
      expect(body.byAct['support']).toBeGreaterThan(0);
      expect(body.byAct['attend']).toBeGreaterThan(0);
      participants += body.participants;
      registered += body.registeredResidents;
      rates.push(body.rate);
    }
    // Of the registered residents: about 80% district-wide, from about 60% to about 95%.
    expect(participants / registered).toBeGreaterThan(0.75);
    expect(participants / registered).toBeLessThan(0.86);
    expect(Math.min(...rates)).toBeLessThan(0.68);
    expect(Math.max(...rates)).toBeGreaterThan(0.9);
    // Every generated participant, and each listener of the offline population, counts once.
    const distinct = new Set(h.participation.map((x) => x.residentKey)).size;
    const [{ offline }] = (await t.ds.query(
      `SELECT count(*)::int AS offline FROM resident WHERE app_since IS NULL`,
    )) as [{ offline: number }];
    expect(offline).toBeGreaterThan(500_000);
    expect(participants).toBe(distinct + offline);
  });

  it('leads from a 尚格博园 complaint to the evaluated project, with its timeline, meeting and evaluation', async () => {
    const login = await t.http
      .post('/api/auth/staff/login')
      .send({ username: 'admin.cuiyulu', password: 'demo-pass-123' });
    const admin = login.body.accessToken as string;
    const [story] = await t.ds.query(
      `SELECT k.case_id FROM proposal_case k JOIN proposal p ON p.id = k.proposal_id
        WHERE p.title = '空地建垃圾房和晾晒点' LIMIT 1`,
    );
    const found = await t.http
      .get('/api/proposals')
      .query({ caseId: story.case_id })
      .set('Authorization', `Bearer ${admin}`);
    expect(found.status).toBe(200);
    const proposal = found.body.items[0] as { id: string; status: string };
    expect(proposal.status).toBe('evaluated');
    const events = (
      await t.http
        .get(`/api/proposals/${proposal.id}/events`)
        .set('Authorization', `Bearer ${admin}`)
    ).body as { type: string; toStatus: string | null }[];
    expect(events[0]!.type).toBe('promoted');
    const steps = events.filter((e) => e.type === 'transition').map((e) => e.toStatus);
    expect(steps).toEqual([
      'screening',
      'open_for_support',
      'scheduled',
      'deliberated',
      'adopted',
      'in_implementation',
      'completed',
      'evaluated',
    ]);
    expect(events.some((e) => e.type === 'threshold_reached')).toBe(true);
    expect(events.filter((e) => e.type === 'milestone_done').length).toBeGreaterThanOrEqual(4);
    const impl = await t.http
      .get(`/api/proposals/${proposal.id}/implementation`)
      .set('Authorization', `Bearer ${admin}`);
    expect(impl.status).toBe(200);
    expect(impl.body.evaluation.satisfiedShare).toBeGreaterThanOrEqual(0.9);
    const timeline = await t.http
      .get(`/api/cases/${story.case_id}/events`)
      .set('Authorization', `Bearer ${admin}`);
    expect(timeline.status).toBe(200);
    expect((timeline.body as { type: string }[]).map((e) => e.type)).toContain('taken_to_council');
    const [meeting] = await t.ds.query(
      `SELECT a.meeting_id FROM meeting_agenda_item a WHERE a.proposal_id = $1`,
      [proposal.id],
    );
    const m = await t.http
      .get(`/api/meetings/${meeting.meeting_id}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(m.status).toBe(200);
    expect(m.body.quorate).toBe(true);
    expect(m.body.agenda[0].decision).toBe('adopted');
  });
});
