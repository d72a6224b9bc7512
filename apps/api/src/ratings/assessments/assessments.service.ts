import { createHash, randomUUID } from 'node:crypto';
import {
  RATING_EVIDENCE_MAX_BYTES,
  RATING_EVIDENCE_MAX_FILES,
  type RatingAssessment,
  type RatingAssessorKind,
  type RatingEvidenceKind,
  type RatingTasks,
} from '@baitong/contracts';
import type { Framework } from '@baitong/rating-engine';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import {
  PHOTO_STORAGE,
  type PhotoStorage,
  cleanPhoto,
  sniffImageType,
} from '../../cases/photo-storage';
import type { UploadedFile } from '../../cases/photos.service';
import { AppException } from '../../common/app-exception';
import { CLOCK, type Clock } from '../../common/clock';
import type { RequestMeta } from '../../common/request-context';
import { Db } from '../../database/db';
import { localDate } from '../../org/opening-hours';
import { assessorKindOf, indicatorsOf, scaleOf } from './assessment-rules';
import type { CorrectAssessmentDto, UpsertAssessmentDto } from './assessments.dto';
import { type AssessmentRow, RatingAssessmentsRepository } from './assessments.repository';
import { type CampaignRow, RatingCampaignsRepository } from './campaigns.repository';

const MAX_MB = RATING_EVIDENCE_MAX_BYTES / 1024 / 1024;

export function evidenceTooLarge(): AppException {
  return new AppException('PAYLOAD_TOO_LARGE', `Evidence may be at most ${MAX_MB} MB`, [
    {
      field: 'file',
      code: 'file_too_large',
      params: { maxMb: MAX_MB },
      message: `at most ${MAX_MB} MB`,
    },
  ]);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  [DOCX]: 'docx',
  [XLSX]: 'xlsx',
};

/** A document's type from its bytes: PDF, or an Office zip whose parts say Word or Excel. */
function sniffDocument(b: Buffer): string | null {
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    if (b.includes('word/document.xml')) return DOCX;
    if (b.includes('xl/workbook.xml')) return XLSX;
  }
  return null;
}

const notAnAssessor = () =>
  new AppException(
    'FORBIDDEN',
    'Only the district inspectors, the monitor and street admins score',
    undefined,
    {
      reason: 'not_an_assessor',
    },
  );

/**
 * Scores taken on site. The assessor kind comes from the role; a street admin scores only the
 * communities its street inspects in the plan, never its own. A draft changes freely (one row
 * per cell, whoever writes it); a submitted score is locked and changes only by a correction with
 * a reason, kept append-only and in the audit log.
 */
@Injectable()
export class RatingAssessmentsService {
  constructor(
    private readonly repo: RatingAssessmentsRepository,
    private readonly campaigns: RatingCampaignsRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async tasks(actor: Actor, campaignId: string, communityId?: string): Promise<RatingTasks> {
    const kind = assessorKindOf(actor);
    if (!kind) throw notAnAssessor();
    const c = await this.campaigns.find(campaignId);
    if (!c) throw AppException.notFound('Campaign');
    const fw = await this.frameworkOf(c);
    const assigned = new Set(
      (await this.campaigns.assignments(c.id))
        .filter((a) => a.assessorKind === kind)
        .map((a) => a.indicatorKey),
    );
    let communities =
      kind === 'street_cross_inspection'
        ? [
            ...(
              await this.campaigns.communitiesByIds(
                (await this.campaigns.plan(c.id))
                  .filter((p) => p.inspectorStreetId === actor.streetId)
                  .map((p) => p.communityId),
              )
            ).values(),
          ]
        : await this.campaigns.allCommunities();
    if (communityId) communities = communities.filter((x) => x.id === communityId);
    const cells = await this.repo.cells(
      c.id,
      kind,
      communities.map((x) => x.id),
    );
    const cell = new Map(cells.map((x) => [`${x.communityId}|${x.indicatorKey}`, x]));
    const indicators = indicatorsOf(fw).filter((x) => assigned.has(x.indicator.key));
    return {
      campaignId: c.id,
      year: c.year,
      status: c.status,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      assessorKind: kind,
      tasks: communities.map((com) => {
        const items = indicators.map((x) => {
          const a = cell.get(`${com.id}|${x.indicator.key}`);
          return {
            indicatorKey: x.indicator.key,
            name: x.indicator.name,
            sectionKey: x.sectionKey,
            sectionName: x.sectionName,
            aspectKey: x.aspectKey,
            aspectName: x.aspectName,
            points: x.indicator.points,
            scale: scaleOf(x.indicator),
            assessment: a
              ? {
                  id: a.id,
                  score: a.score,
                  notes: a.notes,
                  status: a.status,
                  version: a.version,
                  evidenceCount: a.evidenceCount,
                }
              : null,
          };
        });
        return {
          communityId: com.id,
          communityName: com.name,
          communityNameEn: com.nameEn,
          streetId: com.streetId,
          streetName: com.streetName,
          streetNameEn: com.streetNameEn,
          assessorKind: kind,
          indicators: items,
          drafts: items.filter((i) => i.assessment?.status === 'draft').length,
          submitted: items.filter((i) => i.assessment?.status === 'submitted').length,
        };
      }),
    };
  }

  async upsert(
    actor: Actor,
    campaignId: string,
    dto: UpsertAssessmentDto,
  ): Promise<RatingAssessment> {
    const kind = assessorKindOf(actor);
    if (!kind) throw notAnAssessor();
    const c = await this.campaigns.find(campaignId);
    if (!c) throw AppException.notFound('Campaign');
    const community = (await this.campaigns.communitiesByIds([dto.communityId])).get(
      dto.communityId,
    );
    if (!community) throw AppException.invalid('communityId', 'no such community', 'not_found');
    if (kind === 'street_cross_inspection')
      this.mayCrossInspect(
        actor,
        community.streetId,
        await this.campaigns.inspectorOf(c.id, community.id),
      );
    const fw = await this.frameworkOf(c);
    const ind = indicatorsOf(fw).find((x) => x.indicator.key === dto.indicatorKey)?.indicator;
    if (!ind)
      throw AppException.invalid('indicatorKey', 'no such indicator in the framework', 'not_found');
    const assigned = (await this.campaigns.assignments(c.id)).some(
      (a) => a.assessorKind === kind && a.indicatorKey === dto.indicatorKey,
    );
    if (!assigned)
      throw AppException.invalid(
        'indicatorKey',
        `not assigned to ${kind} in this campaign`,
        'not_one_of',
      );
    this.checkScore('score', dto.score, scaleOf(ind));
    this.mayEnter(c);
    const id = await this.db.transaction(async (m) => {
      const got = await this.repo.upsertDraft(m, {
        campaignId: c.id,
        communityId: community.id,
        indicatorKey: ind.key,
        assessorKind: kind,
        score: dto.score,
        notes: dto.notes?.trim() ?? '',
        enteredById: actor.id,
        enteredByName: actor.name.slice(0, 64),
        enteredByRole: actor.role,
      });
      if (!got) throw this.submittedAlready();
      return got;
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string): Promise<RatingAssessment> {
    const a = await this.writable(actor, id);
    this.mayEnter(this.campaignOf(a));
    await this.db.transaction(async (m) => {
      if (!(await this.repo.submit(m, id, this.clock.now()))) throw this.submittedAlready();
    });
    return this.get(actor, id);
  }

  /** The bureau, or the assessor of the score's kind, corrects a submitted score with a reason. */
  async correct(
    actor: Actor,
    id: string,
    dto: CorrectAssessmentDto,
    meta: RequestMeta,
  ): Promise<RatingAssessment> {
    const a = await this.writable(actor, id, true);
    const reason = dto.reason.trim();
    if (!reason) throw AppException.invalid('reason', 'say why the score changes', 'required');
    const fw = await this.frameworkOf(this.campaignOf(a));
    const ind = indicatorsOf(fw).find((x) => x.indicator.key === a.indicatorKey)?.indicator;
    this.checkScore('score', dto.score, ind ? scaleOf(ind) : Number.POSITIVE_INFINITY);
    await this.db.transaction(async (m) => {
      const cur = await this.repo.find(id, m, true);
      if (!cur) throw AppException.notFound('Assessment');
      if (cur.status !== 'submitted')
        throw new AppException(
          'ILLEGAL_TRANSITION',
          'Only a submitted score is corrected; change the draft instead',
          undefined,
          { reason: 'not_submitted' },
        );
      if (cur.score === dto.score)
        throw AppException.invalid('score', 'the score is this already', 'unchanged');
      const at = this.clock.now();
      await this.repo.correct(m, {
        assessmentId: id,
        oldScore: cur.score,
        newScore: dto.score,
        reason,
        actorId: actor.id,
        actorName: actor.name.slice(0, 64),
        actorRole: actor.role,
        at,
      });
      await this.audit.record(
        actor,
        {
          action: 'rating.assessment_corrected',
          entity: 'rating_assessment',
          entityId: id,
          communityId: cur.communityId,
          detail: {
            year: cur.year,
            indicatorKey: cur.indicatorKey,
            assessorKind: cur.assessorKind,
            oldScore: cur.score,
            newScore: dto.score,
            reason,
          },
        },
        meta,
        m,
      );
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<RatingAssessment> {
    const a = await this.readable(actor, id);
    const [corrections, evidence, fw] = await Promise.all([
      this.repo.corrections(id),
      this.repo.evidence(id),
      this.frameworkOf(this.campaignOf(a)),
    ]);
    const ind = indicatorsOf(fw).find((x) => x.indicator.key === a.indicatorKey)?.indicator;
    return {
      id: a.id,
      campaignId: a.campaignId,
      year: a.year,
      communityId: a.communityId,
      communityName: a.communityName,
      indicatorKey: a.indicatorKey,
      assessorKind: a.assessorKind as RatingAssessorKind,
      score: a.score,
      scale: ind ? scaleOf(ind) : 0,
      notes: a.notes,
      status: a.status,
      enteredByName: a.enteredByName,
      enteredByRole: a.enteredByRole,
      submittedAt: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
      version: a.version,
      updatedAt: new Date(a.updatedAt).toISOString(),
      corrections: corrections.map((c) => ({
        id: c.id,
        oldScore: c.oldScore,
        newScore: c.newScore,
        reason: c.reason,
        actorName: c.actorName,
        actorRole: c.actorRole,
        at: new Date(c.at).toISOString(),
      })),
      evidence: evidence.map((e) => ({
        id: e.id,
        kind: e.kind,
        fileName: e.fileName,
        contentType: e.contentType,
        sizeBytes: e.sizeBytes,
        uploadedByName: e.uploadedByName,
        createdAt: new Date(e.createdAt).toISOString(),
        url: `/api/rating-assessments/${a.id}/evidence/${e.id}`,
      })),
    };
  }

  /** A photo (cleaned of location and camera data, like case photos) or a document. */
  async addEvidence(
    actor: Actor,
    id: string,
    file: (UploadedFile & { originalname?: string }) | undefined,
  ): Promise<RatingAssessment> {
    await this.writable(actor, id);
    if (!file)
      throw AppException.invalid(
        'file',
        'attach one file in the multipart field "file"',
        'required',
      );
    if (file.size === 0) throw AppException.invalid('file', 'the file is empty', 'empty_file');
    if (file.size > RATING_EVIDENCE_MAX_BYTES) throw evidenceTooLarge();
    let bytes = file.buffer;
    let type: string | null = null;
    let kind: RatingEvidenceKind = 'document';
    const image = sniffImageType(file.buffer);
    if (image && image !== 'image/heic') {
      const clean = await cleanPhoto(file.buffer, image);
      if (!clean.ok)
        throw new AppException('UNSUPPORTED_MEDIA_TYPE', 'The photo could not be read', [
          {
            field: 'file',
            code: 'not_an_image',
            message: 'not a readable JPEG, PNG or WebP image',
          },
        ]);
      bytes = clean.bytes;
      type = clean.type;
      kind = 'photo';
    } else type = sniffDocument(file.buffer);
    if (!type)
      throw new AppException(
        'UNSUPPORTED_MEDIA_TYPE',
        'Evidence is a JPEG, PNG or WebP photo, or a PDF, DOCX or XLSX document',
        [
          {
            field: 'file',
            code: 'invalid_format',
            params: { allowed: Object.values(EXT) },
            message: 'jpg, png, webp, pdf, docx or xlsx',
          },
        ],
      );
    const evidenceId = randomUUID();
    const storageKey = `${evidenceId.slice(0, 2)}/${evidenceId}`;
    const original = (file.originalname ?? '')
      .replace(/[\\/"]/g, '')
      .replace(/\p{Cc}/gu, '')
      .trim();
    const fileName = (original || `evidence.${EXT[type]}`).slice(0, 255);
    let stored = false;
    try {
      await this.db.transaction(async (m) => {
        await this.repo.find(id, m, true);
        if ((await this.repo.evidence(id, m)).length >= RATING_EVIDENCE_MAX_FILES)
          throw AppException.invalid(
            'file',
            `at most ${RATING_EVIDENCE_MAX_FILES} files a score`,
            'too_many',
            {
              max: RATING_EVIDENCE_MAX_FILES,
            },
          );
        await this.repo.addEvidence(m, {
          id: evidenceId,
          assessmentId: id,
          kind,
          fileName,
          contentType: type,
          sizeBytes: bytes.length,
          storageKey,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          uploadedById: actor.id,
          uploadedByName: actor.name.slice(0, 64),
        });
        await this.storage.put(storageKey, bytes);
        stored = true;
      });
    } catch (err) {
      if (stored) await this.storage.delete(storageKey).catch(() => undefined);
      throw err;
    }
    return this.get(actor, id);
  }

  async evidenceFile(
    actor: Actor,
    id: string,
    evidenceId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string; inline: boolean }> {
    await this.readable(actor, id);
    const e = await this.repo.oneEvidence(id, evidenceId);
    if (!e) throw AppException.notFound('Evidence');
    return {
      bytes: await this.storage.get(e.storageKey),
      contentType: e.contentType,
      fileName: `evidence-${e.id}.${EXT[e.contentType] ?? 'bin'}`,
      inline: e.kind === 'photo',
    };
  }

  // Rules

  /** Who reads a score: the bureau and the monitor all; a street admin the scores of its tasks. */
  private async readable(actor: Actor, id: string): Promise<AssessmentRow> {
    const a = await this.repo.find(id);
    const ok =
      a &&
      actor.kind === 'staff' &&
      (actor.role === 'bureau_admin' ||
        actor.role === 'monitor' ||
        (actor.role === 'street_admin' &&
          a.assessorKind === 'street_cross_inspection' &&
          a.inspectorStreetId === actor.streetId &&
          a.communityStreetId !== actor.streetId));
    if (!a || !ok) throw AppException.notFound('Assessment');
    return a;
  }

  /** Who writes a score: the assessor of its kind (for a correction also the bureau). */
  private async writable(actor: Actor, id: string, correction = false): Promise<AssessmentRow> {
    const a = await this.readable(actor, id);
    const kind = assessorKindOf(actor);
    if (correction && actor.role === 'bureau_admin') return a;
    if (kind !== a.assessorKind)
      throw new AppException('FORBIDDEN', `This score is entered by ${a.assessorKind}`, undefined, {
        reason: 'other_assessor_kind',
      });
    if (kind === 'street_cross_inspection')
      this.mayCrossInspect(actor, a.communityStreetId, a.inspectorStreetId);
    return a;
  }

  private mayCrossInspect(
    actor: Actor,
    communityStreetId: string,
    inspectorStreetId: string | null,
  ): void {
    if (communityStreetId === actor.streetId)
      throw new AppException('FORBIDDEN', 'A street never scores its own community', undefined, {
        reason: 'own_community',
      });
    if (inspectorStreetId !== actor.streetId)
      throw new AppException(
        'FORBIDDEN',
        'This community is not among your street’s cross-inspection tasks',
        undefined,
        { reason: 'not_in_tasks' },
      );
  }

  /** Scores are entered while the campaign is open, within opensOn..closesOn (Shanghai days). */
  private mayEnter(c: Pick<CampaignRow, 'status' | 'opensOn' | 'closesOn'>): void {
    if (c.status !== 'open')
      throw new AppException('CONFLICT', 'The campaign is closed', undefined, {
        reason: 'campaign_closed',
      });
    const today = localDate(this.clock.now());
    if ((c.opensOn && today < c.opensOn) || (c.closesOn && today > c.closesOn))
      throw new AppException(
        'CONFLICT',
        `Scores are entered from ${c.opensOn ?? '…'} to ${c.closesOn ?? '…'}`,
        undefined,
        { reason: 'outside_window', opensOn: c.opensOn, closesOn: c.closesOn },
      );
  }

  private checkScore(field: string, score: number, scale: number): void {
    if (score < 0) throw AppException.invalid(field, 'at least 0', 'too_small', { min: 0 });
    if (score > scale)
      throw AppException.invalid(field, `at most the indicator's scale ${scale}`, 'too_large', {
        max: scale,
      });
  }

  private submittedAlready(): AppException {
    return new AppException(
      'ILLEGAL_TRANSITION',
      'The score is submitted and locked; correct it with a reason',
      undefined,
      {
        reason: 'submitted',
      },
    );
  }

  private campaignOf(a: AssessmentRow): CampaignRow {
    return {
      id: a.campaignId,
      frameworkId: a.frameworkId,
      status: a.campaignStatus,
      opensOn: a.opensOn,
      closesOn: a.closesOn,
      year: a.year,
    } as CampaignRow;
  }

  private async frameworkOf(c: Pick<CampaignRow, 'frameworkId'>): Promise<Framework> {
    const f = await this.campaigns.framework(c.frameworkId);
    return f!.definition as Framework;
  }
}
