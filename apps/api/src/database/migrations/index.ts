import { Extensions1700000000000 } from './1700000000000-extensions';
import { InitialSchema1795764808082 } from './1795764808082-initial-schema';
import { AuditAppendOnly1795764808100 } from './1795764808100-audit-append-only';
import { ServiceCases1795765947499 } from './1795765947499-service-cases';
import { CaseRules1795765947600 } from './1795765947600-case-rules';
import { SocketIoAttachments1795765947700 } from './1795765947700-socket-io-attachments';
import { GridPatrolWithoutResident1795767354509 } from './1795767354509-grid-patrol-without-resident';
import { DeskQueueIndex1795767900000 } from './1795767900000-desk-queue-index';
import { RatingFactHistory1796309531935 } from './1796309531935-rating-fact-history';
import { EventStream1796315050886 } from './1796315050886-event-stream';
import { RetireLockoutPhotoQuotaIndex1796319407095 } from './1796319407095-retire-lockout-photo-quota-index';
import { WaitingThirdParty1796319806056 } from './1796319806056-waiting-third-party';
import { ResidentRegistration1796319959112 } from './1796319959112-resident-registration';
import { EnglishNames1796338997452 } from './1796338997452-english-names';
import { FollowUps1796400000000 } from './1796400000000-follow-ups';
import { Council1796407795511 } from './1796407795511-council';
import { Meetings1796411526563 } from './1796411526563-meetings';
import { Implementation1796412071162 } from './1796412071162-implementation';
import { ProjectEvaluations1796413100372 } from './1796413100372-project-evaluations';
import { Notifications1796417354790 } from './1796417354790-notifications';
import { ResidentAppSince1796500100000 } from './1796500100000-resident-app-since';
import { MetricsMergedResidents1796500200000 } from './1796500200000-metrics-merged-residents';
import { MetricRollups1796500250000 } from './1796500250000-metric-rollups';
import { WorkforceRoster1796500300000 } from './1796500300000-workforce-roster';
import { WorkforceCertificateLevel1796500400000 } from './1796500400000-workforce-certificate-level';
import { RatingRuns1796683555591 } from './1796683555591-rating-runs';
import { Open3111796696564289 } from './1796696564289-open311';

/** In order; never edit a migration once it has landed. */
export const MIGRATIONS = [
  Extensions1700000000000,
  InitialSchema1795764808082,
  AuditAppendOnly1795764808100,
  ServiceCases1795765947499,
  CaseRules1795765947600,
  SocketIoAttachments1795765947700,
  GridPatrolWithoutResident1795767354509,
  DeskQueueIndex1795767900000,
  RatingFactHistory1796309531935,
  EventStream1796315050886,
  RetireLockoutPhotoQuotaIndex1796319407095,
  WaitingThirdParty1796319806056,
  ResidentRegistration1796319959112,
  EnglishNames1796338997452,
  FollowUps1796400000000,
  Council1796407795511,
  Meetings1796411526563,
  Implementation1796412071162,
  ProjectEvaluations1796413100372,
  Notifications1796417354790,
  ResidentAppSince1796500100000,
  MetricsMergedResidents1796500200000,
  MetricRollups1796500250000,
  WorkforceRoster1796500300000,
  WorkforceCertificateLevel1796500400000,
  RatingRuns1796683555591,
  Open3111796696564289,
];
