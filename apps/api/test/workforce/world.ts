import type { CreateWorkforceEntryRequest, WorkforceEntryDetail } from '@baitong/contracts';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import type { TestContext } from '../utils/app';

/** A community with its admin and a worker, a sibling on the street, and the district's roles. */
export interface RosterWorld {
  street: StreetEntity;
  community: CommunityEntity;
  sibling: CommunityEntity;
  empty: CommunityEntity;
  auth: {
    admin: string;
    worker: string;
    siblingAdmin: string;
    streetAdmin: string;
    otherStreetAdmin: string;
    bureau: string;
    monitor: string;
  };
}

export async function rosterWorld(t: TestContext): Promise<RosterWorld> {
  const street = await t.given.street();
  const community = await t.given.community({ street });
  const sibling = await t.given.community({ street });
  const empty = await t.given.community({ street });
  const otherStreet = await t.given.street();
  const bearer = async (p: Parameters<TestContext['given']['staff']>) =>
    `Bearer ${await t.given.token(await t.given.staff(...p))}`;
  return {
    street,
    community,
    sibling,
    empty,
    auth: {
      admin: await bearer(['community_admin', { community }]),
      worker: await bearer(['community_worker', { community }]),
      siblingAdmin: await bearer(['community_admin', { community: sibling }]),
      streetAdmin: await bearer(['street_admin', { street }]),
      otherStreetAdmin: await bearer(['street_admin', { street: otherStreet }]),
      bureau: await bearer(['bureau_admin']),
      monitor: await bearer(['monitor']),
    },
  };
}

let n = 0;

export function worker(p: Partial<CreateWorkforceEntryRequest> = {}): CreateWorkforceEntryRequest {
  return {
    workerNumber: `W${String(++n).padStart(4, '0')}`,
    name: '张晓燕',
    gender: 'female',
    birthDate: '1990-01-01',
    hiredOn: '2020-01-01',
    position: '综合岗',
    certified: false,
    education: 'bachelor',
    monthlyPayYuan: 4000,
    ...p,
  };
}

export async function hire(
  t: TestContext,
  auth: string,
  community: CommunityEntity,
  p: Partial<CreateWorkforceEntryRequest> = {},
): Promise<WorkforceEntryDetail> {
  const res = await t.http
    .post(`/api/communities/${community.id}/workforce`)
    .set('Authorization', auth)
    .send(worker(p));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as WorkforceEntryDetail;
}

/** An xlsx file of the rows under the header, as a spreadsheet program would write it. */
export async function workbook(header: string[], rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const HEADER = [
  '工号',
  '姓名',
  '性别',
  '出生日期',
  '入职日期',
  '离职日期',
  '离职原因',
  '岗位',
  '社工证',
  '学历',
  '月薪（元）',
  '生效日期',
];
