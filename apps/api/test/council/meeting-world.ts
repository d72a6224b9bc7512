import type { Council, MeetingDetail, ProposalDetail } from '@baitong/contracts';
import { expect } from 'vitest';
import type { TestContext } from '../utils/app';
import { type CouncilWorld, type Person, openProposal, setRules, support } from './world';
import type { ResidentEntity } from '../../src/people/people.entities';

export const STARTS_AT = '2026-12-10T19:30:00+08:00';

/** The council's members: `residents` resident members (the world's residents from the second on), the worker, an outside member. */
export async function seatCouncil(
  t: TestContext,
  w: CouncilWorld,
  residents: Person<ResidentEntity>[],
): Promise<{ residentMembers: string[]; staffMember: string; otherMember: string }> {
  const add = async (body: Record<string, unknown>) => {
    const res = await t.http
      .post(`/api/communities/${w.community.id}/council/members`)
      .set('Authorization', w.admin.auth)
      .send({ role: 'member', termStart: '2025-01-01', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Council;
  };
  for (const r of residents) await add({ kind: 'resident', residentId: r.record.id });
  await add({ kind: 'staff', staffId: w.worker.record.id, role: 'secretary' });
  const council = await add({ kind: 'other', name: '物业代表', organisation: '物业公司' });
  const of = (pred: (m: Council['members'][number]) => boolean) =>
    council.members.filter(pred).map((m) => m.id);
  return {
    residentMembers: residents.map(
      (r) => council.members.find((m) => m.residentId === r.record.id)!.id,
    ),
    staffMember: of((m) => m.kind === 'staff')[0]!,
    otherMember: of((m) => m.kind === 'other')[0]!,
  };
}

/** A proposal open for support with two supports, past a threshold of two: ready for an agenda. */
export async function readyProposal(
  t: TestContext,
  w: CouncilWorld,
  body: Record<string, unknown> = {},
): Promise<ProposalDetail> {
  await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 2 });
  const p = await openProposal(t, w, body);
  for (const r of w.residents.slice(1, 3))
    expect((await support(t, r.auth, p.id)).status).toBe(200);
  return p;
}

export async function planMeeting(
  t: TestContext,
  w: CouncilWorld,
  body: Record<string, unknown> = {},
): Promise<MeetingDetail> {
  const res = await t.http
    .post(`/api/communities/${w.community.id}/meetings`)
    .set('Authorization', w.worker.auth)
    .send({ title: '十二月议事会', startsAt: STARTS_AT, place: '党群服务中心会议室', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MeetingDetail;
}

export const meetingCall = (t: TestContext, auth: string) => ({
  agenda: (id: string, proposalId: string) =>
    t.http.post(`/api/meetings/${id}/agenda`).set('Authorization', auth).send({ proposalId }),
  attend: (id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/meetings/${id}/attendance`).set('Authorization', auth).send(body),
  vote: (id: string, itemId: string, memberId: string, choice: string) =>
    t.http
      .post(`/api/meetings/${id}/agenda/${itemId}/votes`)
      .set('Authorization', auth)
      .send({ memberId, choice }),
  decide: (id: string, itemId: string, note?: string) =>
    t.http
      .post(`/api/meetings/${id}/agenda/${itemId}/decide`)
      .set('Authorization', auth)
      .send(note ? { note } : {}),
  get: (id: string) => t.http.get(`/api/meetings/${id}`).set('Authorization', auth),
});
