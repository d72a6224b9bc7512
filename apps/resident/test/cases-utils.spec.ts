import type { CaseSummary } from '@baitong/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dueOf,
  eventKey,
  newIdempotencyKey,
  photoProblem,
  photoType,
  withPhotoType,
} from '@/utils/cases';

const NOW = new Date('2026-11-27T02:00:00Z');
const SLA: CaseSummary['sla'] = {
  acceptDueAt: '2026-11-28T04:30:00Z',
  resolveDueAt: '2026-12-01T09:00:00Z',
  acceptOverdue: false,
  resolveOverdue: false,
  paused: false,
};

function file(name: string, type: string, size = 10): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('due time', () => {
  it('is the acceptance while submitted and the resolution once accepted', () => {
    expect(dueOf({ status: 'submitted', sla: SLA }, NOW)).toEqual({
      kind: 'accept',
      at: SLA.acceptDueAt,
      overdue: false,
    });
    for (const status of ['accepted', 'in_progress'] as const) {
      expect(dueOf({ status, sla: SLA }, NOW)).toEqual({
        kind: 'resolve',
        at: SLA.resolveDueAt,
        overdue: false,
      });
    }
  });

  it('is paused while waiting for the resident', () => {
    expect(
      dueOf({ status: 'waiting_resident', sla: { ...SLA, resolveDueAt: null, paused: true } }, NOW),
    ).toEqual({ kind: 'paused' });
    expect(dueOf({ status: 'in_progress', sla: { ...SLA, paused: true } }, NOW)).toEqual({
      kind: 'paused',
    });
  });

  it('is overdue when the server says so or the time has passed', () => {
    expect(
      dueOf({ status: 'in_progress', sla: { ...SLA, resolveOverdue: true } }, NOW),
    ).toMatchObject({ overdue: true });
    expect(
      dueOf({ status: 'submitted', sla: { ...SLA, acceptDueAt: '2026-11-27T01:59:00Z' } }, NOW),
    ).toMatchObject({ overdue: true });
  });

  it('is none once finished, or when the API gives no time', () => {
    for (const status of ['resolved', 'closed', 'rejected'] as const) {
      expect(dueOf({ status, sla: SLA }, NOW)).toBeNull();
    }
    expect(dueOf({ status: 'submitted', sla: { ...SLA, acceptDueAt: null } }, NOW)).toBeNull();
  });
});

describe('photos', () => {
  it.each([
    ['a.jpg', 'image/jpeg', null],
    ['a.png', 'image/png', null],
    ['a.webp', 'image/webp', null],
    ['a.heic', 'image/heic', null],
    ['a.HEIC', '', null],
    ['a.gif', 'image/gif', 'type'],
    ['a.svg', 'image/svg+xml', 'type'],
    ['a.bin', '', 'type'],
  ])('%s (%s) → %s', (name, type, expected) => {
    expect(photoProblem(file(name, type))).toBe(expected);
  });

  it('allows exactly 8 MB and no more', () => {
    expect(photoProblem(file('a.jpg', 'image/jpeg', 8 * 1024 * 1024))).toBeNull();
    expect(photoProblem(file('a.jpg', 'image/jpeg', 8 * 1024 * 1024 + 1))).toBe('size');
  });

  it('names the type of a HEIC picture the phone left untyped', () => {
    expect(photoType({ name: 'IMG_1.heic', type: '' })).toBe('image/heic');
    expect(withPhotoType(file('IMG_1.heic', '')).type).toBe('image/heic');
  });
});

describe('idempotency keys', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are fresh UUIDs each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('still work on a plain-http page without crypto.randomUUID', () => {
    const getRandomValues = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
      return bytes;
    };
    vi.stubGlobal('crypto', { getRandomValues });
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key.length).toBeGreaterThanOrEqual(8);
    expect(key.length).toBeLessThanOrEqual(64);
  });
});

describe('timeline keys', () => {
  it('names transitions by where they lead, reopening and resuming included', () => {
    expect(eventKey({ type: 'transition', fromStatus: 'submitted', toStatus: 'accepted' })).toBe(
      'requests.events.to.accepted',
    );
    expect(eventKey({ type: 'transition', fromStatus: 'resolved', toStatus: 'in_progress' })).toBe(
      'requests.events.reopened',
    );
    expect(
      eventKey({ type: 'transition', fromStatus: 'waiting_resident', toStatus: 'in_progress' }),
    ).toBe('requests.events.resumed');
    expect(eventKey({ type: 'escalated', fromStatus: null, toStatus: null })).toBe(
      'requests.events.escalated',
    );
  });
});
