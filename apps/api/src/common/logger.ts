import pino, { type Logger } from 'pino';

export const LOGGER = Symbol('LOGGER');

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: 'baitong-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Personal data never reaches the logs by accident.
    redact: {
      paths: [
        'req.headers.authorization',
        'password',
        '*.password',
        'refreshToken',
        '*.refreshToken',
      ],
      censor: '[redacted]',
    },
  });
}
