import {
  OPEN311_DATATYPES,
  type CategoryField,
  type CategoryFieldValue,
  type CategoryOpen311,
  type Open311Datatype,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { FieldProblem } from '../common/app-exception';

// A category's Open311 face (docs/OPEN311.md): the bodies that set it, the records that show it,
// and the rules no decorator states (unique codes and keys, values only on list fields).

/** `attribute[code]` as a client sends it: a letter, then letters, digits, `_` or `-`. */
export const FIELD_CODE = /^[A-Za-z][\w-]{0,39}$/;
const LIST_DATATYPES: readonly Open311Datatype[] = ['singlevaluelist', 'multivaluelist'];

export class CategoryFieldValueDto implements CategoryFieldValue {
  @ApiProperty({ description: 'What a client sends' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  key: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) nameZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) nameEn: string;
}

export class CategoryFieldDto {
  @ApiProperty({ description: 'The `attribute[code]` a client sends', example: 'floor' })
  @IsString()
  @Matches(FIELD_CODE, {
    message: 'code must start with a letter, then letters, digits, _ or - (40 at most)',
    context: { code: 'invalid_code', params: { max: 40 } },
  })
  code: string;
  @ApiProperty({ enum: OPEN311_DATATYPES }) @IsIn(OPEN311_DATATYPES) datatype: Open311Datatype;
  @ApiPropertyOptional({
    description: 'false: an informational text only, nothing to answer (default true)',
  })
  @IsOptional()
  @IsBoolean()
  variable?: boolean;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty({ description: 'Position among the fields, ascending' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  order: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) descriptionZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) descriptionEn: string;
  @ApiPropertyOptional({
    type: [CategoryFieldValueDto],
    description: 'Only for singlevaluelist and multivaluelist; at least one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CategoryFieldValueDto)
  values?: CategoryFieldValueDto[];
}

export class CategoryOpen311Dto {
  @ApiPropertyOptional({ description: 'Listed in services and open to clients' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  descriptionZh?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  descriptionEn?: string | null;
  @ApiPropertyOptional({ type: [String], description: '20 at most, each 30 characters at most' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  keywords?: string[];
  @ApiPropertyOptional({ type: [CategoryFieldDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CategoryFieldDto)
  fields?: CategoryFieldDto[];
}

/** What the decorators cannot say: unique codes and keys, values exactly on the list fields. */
export function open311Problems(
  fields: CategoryFieldDto[],
  path = 'open311.fields',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const codes = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${path}.${i}`;
    if (codes.has(f.code))
      problems.push({ field: `${at}.code`, code: 'duplicate', message: `${f.code} is used twice` });
    codes.add(f.code);
    const values = f.values ?? [];
    if (LIST_DATATYPES.includes(f.datatype)) {
      if (values.length === 0)
        problems.push({
          field: `${at}.values`,
          code: 'too_few',
          params: { min: 1 },
          message: `a ${f.datatype} needs at least one value`,
        });
      const keys = new Set<string>();
      values.forEach((v, j) => {
        if (keys.has(v.key))
          problems.push({
            field: `${at}.values.${j}.key`,
            code: 'duplicate',
            message: `${v.key} is used twice`,
          });
        keys.add(v.key);
      });
    } else if (f.values !== undefined && values.length > 0) {
      problems.push({
        field: `${at}.values`,
        code: 'invalid',
        message: `a ${f.datatype} field has no values`,
      });
    }
  });
  return problems;
}

/** A field as stored: `variable` defaulted, values only on list fields, in the order given. */
export function cleanField(f: CategoryFieldDto): CategoryField {
  const field: CategoryField = {
    code: f.code,
    datatype: f.datatype,
    variable: f.variable ?? true,
    required: f.required,
    order: f.order,
    descriptionZh: f.descriptionZh,
    descriptionEn: f.descriptionEn,
  };
  if (LIST_DATATYPES.includes(f.datatype))
    field.values = (f.values ?? []).map((v) => ({
      key: v.key,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
    }));
  return field;
}

@ApiSchema({ name: 'CategoryFieldValue' })
export class CategoryFieldValueRecordDto implements CategoryFieldValue {
  @ApiProperty() key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

@ApiSchema({ name: 'CategoryField' })
export class CategoryFieldRecordDto implements CategoryField {
  @ApiProperty() code: string;
  @ApiProperty({ enum: OPEN311_DATATYPES }) datatype: Open311Datatype;
  @ApiProperty() variable: boolean;
  @ApiProperty() required: boolean;
  @ApiProperty() order: number;
  @ApiProperty() descriptionZh: string;
  @ApiProperty() descriptionEn: string;
  @ApiPropertyOptional({ type: [CategoryFieldValueRecordDto] })
  values?: CategoryFieldValueRecordDto[];
}

@ApiSchema({ name: 'CategoryOpen311' })
export class CategoryOpen311RecordDto implements CategoryOpen311 {
  @ApiProperty() public: boolean;
  @ApiProperty({ type: String, nullable: true }) descriptionZh: string | null;
  @ApiProperty({ type: String, nullable: true }) descriptionEn: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: [CategoryFieldRecordDto] }) fields: CategoryFieldRecordDto[];
}
