import type {
  LoginResponse,
  OtpResponse,
  ResidentLoginResult,
  SessionUser,
} from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type AppRequest, requestMeta } from '../common/request-context';
import type { Actor } from './actor';
import { OtpRequestDto, ResidentLoginDto, StaffLoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { RefreshCookie, SessionCookieInterceptor, type WithSessionCookie } from './session-cookie';
import {
  LoginResponseDto,
  OtpResponseDto,
  RegistrationRequiredDto,
  SessionUserDto,
} from './auth.responses';

/**
 * Sign-in answers with the access token in the body and the refresh token in the app's httpOnly
 * cookie; refresh and logout read that cookie (see session-cookie.ts for paths and CSRF).
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('staff/login')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff sign-in with username and password' })
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'Signed in; the refresh token is set as an httpOnly cookie',
  })
  staffLogin(
    @Body() dto: StaffLoginDto,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<LoginResponse>> {
    return this.auth.staffLogin(dto.username, dto.password, requestMeta(req));
  }

  @Public()
  @Post('staff/refresh')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew the console session from its refresh cookie' })
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'A new access token; the refresh cookie rotates',
  })
  staffRefresh(
    @RefreshCookie('staff') token: string | null,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<LoginResponse>> {
    return this.auth.refresh('staff', token, requestMeta(req));
  }

  @Public()
  @Post('staff/logout')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(204)
  @ApiOperation({ summary: 'End the console session of the refresh cookie' })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  staffLogout(
    @RefreshCookie('staff') token: string | null,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<void>> {
    return this.auth.logoutByCookie('staff', token, requestMeta(req));
  }

  @Public()
  @Post('resident/otp')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a one-time sign-in code to a phone' })
  @ApiOkResponse({
    type: OtpResponseDto,
    description: 'The same answer whether the phone is registered or not',
  })
  requestOtp(@Body() dto: OtpRequestDto, @Req() req: AppRequest): Promise<OtpResponse> {
    return this.auth.requestOtp(dto.phone, requestMeta(req));
  }

  @Public()
  @Post('resident/login')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Resident sign-in with phone and one-time code' })
  @ApiExtraModels(LoginResponseDto, RegistrationRequiredDto)
  @ApiOkResponse({
    description: 'Signed in, or (for a phone no resident holds yet) a token to register with',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(LoginResponseDto) },
        { $ref: getSchemaPath(RegistrationRequiredDto) },
      ],
    },
  })
  residentLogin(
    @Body() dto: ResidentLoginDto,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<ResidentLoginResult>> {
    return this.auth.residentLogin(dto.phone, dto.code, requestMeta(req));
  }

  @Public()
  @Post('resident/refresh')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: "Renew the resident app's session from its refresh cookie" })
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'A new access token; the refresh cookie rotates',
  })
  residentRefresh(
    @RefreshCookie('resident') token: string | null,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<LoginResponse>> {
    return this.auth.refresh('resident', token, requestMeta(req));
  }

  @Public()
  @Post('resident/logout')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(204)
  @ApiOperation({ summary: "End the resident app's session of the refresh cookie" })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  residentLogout(
    @RefreshCookie('resident') token: string | null,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<void>> {
    return this.auth.logoutByCookie('resident', token, requestMeta(req));
  }

  @ApiBearerAuth()
  @Post('logout')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: end the caller's session at once" })
  @ApiNoContentResponse({ description: 'Signed out' })
  logout(@CurrentActor() actor: Actor, @Req() req: AppRequest): Promise<WithSessionCookie<void>> {
    return this.auth.logout(actor, requestMeta(req));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'Who is signed in, with role and scope' })
  @ApiOkResponse({ type: SessionUserDto, description: 'The signed-in staff member or resident' })
  me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    return this.auth.me(actor);
  }
}
