import type { CaseContact } from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Controller, Get, Param, type PipeTransform, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { AppException } from '../common/app-exception';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID } from '../common/uuid.pipe';
import { CaseContactsService } from './case-contacts.service';
import { CaseContactDto } from './cases.responses';

/** A party's place in the mediation record: 0, 1, 2 … */
class PartyIndexPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,2}$/.test(value)) throw AppException.invalid('index', 'must be a party number');
    return Number(value);
  }
}

@ApiTags('cases')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller('cases/:id')
export class CaseContactsController {
  constructor(private readonly contacts: CaseContactsService) {}

  @Get('contact')
  @ApiOperation({
    summary: "The requester's unmasked contact, resident or walk-in (written to the audit log)",
  })
  @ApiOkResponse({ type: CaseContactDto, description: 'Unmasked contact; the read is audited' })
  requester(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<CaseContact> {
    return this.contacts.requester(a, id, requestMeta(req));
  }

  @Get('parties/:index/contact')
  @ApiOperation({ summary: "A mediation party's unmasked contact (written to the audit log)" })
  @ApiOkResponse({ type: CaseContactDto, description: 'Unmasked contact; the read is audited' })
  party(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('index', new PartyIndexPipe()) index: number,
    @Req() req: AppRequest,
  ): Promise<CaseContact> {
    return this.contacts.party(a, id, index, requestMeta(req));
  }
}
