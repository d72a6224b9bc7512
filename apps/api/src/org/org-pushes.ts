import type { DeskHoursPush } from '@baitong/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RealtimeService } from '../realtime/realtime.service';

/** How the organisation's events are pushed: a desk's new hours go to its desk and community rooms. */
@Injectable()
export class OrgPushes implements OnModuleInit {
  constructor(private readonly realtime: RealtimeService) {}

  onModuleInit(): void {
    this.realtime.render('desk', () =>
      Promise.resolve((e) =>
        e.name === 'desk.hours_changed'
          ? ({
              eventId: e.id,
              deskId: e.subjectId,
              communityId: e.communityId ?? '',
            } satisfies DeskHoursPush)
          : null,
      ),
    );
  }
}
