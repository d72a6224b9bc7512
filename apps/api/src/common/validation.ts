import type { FieldError } from '@baitong/contracts';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app-exception';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      // class-validator prefixes messages with the property; the field is named separately.
      message: message.startsWith(`${e.property} `)
        ? message.slice(e.property.length + 1)
        : message,
    }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/** One validation pipe for the app and the tests: whitelist, refuse unknown fields, transform. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return new AppException('VALIDATION_FAILED', `Invalid fields: ${names}`, fields);
    },
  });
}
