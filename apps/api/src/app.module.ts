import { join } from 'node:path';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AuditWritesInterceptor } from './audit/audit.interceptor';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import {
  LogSmsProvider,
  SMS_PROVIDER,
  type SmsProvider,
  WebhookSmsProvider,
} from './auth/sms.provider';
import { CasesModule } from './cases/cases.module';
import { CouncilModule } from './council/council.module';
import { DiskPhotoStorage, PHOTO_STORAGE, type PhotoStorage } from './cases/photo-storage';
import { CLOCK, type Clock, systemClock } from './common/clock';
import { LOGGER } from './common/logger';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { EventsModule } from './events/events.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { JOBS_DATABASE_URL } from './jobs/jobs.service';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgModule } from './org/org.module';
import { PeopleModule } from './people/people.module';
import { RatingsModule } from './ratings/ratings.module';
import { Open311Module } from './open311/open311.module';
import { RealtimeModule } from './realtime/realtime.module';
import { WorkforceModule } from './workforce/workforce.module';

export interface AppOverrides {
  clock?: Clock;
  sms?: SmsProvider;
  photos?: PhotoStorage;
}

/** What every module may inject: configuration, the logger, the clock and the outside services. */
@Global()
@Module({})
class CoreModule {}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    log: Logger,
    overrides: AppOverrides = {},
  ): DynamicModule {
    const sms: SmsProvider =
      overrides.sms ??
      (config.sms.provider === 'webhook'
        ? new WebhookSmsProvider(config.sms.url, config.sms.token)
        : new LogSmsProvider(log));
    const core = [
      { provide: APP_CONFIG, useValue: config },
      { provide: LOGGER, useValue: log },
      { provide: CLOCK, useValue: overrides.clock ?? systemClock },
      { provide: SMS_PROVIDER, useValue: sms },
      {
        provide: PHOTO_STORAGE,
        useValue: overrides.photos ?? new DiskPhotoStorage(join(config.dataDir, 'uploads')),
      },
      { provide: JOBS_DATABASE_URL, useValue: databaseUrl },
    ];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        { module: CoreModule, providers: core, exports: core.map((p) => p.provide) },
        EventsModule,
        AuditModule,
        AuthModule,
        OrgModule,
        PeopleModule,
        CasesModule,
        FollowUpsModule,
        CouncilModule,
        MetricsModule,
        WorkforceModule,
        RatingsModule,
        Open311Module,
        NotificationsModule,
        RealtimeModule,
        JobsModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditWritesInterceptor },
      ],
    };
  }
}
