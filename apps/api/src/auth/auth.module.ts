import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

/** Sign-in and sessions. The guard and the socket gateway check tokens and sessions through it. */
@Module({
  imports: [JwtModule.register({}), AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, TokenService],
  exports: [AuthService, TokenService, AuthRepository],
})
export class AuthModule {}
