import type { LoginResponse, OtpResponse, SessionUser } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AppRequest, requestMeta } from '../common/request-context';
import type { Actor } from './actor';
import { OtpRequestDto, RefreshDto, ResidentLoginDto, StaffLoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('staff/login')
  @HttpCode(200)
  staffLogin(@Body() dto: StaffLoginDto, @Req() req: AppRequest): Promise<LoginResponse> {
    return this.auth.staffLogin(dto.username, dto.password, requestMeta(req));
  }

  @Public()
  @Post('resident/otp')
  @HttpCode(200)
  requestOtp(@Body() dto: OtpRequestDto, @Req() req: AppRequest): Promise<OtpResponse> {
    return this.auth.requestOtp(dto.phone, requestMeta(req));
  }

  @Public()
  @Post('resident/login')
  @HttpCode(200)
  residentLogin(@Body() dto: ResidentLoginDto, @Req() req: AppRequest): Promise<LoginResponse> {
    return this.auth.residentLogin(dto.phone, dto.code, requestMeta(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Req() req: AppRequest): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken, requestMeta(req));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentActor() actor: Actor, @Req() req: AppRequest): Promise<void> {
    return this.auth.logout(actor, requestMeta(req));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    return this.auth.me(actor);
  }
}
