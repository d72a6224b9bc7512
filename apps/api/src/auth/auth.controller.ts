import type {
  LoginResponse,
  OtpResponse,
  ResidentLoginResult,
  SessionUser,
} from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AppRequest, requestMeta } from '../common/request-context';
import type { Actor } from './actor';
import { OtpRequestDto, ResidentLoginDto, StaffLoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { RefreshCookie, SessionCookieInterceptor, type WithSessionCookie } from './session-cookie';

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
  staffLogout(
    @RefreshCookie('staff') token: string | null,
    @Req() req: AppRequest,
  ): Promise<WithSessionCookie<void>> {
    return this.auth.logoutByCookie('staff', token, requestMeta(req));
  }

  @Public()
  @Post('resident/otp')
  @HttpCode(200)
  requestOtp(@Body() dto: OtpRequestDto, @Req() req: AppRequest): Promise<OtpResponse> {
    return this.auth.requestOtp(dto.phone, requestMeta(req));
  }

  @Public()
  @Post('resident/login')
  @UseInterceptors(SessionCookieInterceptor)
  @HttpCode(200)
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
  logout(@CurrentActor() actor: Actor, @Req() req: AppRequest): Promise<WithSessionCookie<void>> {
    return this.auth.logout(actor, requestMeta(req));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    return this.auth.me(actor);
  }
}
