import type { LoginResponse, Role, StaffRole } from '@baitong/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { hash } from '@node-rs/argon2';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import type { SmsProvider } from '../../src/auth/sms.provider';
import type { Clock } from '../../src/common/clock';
import { createLogger } from '../../src/common/logger';
import { type AppConfig, loadConfig } from '../../src/config/config';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StreetEntity,
} from '../../src/org/org.entities';
import { DEFAULT_WEEKLY_HOURS } from '../../src/org/opening-hours';
import { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import { CategoryEntity } from '../../src/cases/case.entities';
import { createTestDatabase } from './db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASSWORD = 'correct-horse-battery';

/** A clock the test moves by hand; `null` means real time. */
export class TestClock implements Clock {
  at: Date | null = null;
  now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

/** Keeps every text message, so tests read one-time codes the way a resident would. */
export class CapturingSms implements SmsProvider {
  readonly name = 'capture';
  readonly sent: { phone: string; text: string }[] = [];
  send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
    return Promise.resolve();
  }
  lastCode(phone: string): string {
    const msg = [...this.sent].reverse().find((m) => m.phone === phone);
    const code = msg && /(\d{6})/.exec(msg.text)?.[1];
    if (!code) throw new Error(`no code sent to ${phone}`);
    return code;
  }
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export interface TestContext {
  app: NestExpressApplication;
  http: TestAgent;
  ds: DataSource;
  clock: TestClock;
  sms: CapturingSms;
  config: AppConfig;
  given: Given;
  /** The test file's own database, for a second API process in multi-process tests. */
  url: string;
  close(): Promise<void>;
}

export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'baitong-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CONSOLE_DIST: '',
    RESIDENT_DIST: '',
    DATA_DIR: dataDir,
    ...env,
  });
  const clock = new TestClock();
  const sms = new CapturingSms();
  const app = await createApp(config, db.url, createLogger('silent'), { clock, sms });
  await app.init();
  const ds = app.get(DataSource);
  const passwordHash = await hash(PASSWORD);
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    ds,
    clock,
    sms,
    config,
    given: new Given(ds, http, passwordHash, sms),
    url: db.url,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Factories that write real rows and return what they created. */
export class Given {
  constructor(
    readonly ds: DataSource,
    private readonly http: TestAgent,
    private readonly passwordHash: string,
    private readonly sms: CapturingSms,
  ) {}

  async street(p: Partial<StreetEntity> = {}): Promise<StreetEntity> {
    const u = uniq();
    return this.ds
      .getRepository(StreetEntity)
      .save({ code: `S${u}`, name: `街道${u}`, nameEn: `Street ${u}`, ...p });
  }

  async community(
    p: Partial<CommunityEntity> & { street?: StreetEntity } = {},
  ): Promise<CommunityEntity> {
    const { street, ...rest } = p;
    const s = street ?? (await this.street());
    const u = uniq();
    return this.ds.getRepository(CommunityEntity).save({
      streetId: s.id,
      code: `C${u}`,
      name: `社区${u}`,
      nameEn: `Community ${u}`,
      firstElectedOn: '2019-06-30',
      households: 3000,
      registeredResidents: 7500,
      address: '',
      lat: 29.6,
      lng: 106.5,
      ...rest,
    });
  }

  async compound(
    p: Partial<CompoundEntity> & { community: CommunityEntity },
  ): Promise<CompoundEntity> {
    const { community, ...rest } = p;
    const u = uniq();
    return this.ds.getRepository(CompoundEntity).save({
      communityId: community.id,
      name: `小区${u}`,
      nameEn: `Compound ${u}`,
      address: '',
      households: 500,
      lat: 29.6,
      lng: 106.5,
      ...rest,
    });
  }

  async desk(p: Partial<DeskEntity> & { community: CommunityEntity }): Promise<DeskEntity> {
    const { community, ...rest } = p;
    const u = uniq();
    return this.ds.getRepository(DeskEntity).save({
      communityId: community.id,
      compoundId: null,
      name: `百通岗${u}`,
      nameEn: `Desk ${u}`,
      address: '',
      lat: 29.6,
      lng: 106.5,
      areaSqm: 60,
      phone: null,
      weeklyHours: DEFAULT_WEEKLY_HOURS,
      ...rest,
    });
  }

  async exception(
    desk: DeskEntity,
    date: string,
    intervals: { opens: string; closes: string }[],
    note = '',
  ): Promise<DeskHoursExceptionEntity> {
    return this.ds
      .getRepository(DeskHoursExceptionEntity)
      .save({ deskId: desk.id, date, intervals, note });
  }

  async grid(p: { community: CommunityEntity; compound?: CompoundEntity }): Promise<GridEntity> {
    const u = uniq();
    return this.ds.getRepository(GridEntity).save({
      communityId: p.community.id,
      compoundId: p.compound?.id ?? null,
      code: `G${u}`,
      name: `网格${u}`,
    });
  }

  async staff(
    role: StaffRole,
    where: { street?: StreetEntity; community?: CommunityEntity; compound?: CompoundEntity } = {},
  ): Promise<StaffAccountEntity> {
    const level =
      role === 'bureau_admin' || role === 'monitor'
        ? 'district'
        : role === 'street_admin'
          ? 'street'
          : role === 'grid_worker'
            ? 'compound'
            : 'community';
    const u = uniq();
    return this.ds.getRepository(StaffAccountEntity).save({
      username: `${role.replace('_', '')}.${u}`.toLowerCase(),
      passwordHash: this.passwordHash,
      displayName: `${role} ${u}`,
      phone: null,
      role,
      scopeLevel: level,
      streetId: level === 'street' ? where.street!.id : null,
      communityId:
        level === 'community'
          ? where.community!.id
          : level === 'compound'
            ? where.compound!.communityId
            : null,
      compoundId: level === 'compound' ? where.compound!.id : null,
      deskId: null,
      gridId: null,
    });
  }

  async resident(p: {
    community: CommunityEntity;
    compound?: CompoundEntity;
    phone?: string;
    idNumber?: string;
  }): Promise<ResidentEntity> {
    const phone = p.phone ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return this.ds.getRepository(ResidentEntity).save({
      name: `居民${uniq()}`,
      phone,
      idNumber: p.idNumber ?? '500112199001011234',
      communityId: p.community.id,
      compoundId: p.compound?.id ?? null,
      isForeign: false,
      nationality: null,
      preferredLanguage: 'zh-CN',
      registeredAt: new Date('2026-01-01T00:00:00Z'),
      lastActiveAt: null,
      appSince: null,
    });
  }

  async category(p: Partial<CategoryEntity> = {}): Promise<CategoryEntity> {
    const u = uniq();
    return this.ds.getRepository(CategoryEntity).save({
      kind: 'concern',
      code: `cat_${u}`,
      nameZh: `类别${u}`,
      nameEn: `Category ${u}`,
      acceptWithinMinutes: 30,
      resolveWithinValue: 24,
      resolveWithinUnit: 'open_hours',
      followUpRequired: true,
      publicArea: false,
      replyTemplates: [],
      active: true,
      ...p,
    });
  }

  /** Signs a staff member in through the real endpoint. */
  async login(staff: StaffAccountEntity): Promise<LoginResponse> {
    const res = await this.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: PASSWORD });
    if (res.status !== 200)
      throw new Error(
        `login of ${staff.username} failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body as LoginResponse;
  }

  async token(staff: StaffAccountEntity): Promise<string> {
    return (await this.login(staff)).accessToken;
  }

  /** Signs a resident in with a one-time code read from the captured text message. */
  async residentLogin(resident: ResidentEntity): Promise<LoginResponse> {
    const otp = await this.http.post('/api/auth/resident/otp').send({ phone: resident.phone });
    if (otp.status !== 200)
      throw new Error(
        `otp for ${resident.phone} failed: ${otp.status} ${JSON.stringify(otp.body)}`,
      );
    const res = await this.http
      .post('/api/auth/resident/login')
      .send({ phone: resident.phone, code: this.sms.lastCode(resident.phone) });
    if (res.status !== 200)
      throw new Error(`resident login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  }
}

export type { Role };
