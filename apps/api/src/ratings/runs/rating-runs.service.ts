import type {
  RatingMissingInput,
  RatingObjection,
  RatingObjectionStatus,
  RatingRunAction,
  RatingRunDetail,
  RatingRunStatus,
  RatingRunSummary,
  RatingSnapshotDiff,
  RatingSnapshotFacts,
  RatingSnapshotSummary,
} from '@baitong/contracts';
import {
  ENGINE,
  type Framework,
  type RatingInput,
  type RatingResult,
  RatingValidationError,
  isMetricKey,
  rate,
  validatePolicy,
  validateRatingInput,
} from '@baitong/rating-engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AppException } from '../../common/app-exception';
import { CLOCK, type Clock } from '../../common/clock';
import { Db } from '../../database/db';
import type { Tx } from '../../database/tx';
import { EventStream } from '../../events/event-stream.service';
import { MetricsService } from '../../metrics/metrics.service';
import { RealtimeService } from '../../realtime/realtime.service';
import type { RatingObjectionEntity, RatingRunEntity } from '../rating.entities';
import {
  assemble,
  contentHashOf,
  indicatorNeeds,
  inputChanges,
  missingInputs,
  resultHashOf,
  resultMoves,
} from './rating-run-input';
import type {
  AnswerRatingObjectionDto,
  CancelRatingRunDto,
  CreateRatingObjectionDto,
  CreateRatingRunDto,
  FreezeRatingRunDto,
  RatingCorrectionDto,
} from './rating-runs.dto';
import { RatingRunsRepository, isUniqueViolation } from './rating-runs.repository';

const DAY_MS = 86_400_000;
const OPEN: RatingRunStatus[] = ['draft', 'frozen', 'computed', 'in_review'];
/** What street and community staff see of the runs: from the review on. */
const VISIBLE_BELOW_DISTRICT: RatingRunStatus[] = ['in_review', 'published'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

const conflict = (message: string, reason: string, more: Record<string, unknown> = {}) =>
  new AppException('CONFLICT', message, undefined, { reason, ...more });

const illegal = (run: RatingRunEntity, action: string, allowed: string[]) =>
  new AppException(
    'ILLEGAL_TRANSITION',
    `A ${run.status} run cannot ${action.replace('_', ' ')}`,
    undefined,
    { reason: 'illegal_transition', status: run.status, action, allowedFrom: allowed },
  );

/**
 * The rating run: freeze every input into an immutable snapshot with a content hash, compute
 * with the engine and keep exactly what it said, review with objections (each corrected input a
 * new snapshot version, computed at once), publish once and for all.
 */
@Injectable()
export class RatingRunsService implements OnModuleInit {
  constructor(
    private readonly repo: RatingRunsRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    private readonly metrics: MetricsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.realtime.render('rating_run', (_events) =>
      Promise.resolve((event) => ({
        eventId: event.id,
        runId: event.subjectId,
        year: event.data['year'] as number,
        contentHash: event.data['contentHash'] as string,
      })),
    );
  }

  // ---- reads ----

  private readsAll(a: Actor): boolean {
    return a.kind === 'staff' && a.scopeLevel === 'district';
  }

  private mayRead(a: Actor, run: RatingRunEntity): boolean {
    if (!policy.readRatingRuns(a)) return false;
    return this.readsAll(a) || VISIBLE_BELOW_DISTRICT.includes(run.status as RatingRunStatus);
  }

  private async readable(a: Actor, id: string): Promise<RatingRunEntity> {
    if (!policy.readRatingRuns(a)) throw AppException.forbidden('Staff read the rating runs');
    const run = await this.repo.findRun(id);
    if (!run || !this.mayRead(a, run)) throw AppException.notFound('Rating run');
    return run;
  }

  async list(a: Actor): Promise<RatingRunSummary[]> {
    if (!policy.readRatingRuns(a)) throw AppException.forbidden('Staff read the rating runs');
    const runs = await this.repo.listRuns(this.readsAll(a) ? null : VISIBLE_BELOW_DISTRICT);
    return Promise.all(runs.map((r) => this.summary(r)));
  }

  async get(a: Actor, id: string): Promise<RatingRunDetail> {
    const run = await this.readable(a, id);
    return this.detail(a, run);
  }

  private async summary(run: RatingRunEntity): Promise<RatingRunSummary> {
    const heads = run.snapshotVersion ? await this.repo.snapshotHeads(run.id) : [];
    const current = heads.find((h) => h.version === run.snapshotVersion) ?? null;
    const digest =
      current && current.computedAt
        ? await this.repo.snapshotDigest(run.id, current.version)
        : null;
    const f = run.framework!;
    return {
      id: run.id,
      year: run.year,
      status: run.status as RatingRunStatus,
      frameworkId: run.frameworkId,
      frameworkName: { zh: f.nameZh, en: f.nameEn },
      frameworkVersion: f.version,
      frameworkSample: f.sample,
      ratingDate: run.ratingDate,
      policy: run.policy,
      objectionWindowDays: run.objectionWindowDays,
      reviewOpenedAt: iso(run.reviewOpenedAt),
      reviewClosesAt: iso(run.reviewClosesAt),
      snapshotVersion: run.snapshotVersion,
      contentHash: current?.contentHash ?? null,
      supersedesRunId: run.supersedesRunId,
      supersededByRunId: run.supersededByRunId,
      note: run.note,
      createdByName: run.createdByName,
      createdAt: iso(run.createdAt)!,
      frozenAt: iso(run.frozenAt),
      computedAt: iso(run.computedAt),
      publishedAt: iso(run.publishedAt),
      cancelledAt: iso(run.cancelledAt),
      cancelReason: run.cancelReason,
      counts:
        digest && digest.communities !== null
          ? {
              communities: digest.communities,
              rated: digest.rated ?? 0,
              grades: {
                AAA: digest.grades?.['AAA'] ?? 0,
                AA: digest.grades?.['AA'] ?? 0,
                A: digest.grades?.['A'] ?? 0,
                none: digest.grades?.['none'] ?? 0,
              },
            }
          : null,
      version: run.version,
    };
  }

  private async detail(a: Actor, run: RatingRunEntity): Promise<RatingRunDetail> {
    const summary = await this.summary(run);
    const heads = await this.repo.snapshotHeads(run.id);
    const snapshots: RatingSnapshotSummary[] = heads.map((h) => ({
      version: h.version,
      contentHash: h.contentHash,
      reason: h.reason,
      createdAt: iso(h.createdAt)!,
      createdByName: h.createdByName,
      computedAt: iso(h.computedAt),
      resultHash: h.resultHash,
      engineVersion: h.engineVersion,
    }));
    let missing: RatingMissingInput[] = [];
    if (run.snapshotVersion) {
      const digest = await this.repo.snapshotDigest(run.id, run.snapshotVersion);
      missing = (digest?.missing ?? []) as RatingMissingInput[];
      if (!this.readsAll(a)) {
        const mine = new Set(await this.repo.communityIdsInScope(a));
        missing = missing.filter((m) => mine.has(m.communityId));
      }
    }
    const counts = await this.repo.objectionCounts(a, run.id);
    const objections: Record<RatingObjectionStatus, number> = {
      open: counts['open'] ?? 0,
      accepted: counts['accepted'] ?? 0,
      rejected: counts['rejected'] ?? 0,
    };
    return {
      ...summary,
      snapshots,
      missing,
      objections,
      allowedActions: this.allowedActions(a, run, objections.open),
    };
  }

  private allowedActions(a: Actor, run: RatingRunEntity, open: number): RatingRunAction[] {
    const out: RatingRunAction[] = [];
    const now = this.clock.now().getTime();
    const windowOpen =
      run.status === 'in_review' && !!run.reviewClosesAt && now < run.reviewClosesAt.getTime();
    if (policy.manageRatingRuns(a)) {
      if (run.status === 'draft') out.push('freeze');
      if (run.status === 'frozen') out.push('compute');
      if (run.status === 'computed' && run.objectionWindowDays > 0) out.push('open_review');
      if (
        (run.status === 'computed' && run.objectionWindowDays === 0) ||
        (run.status === 'in_review' && !windowOpen && open === 0)
      )
        out.push('publish');
      if (OPEN.includes(run.status as RatingRunStatus)) out.push('cancel');
      if (run.status === 'in_review' && open > 0) out.push('answer');
    }
    if (a.kind === 'staff' && a.role === 'community_admin' && windowOpen) out.push('object');
    return out;
  }

  // ---- the lifecycle ----

  async create(a: Actor, dto: CreateRatingRunDto): Promise<RatingRunDetail> {
    if (!policy.manageRatingRuns(a))
      throw AppException.forbidden('Only the bureau runs the rating');
    let frameworkId = dto.frameworkId;
    if (!frameworkId) {
      const campaign = await this.repo.campaignOfYear(dto.year);
      if (!campaign)
        throw AppException.invalid(
          'frameworkId',
          `there is no assessment campaign for ${dto.year}: name the framework`,
          'required',
        );
      frameworkId = campaign.frameworkId;
    }
    const framework = await this.repo.findFramework(frameworkId);
    if (!framework) throw AppException.invalid('frameworkId', 'no such framework', 'not_found');
    if (framework.effectiveYear > dto.year)
      throw AppException.invalid(
        'frameworkId',
        `the framework applies from ${framework.effectiveYear}, after ${dto.year}`,
      );
    if (!validDay(dto.ratingDate))
      throw AppException.invalid('ratingDate', 'is not a calendar day', 'invalid_date');
    const resolved = validatePolicy(dto.policy ?? {}, framework.definition);
    if (!resolved.ok)
      throw new AppException(
        'VALIDATION_FAILED',
        `policy: ${resolved.issues[0]?.message ?? 'invalid'}`,
        resolved.issues.map((i) => ({
          field: i.path || 'policy',
          message: i.message,
        })),
      );
    return this.db.transaction(async (m) => {
      const published = await this.repo.publishedOfYear(m, dto.year);
      if (dto.supersedesRunId) {
        const old = await this.repo.lockRun(m, dto.supersedesRunId);
        if (!old || old.year !== dto.year || old.status !== 'published' || old.supersededByRunId)
          throw AppException.invalid(
            'supersedesRunId',
            `must be the published, not yet superseded run of ${dto.year}`,
            'not_found',
          );
      } else if (published)
        throw conflict(
          `${dto.year} is published: a correction run names it in supersedesRunId`,
          'year_published',
          { publishedRunId: published },
        );
      let run: RatingRunEntity;
      try {
        run = await this.repo.saveRun(m, {
          year: dto.year,
          status: 'draft',
          frameworkId: framework.id,
          policy: dto.policy ?? {},
          ratingDate: dto.ratingDate,
          objectionWindowDays: dto.objectionWindowDays,
          supersedesRunId: dto.supersedesRunId ?? null,
          note: dto.note ?? '',
          createdById: a.id,
          createdByName: a.name,
        });
      } catch (err) {
        if (isUniqueViolation(err, 'UQ_rating_run_open_year'))
          throw conflict(`${dto.year} already has an open run`, 'open_run_exists');
        throw err;
      }
      run.framework = framework;
      return this.detail(a, run);
    });
  }

  /** Locks the run for a bureau write; a published or cancelled run takes no write at all. */
  private async lockForWrite(m: Tx, a: Actor, id: string): Promise<RatingRunEntity> {
    if (!policy.manageRatingRuns(a))
      throw AppException.forbidden('Only the bureau runs the rating');
    const run = await this.repo.lockRun(m, id);
    if (!run) throw AppException.notFound('Rating run');
    if (run.status === 'published')
      throw conflict('A published run is never changed: a correction is a new run', 'published');
    return run;
  }

  async freeze(a: Actor, id: string, dto: FreezeRatingRunDto): Promise<RatingRunDetail> {
    const done = await this.db.transaction(async (m) => {
      const run = await this.lockForWrite(m, a, id);
      if (run.status !== 'draft') throw illegal(run, 'freeze', ['draft']);
      const framework = run.framework!;
      const resolved = validatePolicy(run.policy, framework.definition);
      if (!resolved.ok)
        throw conflict('The run policy no longer fits its framework', 'invalid_policy', {
          issues: resolved.issues,
        });
      const campaign = await this.repo.campaignOfYear(run.year, m);
      const communities = await this.repo.communities(m);
      const period = { from: `${run.year}-01-01`, to: `${run.year}-12-31` };
      const [figures, assessments, disqualifications, previousGrades] = await Promise.all([
        this.metrics.figuresFor(
          communities.map((c) => c.id),
          period,
        ),
        campaign ? this.repo.submittedAssessments(campaign.id) : Promise.resolve([]),
        this.repo.liveDisqualifications(run.year),
        this.repo.previousGrades(run.year - 1),
      ]);
      const { input, facts } = assemble({
        year: run.year,
        ratingDate: run.ratingDate,
        framework: {
          id: framework.id,
          key: framework.frameworkKey,
          version: framework.version,
          sample: framework.sample,
          definition: framework.definition,
        },
        policy: resolved.value,
        communities,
        figures,
        assessments,
        disqualifications,
        previousGrades,
      });
      const valid = validateRatingInput(input);
      if (!valid.ok)
        throw conflict('The assembled inputs are not valid for the engine', 'invalid_inputs', {
          issues: valid.issues,
        });
      if (facts.missing.length > 0 && dto.acceptMissing !== true)
        throw conflict(
          `${facts.missing.length} inputs are missing: supply them, or freeze with acceptMissing`,
          'missing_inputs',
          { missing: facts.missing },
        );
      const now = this.clock.now();
      await this.repo.insertSnapshot(m, {
        runId: run.id,
        version: 1,
        input,
        facts: facts as unknown as Record<string, unknown>,
        contentHash: contentHashOf(input, facts),
        reason: 'freeze',
        createdById: a.id,
        createdByName: a.name,
        result: null,
        resultHash: null,
        engineVersion: null,
        computedAt: null,
      });
      run.status = 'frozen';
      run.snapshotVersion = 1;
      run.frozenAt = now;
      run.version += 1;
      return this.repo.saveRun(m, run);
    });
    return this.detail(a, done);
  }

  async compute(a: Actor, id: string): Promise<RatingRunDetail> {
    const done = await this.db.transaction(async (m) => {
      const run = await this.lockForWrite(m, a, id);
      if (run.status !== 'frozen') throw illegal(run, 'compute', ['frozen']);
      const snap = await this.repo.snapshot(run.id, run.snapshotVersion!, m);
      const result = this.rate(snap!.input);
      const now = this.clock.now();
      await this.repo.writeResult(m, run.id, snap!.version, {
        result,
        resultHash: resultHashOf(result),
        engineVersion: ENGINE.version,
        computedAt: now,
      });
      run.status = 'computed';
      run.computedAt = now;
      run.version += 1;
      return this.repo.saveRun(m, run);
    });
    return this.detail(a, done);
  }

  private rate(input: RatingInput): RatingResult {
    try {
      return rate(input);
    } catch (err) {
      if (err instanceof RatingValidationError)
        throw conflict('The engine refused the frozen input', 'invalid_inputs', {
          issues: err.issues,
        });
      throw err;
    }
  }

  async openReview(a: Actor, id: string): Promise<RatingRunDetail> {
    const done = await this.db.transaction(async (m) => {
      const run = await this.lockForWrite(m, a, id);
      if (run.status !== 'computed') throw illegal(run, 'open_review', ['computed']);
      if (run.objectionWindowDays === 0)
        throw conflict(
          'The run has no review stage (objection window of 0 days): publish it',
          'no_review_stage',
        );
      const now = this.clock.now();
      run.status = 'in_review';
      run.reviewOpenedAt = now;
      run.reviewClosesAt = new Date(now.getTime() + run.objectionWindowDays * DAY_MS);
      run.version += 1;
      return this.repo.saveRun(m, run);
    });
    return this.detail(a, done);
  }

  async publish(a: Actor, id: string): Promise<RatingRunDetail> {
    const done = await this.db.transaction(async (m) => {
      const run = await this.lockForWrite(m, a, id);
      const now = this.clock.now();
      if (run.status === 'computed') {
        if (run.objectionWindowDays > 0)
          throw conflict(
            'Open the review first: the run has an objection window',
            'review_required',
          );
      } else if (run.status === 'in_review') {
        if (run.reviewClosesAt && now.getTime() < run.reviewClosesAt.getTime())
          throw conflict(
            `The objection window is open until ${run.reviewClosesAt.toISOString()}`,
            'objection_window_open',
            { reviewClosesAt: run.reviewClosesAt.toISOString() },
          );
        const open = await this.repo.openObjections(m, run.id);
        if (open > 0)
          throw conflict(`${open} objections are not answered yet`, 'open_objections', { open });
      } else throw illegal(run, 'publish', ['computed', 'in_review']);
      const snap = await this.repo.snapshot(run.id, run.snapshotVersion!, m);
      const result = snap!.result!;
      if (run.supersedesRunId) {
        const old = await this.repo.lockRun(m, run.supersedesRunId);
        if (!old || old.status !== 'published' || old.supersededByRunId)
          throw conflict(
            'The run this one corrects is no longer the published run of its year',
            'supersede_stale',
          );
        old.supersededByRunId = run.id;
        old.version += 1;
        await this.repo.saveRun(m, old);
      } else if (await this.repo.publishedOfYear(m, run.year))
        throw conflict(`${run.year} is already published`, 'year_published');
      run.status = 'published';
      run.publishedAt = now;
      run.publishedById = a.id;
      run.version += 1;
      let saved: RatingRunEntity;
      try {
        saved = await this.repo.saveRun(m, run);
      } catch (err) {
        if (isUniqueViolation(err, 'UQ_rating_run_published_year'))
          throw conflict(`${run.year} is already published`, 'year_published');
        throw err;
      }
      await this.repo.upsertGrades(
        m,
        run.year,
        run.id,
        result.communities.map((c) => ({
          communityId: c.id,
          grade: c.grade ?? 'none',
          status: c.status,
          total: c.total,
          rank: c.rank,
          ratedCount: result.summary.rated,
          notice: c.notice,
          recommended: c.recommended,
        })),
      );
      await this.repo.lockFramework(m, run.frameworkId, now);
      const staff = await this.repo.districtStaffIds(m);
      await this.stream.append(m, {
        name: 'rating.published',
        subject: { type: 'rating_run', id: run.id },
        rooms: [
          ...staff.map((s) => `user:${s}`),
          ...result.communities.map((c) => `community:${c.id}`),
        ],
        actor: a,
        data: { year: run.year, contentHash: snap!.contentHash, version: snap!.version },
        at: now,
      });
      return saved;
    });
    return this.detail(a, done);
  }

  async cancel(a: Actor, id: string, dto: CancelRatingRunDto): Promise<RatingRunDetail> {
    const done = await this.db.transaction(async (m) => {
      const run = await this.lockForWrite(m, a, id);
      if (run.status === 'cancelled') throw illegal(run, 'cancel', OPEN);
      run.status = 'cancelled';
      run.cancelledAt = this.clock.now();
      run.cancelReason = dto.reason;
      run.version += 1;
      return this.repo.saveRun(m, run);
    });
    return this.detail(a, done);
  }

  // ---- objections ----

  async objections(a: Actor, id: string): Promise<RatingObjection[]> {
    if (!policy.readRatingObjections(a))
      throw AppException.forbidden('The bureau, the monitor and admins read objections');
    await this.readable(a, id);
    const rows = await this.repo.objections(a, id);
    return rows.map(toObjection);
  }

  async object(a: Actor, id: string, dto: CreateRatingObjectionDto): Promise<RatingObjection> {
    if (!policy.fileRatingObjection(a, dto.communityId))
      throw AppException.forbidden("Only the community's own admin files its objection");
    const saved = await this.db.transaction(async (m) => {
      const run = await this.repo.lockRun(m, id);
      if (!run || !this.mayRead(a, run)) throw AppException.notFound('Rating run');
      if (run.status !== 'in_review')
        throw conflict('Objections are filed while the run is in review', 'not_in_review', {
          status: run.status,
        });
      if (!run.reviewClosesAt || this.clock.now().getTime() >= run.reviewClosesAt.getTime())
        throw conflict('The objection window has closed', 'objection_window_closed', {
          reviewClosesAt: iso(run.reviewClosesAt),
        });
      if (!(await this.repo.community(dto.communityId, m)))
        throw AppException.invalid('communityId', 'no such community', 'not_found');
      if (
        dto.indicatorKey !== undefined &&
        !indicatorNeeds(run.framework!.definition).some((n) => n.key === dto.indicatorKey)
      )
        throw AppException.invalid(
          'indicatorKey',
          'is not an indicator of the framework',
          'not_found',
        );
      return this.repo.insertObjection(m, {
        runId: run.id,
        communityId: dto.communityId,
        snapshotVersion: run.snapshotVersion!,
        indicatorKey: dto.indicatorKey ?? null,
        body: dto.body,
        filedById: a.id,
        filedByName: a.name,
        filedAt: this.clock.now(),
        status: 'open',
      });
    });
    const [row] = (await this.repo.objections(a, id)).filter((o) => o.id === saved.id);
    return toObjection(row!);
  }

  async answer(
    a: Actor,
    objectionId: string,
    dto: AnswerRatingObjectionDto,
  ): Promise<RatingObjection> {
    if (!policy.manageRatingRuns(a))
      throw AppException.forbidden('Only the bureau answers objections');
    const corrections = dto.corrections ?? [];
    if (dto.decision === 'rejected' && corrections.length > 0)
      throw AppException.invalid('corrections', 'a rejected objection corrects nothing');
    const runId = await this.db.transaction(async (m) => {
      const objection = await this.repo.lockObjection(m, objectionId);
      if (!objection) throw AppException.notFound('Objection');
      const run = await this.lockForWrite(m, a, objection.runId);
      if (run.status !== 'in_review')
        throw conflict('Objections are answered while the run is in review', 'not_in_review');
      if (objection.status !== 'open')
        throw conflict('This objection is answered already', 'already_answered');
      const now = this.clock.now();
      if (corrections.length > 0) {
        const version = await this.correct(m, a, run, objection, corrections, now);
        objection.resultingSnapshotVersion = version;
        run.snapshotVersion = version;
        run.computedAt = now;
        run.version += 1;
        await this.repo.saveRun(m, run);
      }
      objection.status = dto.decision;
      objection.answer = dto.answer;
      objection.answeredById = a.id;
      objection.answeredByName = a.name;
      objection.answeredAt = now;
      objection.version += 1;
      await this.repo.saveObjection(m, objection);
      return run.id;
    });
    const [row] = (await this.repo.objections(a, runId)).filter((o) => o.id === objectionId);
    return toObjection(row!);
  }

  /** A new snapshot version with the corrected inputs of one community, computed at once. */
  private async correct(
    m: Tx,
    a: Actor,
    run: RatingRunEntity,
    objection: RatingObjectionEntity,
    corrections: RatingCorrectionDto[],
    now: Date,
  ): Promise<number> {
    const snap = (await this.repo.snapshot(run.id, run.snapshotVersion!, m))!;
    const input = structuredClone(snap.input);
    const facts = structuredClone(snap.facts) as unknown as RatingSnapshotFacts;
    facts.corrections = [];
    const c = input.communities.find((x) => x.id === objection.communityId);
    if (!c) throw conflict('The community is not in this run', 'community_not_in_run');
    const needs = indicatorNeeds(input.framework);
    const record = (field: string, indicatorKey: string | null, from: unknown, to: unknown) =>
      facts.corrections.push({
        objectionId: objection.id,
        communityId: c.id,
        indicatorKey,
        field,
        from: from ?? null,
        to: to ?? null,
      });
    corrections.forEach((k, n) => {
      const at = `corrections.${n}`;
      const value = k.value;
      if (k.field === 'metric') {
        if (!k.metric || !isMetricKey(k.metric))
          throw AppException.invalid(`${at}.metric`, 'is not a metric key', 'not_one_of');
        if (value !== null && typeof value !== 'number')
          throw AppException.invalid(`${at}.value`, 'must be a number or null', 'not_a_number');
        const metrics = (c.metrics ??= {}) as Record<string, number | null>;
        record(`metrics.${k.metric}`, null, metrics[k.metric], value);
        metrics[k.metric] = value;
      } else if (k.field === 'assessment') {
        const need = needs.find((x) => x.key === k.indicatorKey && x.metric === null);
        if (!need)
          throw AppException.invalid(
            `${at}.indicatorKey`,
            'is not an assessed indicator',
            'not_found',
          );
        if (!k.assessorKind || !need.assessors.includes(k.assessorKind))
          throw AppException.invalid(
            `${at}.assessorKind`,
            'does not score this indicator',
            'not_one_of',
            {
              allowed: need.assessors,
            },
          );
        if (value !== null && typeof value !== 'number')
          throw AppException.invalid(`${at}.value`, 'must be a number or null', 'not_a_number');
        const scores = ((c.assessments ??= {})[need.key] ??= {});
        record(
          `assessments.${need.key}.${k.assessorKind}`,
          need.key,
          scores[k.assessorKind]?.score,
          value,
        );
        const factScores = ((facts.assessments[c.id] ??= {})[need.key] ??= {});
        if (value === null) {
          delete scores[k.assessorKind];
          delete factScores[k.assessorKind];
        } else {
          scores[k.assessorKind] = { score: value, evidence: [`objection:${objection.id}`] };
          factScores[k.assessorKind] = {
            assessmentId: factScores[k.assessorKind]?.assessmentId ?? `objection:${objection.id}`,
            score: value,
            enteredByName: a.name,
            submittedAt: now.toISOString(),
            evidenceCount: factScores[k.assessorKind]?.evidenceCount ?? 0,
          };
        }
      } else if (k.field === 'firstElectedOn') {
        if (value !== null && (typeof value !== 'string' || !validDay(value)))
          throw AppException.invalid(`${at}.value`, 'must be YYYY-MM-DD or null', 'invalid_date');
        record('firstElectedOn', null, c.firstElectedOn, value);
        c.firstElectedOn = value;
        if (facts.communities[c.id]) facts.communities[c.id]!.firstElectedOn = value;
      } else {
        const d = value as { reason?: unknown; reference?: unknown } | null;
        if (
          d !== null &&
          (typeof d !== 'object' ||
            typeof d.reason !== 'string' ||
            d.reason.trim() === '' ||
            (d.reference !== undefined && typeof d.reference !== 'string'))
        )
          throw AppException.invalid(`${at}.value`, 'must be { reason, reference? } or null');
        record('disqualification', null, c.disqualification, d);
        facts.disqualifications = facts.disqualifications.filter((x) => x.communityId !== c.id);
        if (d === null) delete c.disqualification;
        else {
          c.disqualification = {
            reason: d.reason as string,
            ...(d.reference ? { reference: d.reference as string } : {}),
          };
          facts.disqualifications.push({
            id: `objection:${objection.id}`,
            communityId: c.id,
            what: d.reason as string,
            occurredOn: now.toISOString().slice(0, 10),
            noticeReference: (d.reference as string | undefined) ?? '',
          });
        }
      }
    });
    const valid = validateRatingInput(input);
    if (!valid.ok)
      throw new AppException(
        'VALIDATION_FAILED',
        `corrections: ${valid.issues[0]?.message ?? 'invalid'}`,
        valid.issues.map((i) => ({ field: `corrections (${i.path})`, message: i.message })),
      );
    facts.missing = missingInputs(input);
    const result = this.rate(input);
    const version = snap.version + 1;
    await this.repo.insertSnapshot(m, {
      runId: run.id,
      version,
      input,
      facts: facts as unknown as Record<string, unknown>,
      contentHash: contentHashOf(input, facts),
      reason: `objection:${objection.id}`,
      createdById: a.id,
      createdByName: a.name,
      result,
      resultHash: resultHashOf(result),
      engineVersion: ENGINE.version,
      computedAt: now,
    });
    return version;
  }

  async diff(a: Actor, id: string, version: number, against: number): Promise<RatingSnapshotDiff> {
    const run = await this.readable(a, id);
    if (!this.readsAll(a))
      throw AppException.forbidden('The bureau and the monitor compare versions');
    const [after, before] = await Promise.all([
      this.repo.snapshot(run.id, version),
      this.repo.snapshot(run.id, against),
    ]);
    if (!after) throw AppException.notFound('Snapshot version');
    if (!before) throw AppException.invalid('against', 'no such snapshot version', 'not_found');
    return {
      runId: run.id,
      version,
      against,
      contentHash: after.contentHash,
      againstContentHash: before.contentHash,
      inputChanges: inputChanges(before.input, after.input),
      resultChanges: after.result && before.result ? resultMoves(before.result, after.result) : [],
    };
  }
}

function validDay(d: string): boolean {
  if (!DAY.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

function toObjection(
  o: RatingObjectionEntity & { communityName: string; communityNameEn: string },
): RatingObjection {
  return {
    id: o.id,
    runId: o.runId,
    communityId: o.communityId,
    communityName: o.communityName,
    communityNameEn: o.communityNameEn,
    snapshotVersion: o.snapshotVersion,
    indicatorKey: o.indicatorKey,
    body: o.body,
    filedByName: o.filedByName,
    filedAt: iso(o.filedAt)!,
    status: o.status,
    answer: o.answer,
    answeredByName: o.answeredByName,
    answeredAt: iso(o.answeredAt),
    resultingSnapshotVersion: o.resultingSnapshotVersion,
  };
}

export type { Framework };
