import type { OtpRequest, ResidentLoginRequest, StaffLoginRequest } from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty({ example: 'bureau' }) @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty({ example: 'baitong-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class OtpRequestDto implements OtpRequest {
  @ApiProperty({ example: '13800000001', description: '11-digit mainland mobile number' })
  @IsString()
  @Matches(MAINLAND_MOBILE, {
    message: 'phone must be an 11-digit mainland mobile number',
    context: { code: 'invalid_phone' },
  })
  phone: string;
}

export class ResidentLoginDto extends OtpRequestDto implements ResidentLoginRequest {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 6)
  @Matches(/^\d{6}$/, {
    message: 'code must be 6 digits',
    context: { code: 'digits', params: { length: 6 } },
  })
  code: string;
}
