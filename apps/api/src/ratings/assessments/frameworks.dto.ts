import type {
  CreateRatingFrameworkRequest,
  UpdateRatingFrameworkRequest,
} from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';

export class CreateRatingFrameworkDto implements CreateRatingFrameworkRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The framework JSON of the rating engine (sections → aspects → indicators)',
  })
  @IsObject()
  definition: Record<string, unknown>;
}

export class UpdateRatingFrameworkDto implements UpdateRatingFrameworkRequest {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  definition: Record<string, unknown>;
  @ApiProperty({ description: 'The revision the edit was made on' })
  @IsInt()
  @Min(1)
  revision: number;
}
