import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AuditController } from './audit/audit.controller';
import { AuditWritesInterceptor } from './audit/audit.interceptor';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import {
  LogSmsProvider,
  SMS_PROVIDER,
  type SmsProvider,
  WebhookSmsProvider,
} from './auth/sms.provider';
import { TokenService } from './auth/token.service';
import { CategoriesService } from './cases/categories.service';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { DiskPhotoStorage, PHOTO_STORAGE, type PhotoStorage } from './cases/photo-storage';
import { PhotosRepository } from './cases/photos.repository';
import { PhotosService } from './cases/photos.service';
import { Db } from './database/db';
import { EventsRepository } from './events/events.repository';
import { EventStream } from './events/event-stream.service';
import { CLOCK, type Clock, systemClock } from './common/clock';
import { LOGGER } from './common/logger';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { JOBS_DATABASE_URL, JobsService } from './jobs/jobs.service';
import { HealthRepository } from './health/health.repository';
import { OrgController, PublicDesksController } from './org/org.controller';
import { OrgPushes } from './org/org-pushes';
import { OrgRepository } from './org/org.repository';
import { OrgService } from './org/org.service';
import { PeopleController } from './people/people.controller';
import { PeopleRepository } from './people/people.repository';
import { PeopleService } from './people/people.service';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { RealtimeService } from './realtime/realtime.service';
import { join } from 'node:path';

export interface AppOverrides {
  clock?: Clock;
  sms?: SmsProvider;
  photos?: PhotoStorage;
}

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
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: LOGGER, useValue: log },
      { provide: CLOCK, useValue: overrides.clock ?? systemClock },
      { provide: SMS_PROVIDER, useValue: sms },
      {
        provide: PHOTO_STORAGE,
        useValue: overrides.photos ?? new DiskPhotoStorage(join(config.dataDir, 'uploads')),
      },
      { provide: JOBS_DATABASE_URL, useValue: databaseUrl },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_INTERCEPTOR, useClass: AuditWritesInterceptor },
      AuditRepository,
      CasesRepository,
      CasesService,
      CategoriesService,
      PhotosService,
      PhotosRepository,
      Db,
      EventsRepository,
      EventStream,
      RealtimeService,
      RealtimeGateway,
      JobsService,
      AuditService,
      AuthRepository,
      AuthService,
      TokenService,
      HealthRepository,
      OrgRepository,
      OrgService,
      OrgPushes,
      PeopleRepository,
      PeopleService,
    ];
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)), JwtModule.register({})],
      controllers: [
        AuthController,
        CasesController,
        OrgController,
        PublicDesksController,
        PeopleController,
        AuditController,
        HealthController,
      ],
      providers,
    };
  }
}
