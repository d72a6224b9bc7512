import type { CaseDetail, Role, StaffRole } from '@baitong/contracts';
import sharp from 'sharp';
import type { CategoryEntity } from '../../src/cases/case.entities';
import type {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  GridEntity,
  StreetEntity,
} from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from './app';

/** Where a record lies, seen from the matrix's callers (see auth/route-access.ts). */
export type Place = 'own' | 'otherCompound' | 'sibling' | 'otherStreet';

export interface PlaceRecords {
  street: StreetEntity;
  community: CommunityEntity;
  compound: CompoundEntity;
  /** The desk of the compound: cases are filed here. */
  desk: DeskEntity;
  /** A second desk of the community, where transfers within the community go. */
  spareDesk: DeskEntity;
  /** A desk no case uses, for the writes to desks and hours. */
  orgDesk: DeskEntity;
  grid: GridEntity;
  resident: ResidentEntity;
  /** Desk staff of the community: files the place's cases and is named in assignments. */
  staffer: StaffAccountEntity;
  staffAuth: string;
  /** Someone of the place whose `user:` room no other caller may join. */
  colleague: { id: string };
  /** An open case of the resident, with one photo, that only reads use. */
  probe: CaseDetail;
  photoId: string;
}

export interface MatrixWorld {
  places: Record<Place, PlaceRecords>;
  staff: Record<StaffRole, StaffAccountEntity>;
  /** `Bearer …` per role; the resident is the own place's resident. */
  auth: Record<Role, string>;
  /** The id each role's own `user:` room is named by. */
  userId: Record<Role, string>;
  category: CategoryEntity;
  dispute: CategoryEntity;
  /** A category only the catalogue writes touch. */
  spareCategory: CategoryEntity;
}

/** The escalation note on the own probe case: staff-side only, never shown to the resident. */
export const INTERNAL_NOTE = '内部：居民情绪激动，需社区主任出面';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A tiny real PNG, accepted by the photo checks. */
export function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
}

/**
 * Two streets; on the first the caller's community (two compounds) and a sibling community, on
 * the second another community. Each place has desks, a grid, a resident, desk staff, an open case
 * with a photo and an audit row; every role is signed in, bound to the own community (a grid
 * worker to its first compound, a street admin to the first street).
 */
export async function matrixWorld(t: TestContext): Promise<MatrixWorld> {
  const { given } = t;
  const category = await given.category();
  const dispute = await given.category({
    kind: 'dispute',
    resolveWithinValue: 5,
    resolveWithinUnit: 'working_days',
  });
  const spareCategory = await given.category();
  const s1 = await given.street();
  const s2 = await given.street();
  const own = await given.community({ street: s1 });
  const siblingCommunity = await given.community({ street: s1 });
  const otherCommunity = await given.community({ street: s2 });
  const ownA = await given.compound({ community: own });
  const staff: Record<StaffRole, StaffAccountEntity> = {
    bureau_admin: await given.staff('bureau_admin'),
    monitor: await given.staff('monitor'),
    street_admin: await given.staff('street_admin', { street: s1 }),
    community_admin: await given.staff('community_admin', { community: own }),
    community_worker: await given.staff('community_worker', { community: own }),
    desk_staff: await given.staff('desk_staff', { community: own }),
    grid_worker: await given.staff('grid_worker', { compound: ownA }),
  };
  const bystander = await given.staff('community_worker', { community: own });

  const build = async (
    street: StreetEntity,
    community: CommunityEntity,
    compound: CompoundEntity,
    staffer: StaffAccountEntity,
    colleague: { id: string },
  ) => {
    const desk = await given.desk({ community, compoundId: compound.id });
    const spareDesk = await given.desk({ community });
    const orgDesk = await given.desk({ community });
    const grid = await given.grid({ community, compound });
    const resident = await given.resident({ community, compound });
    await t.ds.query(
      `INSERT INTO audit_log (actor_kind, action, entity, entity_id, community_id)
       VALUES ('system', 'matrix.probe', 'community', $1, $2)`,
      [community.id, community.id],
    );
    return {
      street,
      community,
      compound,
      desk,
      spareDesk,
      orgDesk,
      grid,
      resident,
      staffer,
      colleague,
    };
  };
  const ownB = await given.compound({ community: own });
  const siblingStaffer = await given.staff('desk_staff', { community: siblingCommunity });
  const otherStaffer = await given.staff('desk_staff', { community: otherCommunity });
  const bases = {
    own: await build(s1, own, ownA, staff.desk_staff, bystander),
    otherCompound: await build(s1, own, ownB, staff.desk_staff, bystander),
    sibling: await build(
      s1,
      siblingCommunity,
      await given.compound({ community: siblingCommunity }),
      siblingStaffer,
      siblingStaffer,
    ),
    otherStreet: await build(
      s2,
      otherCommunity,
      await given.compound({ community: otherCommunity }),
      otherStaffer,
      otherStaffer,
    ),
  };

  const auth = {} as Record<Role, string>;
  const userId = {} as Record<Role, string>;
  for (const [role, s] of Object.entries(staff) as [StaffRole, StaffAccountEntity][]) {
    auth[role] = `Bearer ${await given.token(s)}`;
    userId[role] = s.id;
  }
  auth.resident = `Bearer ${(await given.residentLogin(bases.own.resident)).accessToken}`;
  userId.resident = bases.own.resident.id;
  const stafferAuth = new Map<string, string>([[staff.desk_staff.id, auth.desk_staff]]);
  for (const s of [siblingStaffer, otherStaffer])
    stafferAuth.set(s.id, `Bearer ${await given.token(s)}`);

  const png = await tinyPng();
  const places = {} as Record<Place, PlaceRecords>;
  for (const [place, b] of Object.entries(bases) as [Place, (typeof bases)['own']][]) {
    const staffAuth = stafferAuth.get(b.staffer.id)!;
    const photo = await t.http
      .post('/api/photos')
      .set('Authorization', staffAuth)
      .attach('file', png, { filename: 'probe.png', contentType: 'image/png' });
    if (photo.status !== 201)
      throw new Error(`photo upload failed: ${photo.status} ${JSON.stringify(photo.body)}`);
    const probe = await fileCase(t, { ...b, staffAuth }, category, { photoIds: [photo.body.id] });
    if (place === 'own') await staffSide(t, staffAuth, probe, b.staffer.id);
    places[place] = { ...b, staffAuth, probe, photoId: photo.body.id as string };
  }
  return { places, staff, auth, userId, category, dispute, spareCategory };
}

/** Gives a case the staff side of a timeline: an assignment (staff ids) and an internal escalation. */
async function staffSide(
  t: TestContext,
  auth: string,
  c: CaseDetail,
  assigneeId: string,
): Promise<void> {
  const assigned = await t.http
    .post(`/api/cases/${c.id}/assign`)
    .set('Authorization', auth)
    .send({ assigneeId, version: c.version });
  if (assigned.status !== 200) throw new Error(`assign failed: ${assigned.status}`);
  const escalated = await t.http
    .post(`/api/cases/${c.id}/escalate`)
    .set('Authorization', auth)
    .send({ note: INTERNAL_NOTE, version: (assigned.body as CaseDetail).version });
  if (escalated.status !== 200) throw new Error(`escalate failed: ${escalated.status}`);
}

/** An open case of the place's resident, filed by the place's desk staff at the place's desk. */
export async function fileCase(
  t: TestContext,
  p: Pick<PlaceRecords, 'staffAuth' | 'resident' | 'compound' | 'desk'>,
  category: CategoryEntity,
  extra: Record<string, unknown> = {},
): Promise<CaseDetail> {
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', p.staffAuth)
    .send({
      categoryId: category.id,
      description: `矩阵探针请求 ${unique()}`,
      residentId: p.resident.id,
      compoundId: p.compound.id,
      deskId: p.desk.id,
      ...extra,
    });
  if (res.status !== 201)
    throw new Error(`case filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseDetail;
}

export { unique as matrixUnique };

/** The rating campaign of the matrix (issue 12, assessments): a year of its own, every kind assigned. */
export interface RatingAssessWorld {
  frameworkId: string;
  campaignId: string;
  year: number;
  /** Assessed indicators assigned to each kind, in a stable order. */
  keys: Record<
    'district_inspection' | 'third_party_monitoring' | 'street_cross_inspection',
    string[]
  >;
  /** A live disqualification per community of the world, of `year`. */
  disqualifications: Map<string, string>;
}

/**
 * The 2022 sample framework (preloaded), a campaign of 2099 with every assessed indicator given to
 * the kinds weighted for it, and a cross-inspection plan: the first street inspects the other
 * street's community, the second street inspects the first street's two communities.
 */
export async function ratingAssessWorld(
  t: TestContext,
  w: MatrixWorld,
): Promise<RatingAssessWorld> {
  const year = 2099;
  const [fw] = (await t.ds.query(
    `SELECT id, definition FROM rating_framework WHERE sample AND effective_year = 2022 LIMIT 1`,
  )) as {
    id: string;
    definition: {
      assessmentWeights?: Record<string, number>;
      sections: {
        aspects: {
          indicators: { key: string; source: { kind: string; weights?: Record<string, number> } }[];
        }[];
      }[];
    };
  }[];
  const [campaign] = (await t.ds.query(
    `INSERT INTO rating_campaign (year, framework_id, created_by_name) VALUES ($1, $2, 'matrix') RETURNING id`,
    [year, fw!.id],
  )) as { id: string }[];
  const kinds = [
    'district_inspection',
    'third_party_monitoring',
    'street_cross_inspection',
  ] as const;
  const keys = {} as RatingAssessWorld['keys'];
  const indicators = fw!.definition.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  for (const k of kinds) {
    keys[k] = indicators
      .filter((i) => i.source.kind === 'assessment')
      .filter((i) => (i.source.weights ?? fw!.definition.assessmentWeights ?? {})[k] !== undefined)
      .map((i) => i.key);
    await t.ds.query(
      `INSERT INTO rating_campaign_assignment (campaign_id, assessor_kind, indicator_key)
       SELECT $1, $2, unnest($3::varchar[])`,
      [campaign!.id, k, keys[k]],
    );
  }
  const { own, sibling, otherStreet } = w.places;
  await t.ds.query(
    `INSERT INTO rating_cross_inspection (campaign_id, inspector_street_id, community_id)
     VALUES ($1, $2, $3), ($1, $4, $5), ($1, $4, $6)`,
    [
      campaign!.id,
      own.street.id,
      otherStreet.community.id,
      otherStreet.street.id,
      own.community.id,
      sibling.community.id,
    ],
  );
  const disqualifications = new Map<string, string>();
  for (const c of [own.community, sibling.community, otherStreet.community]) {
    const [d] = (await t.ds.query(
      `INSERT INTO rating_disqualification (year, community_id, what, occurred_on, notice_reference, recorded_by_name, recorded_at)
       VALUES ($1, $2, '矩阵探针事故', '2026-01-05', 'LJ-M-1', 'matrix', now()) RETURNING id`,
      [year, c.id],
    )) as { id: string }[];
    disqualifications.set(c.id, d!.id);
  }
  return { frameworkId: fw!.id, campaignId: campaign!.id, year, keys, disqualifications };
}
