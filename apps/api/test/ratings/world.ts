import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import type { TestContext } from '../utils/app';
import type { FixtureCommunity } from './run-fixture';

export interface ResultsWorld {
  s1: StreetEntity;
  s2: StreetEntity;
  /** 和睦路社区 on street 1: the community staff's own. */
  own: CommunityEntity;
  sibling: CommunityEntity;
  other: CommunityEntity;
  /** Eight more communities on street 2, so quotas have room (11 rated in all). */
  rest: CommunityEntity[];
  auth: Record<
    | 'bureau'
    | 'monitor'
    | 'street'
    | 'otherStreet'
    | 'admin'
    | 'worker'
    | 'siblingAdmin'
    | 'resident',
    string
  >;
}

export async function resultsWorld(t: TestContext): Promise<ResultsWorld> {
  const { given } = t;
  const s1 = await given.street({ name: '人和街道', nameEn: 'Renhe Street' });
  const s2 = await given.street();
  const own = await given.community({ street: s1, name: '和睦路社区', nameEn: 'Hemu Road' });
  const sibling = await given.community({ street: s1 });
  const other = await given.community({ street: s2 });
  const rest: CommunityEntity[] = [];
  for (let i = 0; i < 8; i++) rest.push(await given.community({ street: s2 }));
  const token = async (p: Parameters<typeof given.staff>) =>
    `Bearer ${await given.token(await given.staff(...p))}`;
  const resident = await given.resident({ community: own });
  return {
    s1,
    s2,
    own,
    sibling,
    other,
    rest,
    auth: {
      bureau: await token(['bureau_admin']),
      monitor: await token(['monitor']),
      street: await token(['street_admin', { street: s1 }]),
      otherStreet: await token(['street_admin', { street: s2 }]),
      admin: await token(['community_admin', { community: own }]),
      worker: await token(['community_worker', { community: own }]),
      siblingAdmin: await token(['community_admin', { community: sibling }]),
      resident: `Bearer ${(await given.residentLogin(resident)).accessToken}`,
    },
  };
}

/** The world's communities with scores: own 78, sibling 90, other 60 (below the minimum), rest 95…81. */
export function scored(w: ResultsWorld, own = 78): FixtureCommunity[] {
  return [
    { community: w.own, street: w.s1, score: own, input: { previousGrade: 'AA' } },
    { community: w.sibling, street: w.s1, score: 90 },
    { community: w.other, street: w.s2, score: 60 },
    ...w.rest.map((community, i) => ({ community, street: w.s2, score: 95 - i * 2 })),
  ];
}
