import type { CaseDetail } from '@baitong/contracts';
import type { CategoryEntity } from '../../src/cases/case.entities';
import type { CommunityEntity, CompoundEntity, DeskEntity } from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';

export interface CaseWorld {
  community: CommunityEntity;
  compound: CompoundEntity;
  desk: DeskEntity;
  category: CategoryEntity;
  dispute: CategoryEntity;
  desker: StaffAccountEntity;
  deskAuth: string;
  worker: StaffAccountEntity;
  workerAuth: string;
  resident: ResidentEntity;
  residentAuth: string;
}

/** A community with a desk, two staff, a resident and two categories, all signed in. */
export async function caseWorld(t: TestContext): Promise<CaseWorld> {
  const community = await t.given.community();
  const compound = await t.given.compound({ community });
  const desk = await t.given.desk({ community, compoundId: compound.id });
  const category = await t.given.category();
  const dispute = await t.given.category({
    kind: 'dispute',
    resolveWithinValue: 5,
    resolveWithinUnit: 'working_days',
  });
  const desker = await t.given.staff('desk_staff', { community });
  const worker = await t.given.staff('community_worker', { community });
  const resident = await t.given.resident({ community, compound });
  return {
    community,
    compound,
    desk,
    category,
    dispute,
    desker,
    deskAuth: `Bearer ${await t.given.token(desker)}`,
    worker,
    workerAuth: `Bearer ${await t.given.token(worker)}`,
    resident,
    residentAuth: `Bearer ${(await t.given.residentLogin(resident)).accessToken}`,
  };
}

/** A walk-in request taken at the desk. */
export async function deskCase(
  t: TestContext,
  w: CaseWorld,
  body: Record<string, unknown> = {},
): Promise<CaseDetail> {
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', w.deskAuth)
    .send({
      categoryId: w.category.id,
      description: '3栋2单元楼道灯坏了，晚上很黑',
      walkIn: { name: '王大爷' },
      ...body,
    });
  if (res.status !== 201)
    throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseDetail;
}

export async function act(
  t: TestContext,
  auth: string,
  c: { id: string; version: number },
  body: Record<string, unknown>,
) {
  return t.http
    .post(`/api/cases/${c.id}/transitions`)
    .set('Authorization', auth)
    .send({ version: c.version, ...body });
}
