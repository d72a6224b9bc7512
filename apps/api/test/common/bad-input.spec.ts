import { FIELD_ERROR_CODES } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, DeskEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

/**
 * Malformed requests of every kind, endpoint by endpoint: each must answer 4xx with the one
 * error shape and name the field; never 500, never a stack trace.
 */
let t: TestContext;
let auth: string;
let community: CommunityEntity;
let desk: DeskEntity;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.given.community();
  desk = await t.given.desk({ community });
  auth = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
});
afterAll(() => t.close());

type Case = {
  name: string;
  method: 'post' | 'patch' | 'put' | 'get' | 'delete';
  url: string;
  body?: unknown;
  raw?: string;
  field?: string;
  status?: number;
  code?: string;
};

const long = 'x'.repeat(300);
const cases: Case[] = [
  {
    name: 'staff login without fields',
    method: 'post',
    url: '/api/auth/staff/login',
    body: {},
    field: 'username',
  },
  {
    name: 'staff login with a number as username',
    method: 'post',
    url: '/api/auth/staff/login',
    body: { username: 42, password: 'x' },
    field: 'username',
  },
  {
    name: 'staff login with an unknown field',
    method: 'post',
    url: '/api/auth/staff/login',
    body: { username: 'a', password: 'b', admin: true },
    field: 'admin',
  },
  {
    name: 'staff login with an over-long username',
    method: 'post',
    url: '/api/auth/staff/login',
    body: { username: long, password: 'b' },
    field: 'username',
  },
  {
    name: 'staff login with broken JSON',
    method: 'post',
    url: '/api/auth/staff/login',
    raw: '{"username": "a",',
    code: 'MALFORMED_JSON',
  },
  {
    name: 'staff login with a JSON array',
    method: 'post',
    url: '/api/auth/staff/login',
    raw: '[1,2]',
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'staff login with a huge body',
    method: 'post',
    url: '/api/auth/staff/login',
    raw: JSON.stringify({ username: 'a', password: 'x'.repeat(200_000) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'OTP for a landline number',
    method: 'post',
    url: '/api/auth/resident/otp',
    body: { phone: '02368430301' },
    field: 'phone',
  },
  {
    name: 'OTP with the phone as a number',
    method: 'post',
    url: '/api/auth/resident/otp',
    body: { phone: 13800000001 },
    field: 'phone',
  },
  {
    name: 'resident login with a 5-digit code',
    method: 'post',
    url: '/api/auth/resident/login',
    body: { phone: '13800000001', code: '12345' },
    field: 'code',
  },
  // The refresh token is a cookie now; a junk cookie is tested in test/auth/auth.spec.ts.
  {
    name: 'refresh without the session cookie',
    method: 'post',
    url: '/api/auth/staff/refresh',
    body: {},
    status: 401,
    code: 'TOKEN_INVALID',
  },
  { name: 'community by a non-UUID id', method: 'get', url: '/api/communities/123', field: 'id' },
  {
    name: 'community by an SQL-ish id',
    method: 'get',
    url: "/api/communities/1'%20OR%201=1--",
    field: 'id',
  },
  {
    name: 'community by an unknown UUID',
    method: 'get',
    url: '/api/communities/0b6f1c1e-8a4e-4c39-9a4f-2a9d3c1d7e11',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'community list with a bad street id',
    method: 'get',
    url: '/api/communities?streetId=abc',
    field: 'streetId',
  },
  {
    name: 'community list with an unknown query field',
    method: 'get',
    url: '/api/communities?sort=name',
    field: 'sort',
  },
  {
    name: 'create street with a bad code',
    method: 'post',
    url: '/api/streets',
    body: { code: 'a b', name: 'x', nameEn: 'x' },
    field: 'code',
  },
  {
    name: 'create community with negative households',
    method: 'post',
    url: '/api/communities',
    body: {
      streetId: '$STREET',
      code: 'X1',
      name: 'x',
      nameEn: 'x',
      households: -1,
      registeredResidents: 0,
    },
    field: 'households',
  },
  {
    name: 'create community with a bad election date',
    method: 'post',
    url: '/api/communities',
    body: {
      streetId: '$STREET',
      code: 'X2',
      name: 'x',
      nameEn: 'x',
      households: 1,
      registeredResidents: 1,
      firstElectedOn: '2019-02-30',
    },
    field: 'firstElectedOn',
  },
  {
    name: 'create community in an unknown street',
    method: 'post',
    url: '/api/communities',
    body: {
      streetId: '0b6f1c1e-8a4e-4c39-9a4f-2a9d3c1d7e11',
      code: 'X3',
      name: 'x',
      nameEn: 'x',
      households: 1,
      registeredResidents: 1,
    },
    field: 'streetId',
  },
  {
    name: 'update community with a string for households',
    method: 'patch',
    url: '/api/communities/$COMMUNITY',
    body: { households: '12' },
    field: 'households',
  },
  {
    name: 'create compound with latitude 120',
    method: 'post',
    url: '/api/compounds',
    body: { communityId: '$COMMUNITY', name: 'x', nameEn: 'x', lat: 120 },
    field: 'lat',
  },
  {
    name: 'create desk without coordinates',
    method: 'post',
    url: '/api/desks',
    body: { communityId: '$COMMUNITY', name: 'x', nameEn: 'x', areaSqm: 20 },
    field: 'lat',
  },
  {
    name: 'create desk with zero area',
    method: 'post',
    url: '/api/desks',
    body: { communityId: '$COMMUNITY', name: 'x', nameEn: 'x', areaSqm: 0, lat: 29.6, lng: 106.5 },
    field: 'areaSqm',
  },
  {
    name: 'set hours with weekday 8',
    method: 'put',
    url: '/api/desks/$DESK/hours',
    body: { weeklyHours: [{ weekday: 8, intervals: [] }] },
    field: 'weeklyHours.0.weekday',
  },
  {
    name: 'set hours with 25:00',
    method: 'put',
    url: '/api/desks/$DESK/hours',
    body: { weeklyHours: [{ weekday: 1, intervals: [{ opens: '08:00', closes: '25:00' }] }] },
    field: 'weeklyHours.0.intervals.0.closes',
  },
  {
    name: 'set hours with intervals not an array',
    method: 'put',
    url: '/api/desks/$DESK/hours',
    body: { weeklyHours: [{ weekday: 1, intervals: 'all day' }] },
    field: 'weeklyHours.0.intervals',
  },
  {
    name: 'exception with a bad date',
    method: 'post',
    url: '/api/desks/$DESK/exceptions',
    body: { date: '27/11/2026', intervals: [] },
    field: 'date',
  },
  {
    name: 'delete an exception by a bad id',
    method: 'delete',
    url: '/api/desks/$DESK/exceptions/nope',
    field: 'exceptionId',
  },
  { name: 'residents page 0', method: 'get', url: '/api/residents?page=0', field: 'page' },
  {
    name: 'residents page size 10000',
    method: 'get',
    url: '/api/residents?pageSize=10000',
    field: 'pageSize',
  },
  { name: 'residents page as text', method: 'get', url: '/api/residents?page=abc', field: 'page' },
  {
    name: 'resident contact by a bad id',
    method: 'get',
    url: '/api/residents/xyz/contact',
    field: 'id',
  },
  {
    name: 'public desks with latitude text',
    method: 'get',
    url: '/api/public/desks?lat=north&lng=106.5',
    field: 'lat',
  },
  {
    name: 'public desks with limit 0',
    method: 'get',
    url: '/api/public/desks?limit=0',
    field: 'limit',
  },
  {
    name: 'an unknown route',
    method: 'get',
    url: '/api/nothing-here',
    status: 404,
    code: 'NOT_FOUND',
  },
];

describe('bad input', () => {
  // Ids exist only once the test database is filled, so cases name them by placeholder.
  const fill = (s: string) =>
    s
      .replaceAll('$COMMUNITY', community.id)
      .replaceAll('$STREET', community.streetId)
      .replaceAll('$DESK', desk.id);

  it.each(cases)('$name → clear 4xx', async (c) => {
    let req = t.http[c.method](fill(c.url)).set('Authorization', auth);
    if (c.raw !== undefined) req = req.set('Content-Type', 'application/json').send(c.raw);
    else if (c.body !== undefined)
      req = req.send(JSON.parse(fill(JSON.stringify(c.body))) as object);
    const res = await req;
    expect(res.status).toBe(c.status ?? 400);
    expect(res.body).toMatchObject({ statusCode: res.status, code: c.code ?? 'VALIDATION_FAILED' });
    expect(typeof res.body.message).toBe('string');
    expect(typeof res.body.requestId).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|QueryFailedError|stack/);
    if (c.field) expect(res.body.fields?.map((f: { field: string }) => f.field)).toContain(c.field);
    for (const f of (res.body.fields ?? []) as { code: string }[])
      expect(FIELD_ERROR_CODES).toContain(f.code);
  });
});
