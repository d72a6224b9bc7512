import type { LoginResponse, PublicCommunity } from '@baitong/contracts';
import { Body, Controller, Get, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { SessionCookieInterceptor, type WithSessionCookie } from '../auth/session-cookie';
import { type AppRequest, requestMeta } from '../common/request-context';
import { RegistrationService } from './registration.service';
import { RegisterResidentDto } from './residents.dto';
import { LoginResponseDto } from '../auth/auth.responses';
import { PublicCommunityDto } from './people.responses';

/** Self-registration of residents, and the public list of where one can live. */
@ApiTags('auth')
@Public()
@Controller()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('auth/resident/register')
  @UseInterceptors(SessionCookieInterceptor)
  @ApiOperation({ summary: 'Register a new resident with the token a right code gave a new phone' })
  @ApiCreatedResponse({
    type: LoginResponseDto,
    description: 'Registered (unverified) and signed in',
  })
  register(
    @Body() dto: RegisterResidentDto,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<LoginResponse>> {
    return this.registration.register(dto, requestMeta(req));
  }

  @ApiTags('public')
  @Get('public/communities')
  @ApiOperation({ summary: 'Communities and their compounds, to choose from when registering' })
  @ApiOkResponse({ type: [PublicCommunityDto], description: 'Every community, with its compounds' })
  communities(): Promise<PublicCommunity[]> {
    return this.registration.publicCommunities();
  }
}
