import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { CasesService } from '../cases/cases.service';
import { PhotosService } from '../cases/photos.service';
import { LOGGER, logPoolError } from '../common/logger';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { ProjectEvaluationsService } from '../follow-ups/project-evaluations.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricRollupRepository } from '../metrics/metric-rollup.repository';
import { ApiClientsService } from '../open311/clients/api-clients.service';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');
const SLA_SCAN = 'sla-scan';
const PHOTO_CLEANUP = 'photo-cleanup';
const FOLLOW_UP_SCAN = 'follow-up-scan';
const METRIC_ROLLUP = 'metric-rollup';
const OPEN311_USAGE_CLEANUP = 'open311-usage-cleanup';

/**
 * Scheduled work on PostgreSQL (pg-boss): every minute one process, whichever takes the job,
 * marks overdue cases. Row locks in the scan keep two runs from marking a case twice.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | null = null;

  constructor(
    private readonly cases: CasesService,
    private readonly photos: PhotosService,
    private readonly followUps: FollowUpsService,
    private readonly evaluations: ProjectEvaluationsService,
    private readonly rollups: MetricRollupRepository,
    private readonly apiClients: ApiClientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_DATABASE_URL) private readonly url: string,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
    const boss = new PgBoss({ connectionString: this.url, max: 2, schema: 'pgboss' });
    boss.on('error', logPoolError(this.log, 'job queue'));
    await boss.start();
    await boss.createQueue(SLA_SCAN, { name: SLA_SCAN, policy: 'singleton' } as PgBoss.Queue);
    await boss.schedule(SLA_SCAN, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(SLA_SCAN, async () => {
      const marked = await this.cases.markOverdue();
      if (marked > 0) this.log.info({ marked }, 'overdue cases marked and escalated');
    });
    // Hourly, photos never attached to a case for a day go; row locks let several processes run it.
    await boss.createQueue(PHOTO_CLEANUP, {
      name: PHOTO_CLEANUP,
      policy: 'singleton',
    } as PgBoss.Queue);
    await boss.schedule(PHOTO_CLEANUP, '17 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(PHOTO_CLEANUP, async () => {
      await this.photos.removeUnattached();
    });
    // Every few minutes: overdue follow-ups told to their assignees, invitations to rate, quiet
    // cases (no follow-up needed, no objection) closed, and project evaluations past their window.
    await boss.createQueue(FOLLOW_UP_SCAN, {
      name: FOLLOW_UP_SCAN,
      policy: 'singleton',
    } as PgBoss.Queue);
    await boss.schedule(FOLLOW_UP_SCAN, '*/5 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(FOLLOW_UP_SCAN, async () => {
      const overdue = await this.followUps.markOverdue();
      const invited = await this.followUps.inviteToRate();
      const closed = await this.followUps.closeQuietCases();
      const lapsed = await this.evaluations.expire();
      if (overdue + invited + closed + lapsed > 0)
        this.log.info({ overdue, invited, closed, lapsed }, 'follow-up scan');
    });
    // Every minute: the metric roll-ups built if the rules changed, and the days marked by
    // writes since summed again (docs/METRICS.md, "Roll-ups"). Reads stay exact meanwhile.
    await boss.createQueue(METRIC_ROLLUP, {
      name: METRIC_ROLLUP,
      policy: 'singleton',
    } as PgBoss.Queue);
    await boss.schedule(METRIC_ROLLUP, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(METRIC_ROLLUP, async () => {
      const rebuilt = await this.rollups.ensureBuilt(this.config.metrics);
      const drained = await this.rollups.drainAll(this.config.metrics);
      if (rebuilt || drained > 0) this.log.info({ rebuilt, drained }, 'metric roll-ups');
    });
    // Hourly: the Open311 rate limit's per-minute counters older than a day go.
    await boss.createQueue(OPEN311_USAGE_CLEANUP, {
      name: OPEN311_USAGE_CLEANUP,
      policy: 'singleton',
    } as PgBoss.Queue);
    await boss.schedule(OPEN311_USAGE_CLEANUP, '41 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(OPEN311_USAGE_CLEANUP, async () => {
      await this.apiClients.pruneUsage();
    });
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    this.boss = null;
  }
}
