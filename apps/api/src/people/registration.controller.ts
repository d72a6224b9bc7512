import type { LoginResponse, PublicCommunity } from '@baitong/contracts';
import { Body, Controller, Get, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { SessionCookieInterceptor, type WithSessionCookie } from '../auth/session-cookie';
import { type AppRequest, requestMeta } from '../common/request-context';
import { RegistrationService } from './registration.service';
import { RegisterResidentDto } from './residents.dto';

/** Self-registration of residents, and the public list of where one can live. */
@ApiTags('auth')
@Public()
@Controller()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('auth/resident/register')
  @UseInterceptors(SessionCookieInterceptor)
  register(
    @Body() dto: RegisterResidentDto,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<LoginResponse>> {
    return this.registration.register(dto, requestMeta(req));
  }

  @ApiTags('public')
  @Get('public/communities')
  communities(): Promise<PublicCommunity[]> {
    return this.registration.publicCommunities();
  }
}
