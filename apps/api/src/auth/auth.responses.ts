import {
  RESIDENT_VERIFICATIONS,
  ROLES,
  SCOPE_LEVELS,
  type LoginResponse,
  type OtpResponse,
  type RegistrationRequired,
  type ResidentVerification,
  type Role,
  type ScopeLevel,
  type ScopeRef,
  type SessionUser,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ScopeRef' })
export class ScopeRefDto implements ScopeRef {
  @ApiProperty({ enum: SCOPE_LEVELS }) level: ScopeLevel;
  @ApiProperty({ format: 'uuid', description: 'The district, street, community or compound' })
  id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: 'English name; empty: show `name`' }) nameEn?: string;
}

@ApiSchema({ name: 'SessionUser' })
export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['staff', 'resident'] }) kind: 'staff' | 'resident';
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeRefDto }) scope: ScopeRefDto;
  @ApiPropertyOptional({ description: 'Staff only' }) username?: string;
  @ApiPropertyOptional({ description: 'Residents only, masked: 138****5678' })
  phoneMasked?: string;
  @ApiPropertyOptional({
    enum: RESIDENT_VERIFICATIONS,
    description: 'Residents only: unverified until their community confirms a self-registration',
  })
  verification?: ResidentVerification;
}

@ApiSchema({
  name: 'LoginResponse',
  description: 'The access token; the refresh token is set as an httpOnly cookie, never in a body',
})
export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}

@ApiSchema({ name: 'OtpResponse' })
export class OtpResponseDto implements OtpResponse {
  @ApiProperty({ enum: [true], description: 'The same answer whether the phone is known or not' })
  sent: true;
  @ApiProperty() expiresInSeconds: number;
  @ApiProperty({ description: 'Seconds before another code may be requested' })
  resendAfterSeconds: number;
}

@ApiSchema({
  name: 'RegistrationRequired',
  description: 'The code was right for a phone no resident holds yet: register it with the token',
})
export class RegistrationRequiredDto implements RegistrationRequired {
  @ApiProperty({ enum: [true] }) registrationRequired: true;
  @ApiProperty() registrationToken: string;
  @ApiProperty() expiresInSeconds: number;
  @ApiProperty({ description: 'Masked: 138****5678' }) phoneMasked: string;
}
