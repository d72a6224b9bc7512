import type { RatingFrameworkDetail, RatingFrameworkSummary } from '@baitong/contracts';
import {
  type Framework,
  SAMPLE_FRAMEWORKS,
  type ValidationIssue,
  frameworkShape,
  validateFramework,
} from '@baitong/rating-engine';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AppException, type FieldProblem } from '../../common/app-exception';
import { LOGGER } from '../../common/logger';
import { Db } from '../../database/db';
import type { RatingFrameworkEntity } from '../rating.entities';
import { bumpedVersion } from './assessment-rules';
import type { CreateRatingFrameworkDto, UpdateRatingFrameworkDto } from './frameworks.dto';
import { RatingFrameworksRepository } from './frameworks.repository';

const FIELD_CODE: Partial<Record<ValidationIssue['code'], FieldProblem['code']>> = {
  required: 'required',
  unknown_field: 'unknown_field',
  duplicate_key: 'duplicate',
  overlap: 'overlaps',
};

/** The engine's issues, each at its path in the framework JSON. */
function invalidFramework(issues: ValidationIssue[]): AppException {
  return new AppException(
    'VALIDATION_FAILED',
    `The framework is not valid: ${issues.length} problem(s), first at ${issues[0]?.path ?? '?'}`,
    issues.map((i) => ({
      field: i.path || 'definition',
      code: FIELD_CODE[i.code] ?? 'invalid',
      params: { issue: i.code },
      message: i.message,
    })),
  );
}

function toSummary(f: RatingFrameworkEntity): RatingFrameworkSummary {
  return {
    id: f.id,
    key: f.frameworkKey,
    version: f.version,
    name: { zh: f.nameZh, en: f.nameEn },
    effectiveYear: f.effectiveYear,
    sample: f.sample,
    locked: f.lockedAt !== null,
    lockedAt: f.lockedAt?.toISOString() ?? null,
    previousVersionId: f.previousVersionId,
    revision: f.revision,
    createdByName: f.createdByName,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    shape: frameworkShape(f.definition),
  };
}

const toDetail = (f: RatingFrameworkEntity): RatingFrameworkDetail => ({
  ...toSummary(f),
  definition: f.definition as unknown as Record<string, unknown>,
});

/**
 * Rating frameworks as data: versions validated by the engine on the way in. The bureau loads and
 * edits them; a version a published run used (`locked_at`) never changes, an edit of it makes a
 * new version that points back at it.
 */
@Injectable()
export class RatingFrameworksService {
  constructor(
    private readonly repo: RatingFrameworksRepository,
    private readonly db: Db,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** The shipped samples, inserted once (by key and version), marked as samples. */
  async preloadSamples(): Promise<void> {
    for (const fw of Object.values(SAMPLE_FRAMEWORKS)) {
      if (await this.repo.insertSampleIfAbsent(fw))
        this.log.info({ key: fw.id, version: fw.version }, 'sample rating framework loaded');
    }
  }

  async list(actor: Actor): Promise<RatingFrameworkSummary[]> {
    this.mayRead(actor);
    return (await this.repo.list()).map(toSummary);
  }

  async get(actor: Actor, id: string): Promise<RatingFrameworkDetail> {
    this.mayRead(actor);
    const f = await this.repo.find(id);
    if (!f) throw AppException.notFound('Framework');
    return toDetail(f);
  }

  async create(actor: Actor, dto: CreateRatingFrameworkDto): Promise<RatingFrameworkDetail> {
    this.mayWrite(actor);
    const fw = this.parse(dto.definition);
    const id = await this.db.transaction(async (m) => {
      if (await this.repo.exists(fw.id, fw.version, m)) throw this.duplicate(fw);
      return this.repo.insert(m, this.row(actor, fw, null));
    });
    return this.get(actor, id);
  }

  /** Edits in place, or (a locked version) makes the next version; `created` says which. */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateRatingFrameworkDto,
  ): Promise<{ created: boolean; framework: RatingFrameworkDetail }> {
    this.mayWrite(actor);
    const fw = this.parse(dto.definition);
    const result = await this.db.transaction(async (m) => {
      const current = await this.repo.lock(m, id);
      if (!current) throw AppException.notFound('Framework');
      if (current.revision !== dto.revision)
        throw new AppException(
          'STALE_VERSION',
          'Someone else changed this framework; reload and try again',
          undefined,
          { currentRevision: current.revision },
        );
      if (fw.id !== current.frameworkKey)
        throw AppException.invalid(
          'id',
          `an edit keeps the framework's id ${current.frameworkKey}`,
          'unchangeable',
        );
      if (current.lockedAt) {
        const taken = await this.repo.versionsOf(m, fw.id);
        const version = taken.has(fw.version) ? bumpedVersion(fw.version, taken) : fw.version;
        const next: Framework = { ...fw, version };
        return {
          created: true,
          id: await this.repo.insert(m, { ...this.row(actor, next, current.id), sample: false }),
        };
      }
      if (fw.version !== current.version && (await this.repo.exists(fw.id, fw.version, m)))
        throw this.duplicate(fw);
      await this.repo.update(m, id, dto.revision, {
        version: fw.version,
        nameZh: fw.name.zh.slice(0, 200),
        nameEn: fw.name.en.slice(0, 200),
        effectiveYear: fw.effectiveYear,
        sample: fw.sample === true,
        definition: fw,
      });
      return { created: false, id };
    });
    return { created: result.created, framework: await this.get(actor, result.id) };
  }

  private parse(definition: unknown): Framework {
    const v = validateFramework(definition);
    if (!v.ok) throw invalidFramework(v.issues);
    return v.value;
  }

  private row(actor: Actor, fw: Framework, previousVersionId: string | null) {
    return {
      frameworkKey: fw.id,
      version: fw.version,
      nameZh: fw.name.zh.slice(0, 200),
      nameEn: fw.name.en.slice(0, 200),
      effectiveYear: fw.effectiveYear,
      sample: fw.sample === true,
      definition: fw,
      previousVersionId,
      createdById: actor.id,
      createdByName: actor.name.slice(0, 64),
    };
  }

  private duplicate(fw: Framework): AppException {
    return new AppException(
      'CONFLICT',
      `Framework ${fw.id} version ${fw.version} exists already`,
      [{ field: 'version', code: 'duplicate', message: 'this key and version exist already' }],
      { reason: 'duplicate_version' },
    );
  }

  private mayRead(actor: Actor): void {
    if (!policy.readRatingFrameworks(actor)) throw AppException.forbidden();
  }

  private mayWrite(actor: Actor): void {
    if (!policy.manageRating(actor))
      throw AppException.forbidden('Only the bureau loads and edits rating frameworks');
  }
}
