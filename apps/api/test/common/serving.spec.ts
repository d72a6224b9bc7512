import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';

const HTML = 'text/html,application/xhtml+xml,application/xhtml+xml;q=0.9,*/*;q=0.8';

/** A built front end in miniature: its index.html and one hashed asset. */
function fakeDist(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${name} app</title>`);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log('${name}');`);
  return dir;
}

let t: TestContext;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'baitong-dist-'));
  t = await createTestApp({
    CONSOLE_DIST: fakeDist(root, 'console'),
    RESIDENT_DIST: fakeDist(root, 'resident'),
  });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const navigate = (path: string) => t.http.get(path).set('Accept', HTML);

describe('serving the front ends', () => {
  it('serves each app and its assets', async () => {
    const resident = await navigate('/');
    expect(resident.status).toBe(200);
    expect(resident.text).toContain('resident app');
    const consoleApp = await navigate('/console/');
    expect(consoleApp.status).toBe(200);
    expect(consoleApp.text).toContain('console app');
    const js = await t.http.get('/console/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.text).toContain("console.log('console')");
    expect((await t.http.get('/assets/index-abc123.js')).text).toContain("'resident'");
  });

  it.each([
    ['/console', 'console'],
    ['/console/login', 'console'],
    ['/console/cases/2f1c6f0e-3b7d-4c59-9a55-0d6a4b0e9e21', 'console'],
    ['/console/workbench/desks', 'console'],
    ['/login', 'resident'],
    ['/requests/2f1c6f0e-3b7d-4c59-9a55-0d6a4b0e9e21', 'resident'],
    ['/desks/2f1c6f0e-3b7d-4c59-9a55-0d6a4b0e9e21?from=map', 'resident'],
  ])('gives a navigation to the app route %s the %s app page', async (path, app) => {
    const res = await navigate(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(`${app} app`);
  });

  it.each([
    // A chunk that is gone (an old tab after a deploy) must fail as a 404, not parse HTML as JS.
    '/assets/index-gone.js',
    '/console/assets/index-gone.js',
    '/console/assets/',
    '/assets',
    '/favicon.ico',
    '/robots.txt',
    '/console/manifest.webmanifest',
    '/wp-login.php',
    '/.env',
    '/.git/config',
    '/console/.well-known/security.txt',
  ])('answers the unknown asset or non-app path %s with 404', async (path) => {
    const res = await navigate(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(' app</title>');
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('does not answer requests that are not page navigations with the app page', async () => {
    const head = await t.http.head('/console/cases').set('Accept', HTML);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    const json = await t.http.get('/console/cases').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    const post = await t.http.post('/console/cases').set('Accept', HTML);
    expect(post.status).toBe(404);
    expect(post.text).not.toContain(' app</title>');
  });

  it('keeps unknown API, health and socket paths 404 in the API error shape', async () => {
    for (const path of ['/api/nope', '/api', '/health/nope', '/socket.io/nope']) {
      const res = await navigate(path);
      expect(res.text, path).not.toContain(' app</title>');
    }
    const api = await navigate('/api/nope');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
