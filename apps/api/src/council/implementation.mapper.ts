import type { ProposalImplementation } from '@baitong/contracts';
import type {
  ProposalImplementationEntity,
  ProposalMilestoneEntity,
  ProposalProgressEntity,
} from './implementation.entities';
import type { ProgressPhotoRow } from './implementation.repository';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export function toImplementation(
  i: ProposalImplementationEntity,
  milestones: ProposalMilestoneEntity[],
  progress: ProposalProgressEntity[],
  photos: ProgressPhotoRow[],
  evaluationDueAt: Date | null,
): ProposalImplementation {
  return {
    proposalId: i.proposalId,
    ownerStaffId: i.ownerStaffId,
    ownerName: i.ownerName,
    plan: i.plan,
    budgetYuan: i.budgetYuan,
    fundingSource: i.fundingSource,
    fundingNote: i.fundingNote,
    startedAt: new Date(i.startedAt).toISOString(),
    completedAt: iso(i.completedAt),
    completionNote: i.completionNote,
    milestones: milestones.map((x) => ({
      id: x.id,
      title: x.title,
      plannedOn: x.plannedOn,
      doneAt: iso(x.doneAt),
    })),
    progress: progress.map((x) => ({
      id: x.id,
      note: x.note,
      recordedAt: new Date(x.recordedAt).toISOString(),
      recordedByName: x.recordedByName,
      photos: photos
        .filter((f) => f.progressId === x.id)
        .map((f) => ({
          id: f.id,
          contentType: f.contentType,
          sizeBytes: Number(f.sizeBytes),
          url: `/api/proposals/${i.proposalId}/photos/${f.id}`,
        })),
    })),
    evaluationDueAt: iso(evaluationDueAt),
    evaluation: i.evaluation,
  };
}
