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
        'req.headers.cookie',
        // The refresh cookie is set on sign-in and refresh; pino-http logs response headers.
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        'refreshToken',
        '*.refreshToken',
      ],
      censor: '[redacted]',
    },
  });
}

/** A pool error when the database itself is shutting down (57P01) is expected during a stop. */
export function logPoolError(log: Logger, what: string): (err: Error & { code?: string }) => void {
  return (err) => {
    if (err.code === '57P01') log.info(`${what}: database connection closed by server shutdown`);
    else log.error({ err }, `${what} error`);
  };
}
