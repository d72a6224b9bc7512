import type { ProposalDetail } from '@baitong/contracts';
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

export interface Person<T> {
  record: T;
  auth: string;
}

export interface CouncilWorld {
  street: StreetEntity;
  community: CommunityEntity;
  compound: CompoundEntity;
  otherCompound: CompoundEntity;
  desk: DeskEntity;
  concern: CategoryEntity;
  affair: CategoryEntity;
  worker: Person<StaffAccountEntity>;
  admin: Person<StaffAccountEntity>;
  desker: Person<StaffAccountEntity>;
  streetAdmin: Person<StaffAccountEntity>;
  /** Residents of the community; the first one writes most proposals. */
  residents: Person<ResidentEntity>[];
  /** A community next door on the same street, with its own staff and resident. */
  neighbour: {
    community: CommunityEntity;
    compound: CompoundEntity;
    admin: Person<StaffAccountEntity>;
    worker: Person<StaffAccountEntity>;
    resident: Person<ResidentEntity>;
  };
}

const bearer = (token: string) => `Bearer ${token}`;

/** A community with 200 households, two compounds, its staff, `residents` residents, and a neighbour. */
export async function councilWorld(t: TestContext, residents = 4): Promise<CouncilWorld> {
  const { given } = t;
  const street = await given.street();
  const community = await given.community({ street, households: 200, registeredResidents: 500 });
  const compound = await given.compound({ community });
  const otherCompound = await given.compound({ community });
  const desk = await given.desk({ community, compoundId: compound.id });
  const staff = async (role: Parameters<typeof given.staff>[0], c = community) => {
    const record = await given.staff(role, { community: c, street });
    return { record, auth: bearer(await given.token(record)) };
  };
  const resident = async (c: CommunityEntity, x: CompoundEntity) => {
    const record = await given.resident({ community: c, compound: x });
    return { record, auth: bearer((await given.residentLogin(record)).accessToken) };
  };
  const people: Person<ResidentEntity>[] = [];
  for (let i = 0; i < residents; i++)
    people.push(await resident(community, i % 2 ? otherCompound : compound));
  const neighbourCommunity = await given.community({ street });
  const neighbourCompound = await given.compound({ community: neighbourCommunity });
  return {
    street,
    community,
    compound,
    otherCompound,
    desk,
    concern: await given.category({ kind: 'concern', followUpRequired: false }),
    affair: await given.category({ kind: 'affair', followUpRequired: false }),
    worker: await staff('community_worker'),
    admin: await staff('community_admin'),
    desker: await staff('desk_staff'),
    streetAdmin: await staff('street_admin'),
    residents: people,
    neighbour: {
      community: neighbourCommunity,
      compound: neighbourCompound,
      admin: await staff('community_admin', neighbourCommunity),
      worker: await staff('community_worker', neighbourCommunity),
      resident: await resident(neighbourCommunity, neighbourCompound),
    },
  };
}

export const drain = (t: TestContext) => t.app.get(EventStream).drain();

export const PROPOSAL = {
  title: '把空地垃圾堆改建为垃圾房和晾晒点',
  description:
    '尚格博园旁边的空地堆满了垃圾，夏天气味很大。建议建一个封闭的垃圾房，并搭一个晾晒点。',
  topic: 'environment',
} as const;

async function ok<T>(res: { status: number; body: unknown }, what: string, status = 200) {
  if (res.status !== status)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A draft written by `auth` (a resident's own, or staff's with `authorResidentId`). */
export async function draft(
  t: TestContext,
  auth: string,
  body: Record<string, unknown> = {},
): Promise<ProposalDetail> {
  const res = await t.http
    .post('/api/proposals')
    .set('Authorization', auth)
    .send({ ...PROPOSAL, ...body });
  return ok<ProposalDetail>(res, 'create', 201);
}

export async function move(
  t: TestContext,
  auth: string,
  p: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
): Promise<ProposalDetail> {
  const res = await t.http
    .post(`/api/proposals/${p.id}/transitions`)
    .set('Authorization', auth)
    .send({ action, version: p.version, ...extra });
  return ok<ProposalDetail>(res, action);
}

/** A resident's proposal taken through submission and screening, open for support. */
export async function openProposal(
  t: TestContext,
  w: CouncilWorld,
  body: Record<string, unknown> = {},
  author = w.residents[0]!,
): Promise<ProposalDetail> {
  const d = await draft(t, author.auth, body);
  const submitted = await move(t, author.auth, d, 'submit');
  const screening = await move(t, w.worker.auth, submitted, 'start_screening');
  return move(t, w.worker.auth, screening, 'accept');
}

export function support(t: TestContext, auth: string, id: string) {
  return t.http.post(`/api/proposals/${id}/support`).set('Authorization', auth);
}

export async function get(t: TestContext, auth: string, id: string): Promise<ProposalDetail> {
  return ok<ProposalDetail>(
    await t.http.get(`/api/proposals/${id}`).set('Authorization', auth),
    'read',
  );
}

export async function setRules(
  t: TestContext,
  w: CouncilWorld,
  rules: Record<string, unknown>,
): Promise<void> {
  await ok(
    await t.http
      .patch(`/api/communities/${w.community.id}/council`)
      .set('Authorization', w.admin.auth)
      .send(rules),
    'rules',
  );
}
