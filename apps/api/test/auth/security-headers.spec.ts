import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function directives(csp: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  it('sends a CSP without framing, nosniff and a referrer policy on API answers', async () => {
    const res = await t.http.get('/api/auth/me');
    expect(res.status).toBe(401);
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
    expect(csp['script-src']).not.toContain('unsafe');
    // Plain http here: no upgrade, no HSTS outside production.
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the Swagger UI with the same policy, its scripts all from files', async () => {
    const page = await t.http.get('/api/docs/');
    expect(page.status).toBe(200);
    expect(directives(page.headers['content-security-policy'] as string)['frame-ancestors']).toBe(
      "'none'",
    );
    // script-src 'self' would block inline scripts: the page must have none.
    const scripts = [...(page.text as string).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src=/);
      expect(body!.trim()).toBe('');
    }
    const init = await t.http.get('/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
  });
});
