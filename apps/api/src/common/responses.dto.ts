import {
  ERROR_CODES,
  FIELD_ERROR_CODES,
  type ApiError,
  type ErrorCode,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
  type Page,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * Response bodies are documented by small classes beside each module's request DTOs
 * (`<module>.responses.ts`): each implements its contract type from `@baitong/contracts`, so a
 * field added there and not here fails to compile, and the OpenAPI test
 * (test/common/openapi.spec.ts) fails for a route without a documented body.
 */

/** `Record<string, unknown>`: free-form machine-readable detail. */
export const FREE_FORM = { type: 'object', additionalProperties: true } as const;

/** The paging fields of every `Page<T>`; a concrete page adds its typed `items`. */
export abstract class PageMetaDto implements Omit<Page<unknown>, 'items'> {
  @ApiProperty({ description: 'Matching rows in all pages' }) total: number;
  @ApiProperty({ minimum: 1 }) page: number;
  @ApiProperty({ minimum: 1 }) pageSize: number;
}

@ApiSchema({ name: 'FieldError', description: 'What is wrong with one field' })
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'weeklyHours.2.opens', description: 'Dotted path of the field' })
  field: string;
  @ApiProperty({ enum: FIELD_ERROR_CODES, description: 'Stable; the front ends translate it' })
  code: FieldErrorCode;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { min: 5 },
    description: 'Values the text is built from',
  })
  params?: FieldErrorParams;
  @ApiProperty({ description: 'English, for logs and API users' }) message: string;
}

@ApiSchema({ name: 'ApiError', description: 'The one error shape of the whole API' })
export class ApiErrorDto implements ApiError {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, description: 'Stable; clients branch on it, never on text' })
  code: ErrorCode;
  @ApiProperty({ description: 'English, for logs and API users' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'With VALIDATION_FAILED' })
  fields?: FieldErrorDto[];
  @ApiPropertyOptional({
    ...FREE_FORM,
    description: 'Machine-readable detail, e.g. `allowed` transitions or `retryAfterSeconds`',
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Also sent as the X-Request-Id header' }) requestId?: string;
}
