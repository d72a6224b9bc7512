import type { CaseDetail, FollowUpDetail } from '@baitong/contracts';
import type { CategoryEntity } from '../../src/cases/case.entities';
import { EventStream } from '../../src/events/event-stream.service';
import type {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  StreetEntity,
} from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';

export interface FollowUpWorld {
  street: StreetEntity;
  community: CommunityEntity;
  /** A compound with a grid and the community worker responsible for it. */
  compound: CompoundEntity;
  /** A compound nobody is responsible for: its follow-ups fall to the community admin. */
  bareCompound: CompoundEntity;
  desk: DeskEntity;
  category: CategoryEntity;
  quietCategory: CategoryEntity;
  desker: StaffAccountEntity;
  deskAuth: string;
  worker: StaffAccountEntity;
  workerAuth: string;
  admin: StaffAccountEntity;
  adminAuth: string;
  streetAdmin: StaffAccountEntity;
  streetAuth: string;
  resident: ResidentEntity;
  residentAuth: string;
}

export const SCRIPT = {
  zh: '您好，我是社区工作者，想了解一下您反映的问题是否已经解决？',
  en: 'Hello, I am from the community office: has the matter you reported been solved?',
};

/** A community with its staff and a resident; on `street` when given, so neighbours share one. */
export async function followUpWorld(
  t: TestContext,
  opts: { street?: StreetEntity } = {},
): Promise<FollowUpWorld> {
  const street = opts.street ?? (await t.given.street());
  const community = await t.given.community({ street });
  const compound = await t.given.compound({ community });
  const bareCompound = await t.given.compound({ community });
  const grid = await t.given.grid({ community, compound });
  const desk = await t.given.desk({ community, compoundId: compound.id });
  const category = await t.given.category({ followUpScript: SCRIPT });
  const quietCategory = await t.given.category({ followUpRequired: false });
  const desker = await t.given.staff('desk_staff', { community });
  const worker = await t.given.staff('community_worker', { community });
  await t.ds.query('UPDATE staff_account SET grid_id = $1 WHERE id = $2', [grid.id, worker.id]);
  const admin = await t.given.staff('community_admin', { community });
  const streetAdmin = await t.given.staff('street_admin', { street });
  const resident = await t.given.resident({ community, compound });
  return {
    street,
    community,
    compound,
    bareCompound,
    desk,
    category,
    quietCategory,
    desker,
    deskAuth: `Bearer ${await t.given.token(desker)}`,
    worker,
    workerAuth: `Bearer ${await t.given.token(worker)}`,
    admin,
    adminAuth: `Bearer ${await t.given.token(admin)}`,
    streetAdmin,
    streetAuth: `Bearer ${await t.given.token(streetAdmin)}`,
    resident,
    residentAuth: `Bearer ${(await t.given.residentLogin(resident)).accessToken}`,
  };
}

export const drain = (t: TestContext) => t.app.get(EventStream).drain();

async function transition(
  t: TestContext,
  auth: string,
  c: { id: string; version: number },
  body: Record<string, unknown>,
): Promise<CaseDetail> {
  const res = await t.http
    .post(`/api/cases/${c.id}/transitions`)
    .set('Authorization', auth)
    .send({ version: c.version, ...body });
  if (res.status !== 200)
    throw new Error(`transition failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseDetail;
}

/** A request of the world's resident, taken, accepted and resolved at the desk at `at`. */
export async function resolvedCase(
  t: TestContext,
  w: FollowUpWorld,
  opts: { at?: string; compound?: CompoundEntity; category?: CategoryEntity } = {},
): Promise<CaseDetail> {
  if (opts.at) t.clock.set(opts.at);
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', w.deskAuth)
    .send({
      categoryId: (opts.category ?? w.category).id,
      description: '楼下垃圾房异味很大，晾晒点也没有搭好',
      residentId: w.resident.id,
      compoundId: (opts.compound ?? w.compound).id,
      deskId: w.desk.id,
    });
  if (res.status !== 201)
    throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const accepted = await transition(t, w.deskAuth, res.body as CaseDetail, { action: 'accept' });
  const resolved = await transition(t, w.deskAuth, accepted, {
    action: 'resolve',
    resolution: '已清理垃圾房并搭好晾晒点',
  });
  await drain(t);
  return resolved;
}

/** Resolves a case again after its rework. */
export async function reResolve(
  t: TestContext,
  w: FollowUpWorld,
  caseId: string,
): Promise<CaseDetail> {
  const c = await caseOf(t, w, caseId);
  const resolved = await transition(t, w.deskAuth, c, {
    action: 'resolve',
    resolution: '返工完成，已重新处理',
  });
  await drain(t);
  return resolved;
}

export async function caseOf(
  t: TestContext,
  w: FollowUpWorld,
  caseId: string,
): Promise<CaseDetail> {
  const res = await t.http.get(`/api/cases/${caseId}`).set('Authorization', w.deskAuth);
  return res.body as CaseDetail;
}

/** The open (or latest) follow-up of a case, as its staff see it. */
export async function followUpOf(
  t: TestContext,
  w: FollowUpWorld,
  caseId: string,
): Promise<FollowUpDetail | null> {
  const list = await t.http
    .get('/api/follow-ups')
    .query({ caseId })
    .set('Authorization', w.adminAuth);
  if (list.status !== 200)
    throw new Error(`list failed: ${list.status} ${JSON.stringify(list.body)}`);
  const items = (list.body.items as { id: string; round: number }[]).sort(
    (a, b) => b.round - a.round,
  );
  if (!items[0]) return null;
  const res = await t.http.get(`/api/follow-ups/${items[0].id}`).set('Authorization', w.adminAuth);
  return res.body as FollowUpDetail;
}

export async function attempt(
  t: TestContext,
  auth: string,
  followUpId: string,
  body: Record<string, unknown>,
  key?: string,
) {
  let req = t.http.post(`/api/follow-ups/${followUpId}/attempts`).set('Authorization', auth);
  if (key) req = req.set('Idempotency-Key', key);
  const res = await req.send(body);
  await drain(t);
  return res;
}
