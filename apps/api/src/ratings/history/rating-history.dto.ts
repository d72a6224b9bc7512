import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class RatingGradeListQuery {
  @ApiPropertyOptional({ description: 'Only this rated year', example: 2021 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this street’s communities' })
  @IsOptional()
  @IsUUID('4')
  streetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this community' })
  @IsOptional()
  @IsUUID('4')
  communityId?: string;
}

/** `dryRun=true` previews an import: everything is checked, nothing is written. */
export class RatingGradeImportOptions {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Check only, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
