import { NotificationWatermarkEntity } from '../notifications/notification.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import {
  CaseEntity,
  CaseEventEntity,
  CaseMediationEntity,
  CategoryEntity,
  IdempotencyKeyEntity,
  PhotoEntity,
} from '../cases/case.entities';
import { AuthSessionEntity, OtpCodeEntity, RateLimitBucketEntity } from '../auth/auth.entities';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StreetEntity,
} from '../org/org.entities';
import { RATING_ENTITIES } from '../ratings/rating.entities';
import { OPEN311_ENTITIES } from '../open311/open311.entities';
import { DomainEventEntity, EventReactionEntity } from '../events/domain-event.entity';
import { CommunityFactChangeEntity } from '../org/fact-change.entity';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import {
  FollowUpAppealEntity,
  FollowUpAttemptEntity,
  FollowUpTaskEntity,
} from '../follow-ups/follow-up.entities';
import {
  CouncilEntity,
  CouncilMemberEntity,
  ParticipationEntity,
  ProposalCaseEntity,
  ProposalCommentEntity,
  ProposalEntity,
  ProposalFollowerEntity,
  ProposalPhotoEntity,
  ProposalSupportEntity,
} from '../council/council.entities';
import {
  MeetingAgendaItemEntity,
  MeetingAttendanceEntity,
  MeetingEntity,
  MeetingVoteEntity,
} from '../council/meeting.entities';
import {
  ProposalImplementationEntity,
  ProposalMilestoneEntity,
  ProposalProgressEntity,
} from '../council/implementation.entities';
import { WorkforceEntryEntity, WorkforceRevisionEntity } from '../workforce/workforce.entities';

export const ENTITIES = [
  NotificationWatermarkEntity,
  StreetEntity,
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StaffAccountEntity,
  ResidentEntity,
  AuthSessionEntity,
  OtpCodeEntity,
  RateLimitBucketEntity,
  AuditLogEntity,
  CategoryEntity,
  CaseEntity,
  CaseEventEntity,
  CaseMediationEntity,
  IdempotencyKeyEntity,
  PhotoEntity,
  CommunityFactChangeEntity,
  DomainEventEntity,
  EventReactionEntity,
  FollowUpTaskEntity,
  FollowUpAttemptEntity,
  FollowUpAppealEntity,
  CouncilEntity,
  CouncilMemberEntity,
  ProposalEntity,
  ProposalSupportEntity,
  ProposalFollowerEntity,
  ProposalCommentEntity,
  ProposalCaseEntity,
  ProposalPhotoEntity,
  ParticipationEntity,
  MeetingEntity,
  MeetingAgendaItemEntity,
  MeetingAttendanceEntity,
  MeetingVoteEntity,
  ProposalImplementationEntity,
  ProposalMilestoneEntity,
  ProposalProgressEntity,
  WorkforceEntryEntity,
  WorkforceRevisionEntity,
  ...RATING_ENTITIES,
  ...OPEN311_ENTITIES,
];
