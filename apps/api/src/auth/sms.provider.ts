import type { Logger } from 'pino';

/** Sends text messages. Development logs them; production posts to the configured SMS gateway. */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  constructor(private readonly log: Logger) {}

  send(phone: string, text: string): Promise<void> {
    this.log.info({ sms: { phone, text } }, `SMS to ${phone}: ${text}`);
    return Promise.resolve();
  }
}

/** A generic HTTP gateway: POST {phone, text} as JSON with a bearer token. */
export class WebhookSmsProvider implements SmsProvider {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
