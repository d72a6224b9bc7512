import type { PipeTransform } from '@nestjs/common';
import { AppException } from './app-exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is named as a bad field rather than reaching the database. */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!UUID.test(value)) throw AppException.invalid(this.field, 'must be a UUID', 'invalid_id');
    return value.toLowerCase();
  }
}

/** For the usual `:id` path parameter. */
export const ID = new UuidPipe('id');
