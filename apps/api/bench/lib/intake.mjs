// 1. Intake: authenticated POST /api/cases through the whole HTTP stack at 64 connections, against
// plain single-row pg INSERTs from a 64-client pool into the same database.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CpuMeter } from './cpu.mjs';
import { HttpClient, onCleanup, runConcurrent, scaled, summary } from './harness.mjs';

const CONCURRENCY = 64;
const WARM_UP = scaled(300, 30);
const COUNT = scaled(3000, 300);
const PHASE_LIMIT_MS = 120_000;

const PHRASES = [
  '楼道灯坏了，晚上看不见路',
  '小区门口垃圾没有及时清运',
  '咨询居住证明怎么开',
  '楼上漏水到我家厨房',
];

export async function pgBaseline(url, meter) {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  pool.on('error', () => undefined); // idle clients whose server went away
  let ended = false;
  const end = async () => {
    if (!ended) await pool.end();
    ended = true;
  };
  onCleanup(end);
  try {
    await pool.query(
      `CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload text, created_at timestamptz DEFAULT now())`,
    );
    // Open all 64 connections before timing anything.
    const clients = await Promise.all(Array.from({ length: CONCURRENCY }, () => pool.connect()));
    clients.forEach((c) => c.release());
    const insert = (i) =>
      pool.query('INSERT INTO bench_baseline (payload) VALUES ($1)', [`${PHRASES[i % 4]} #${i}`]);
    await runConcurrent(WARM_UP, CONCURRENCY, performance.now() + PHASE_LIMIT_MS, insert);
    const latencies = [];
    const before = meter.snapshot();
    const run = await runConcurrent(
      COUNT,
      CONCURRENCY,
      performance.now() + PHASE_LIMIT_MS,
      async (i) => {
        const t = performance.now();
        await insert(WARM_UP + i);
        latencies.push(performance.now() - t);
      },
    );
    const cpu = CpuMeter.cores(before, meter.snapshot());
    return {
      rps: run.done / run.seconds,
      done: run.done,
      seconds: run.seconds,
      cpu,
      ...summary(latencies),
    };
  } finally {
    await end();
  }
}

export async function apiIntake(port, token, categoryId, meter) {
  const http = new HttpClient(port, CONCURRENCY);
  const runId = randomUUID().slice(0, 8);
  const failures = new Map();
  const create = async (i) => {
    const res = await http.request('POST', '/api/cases', {
      token,
      headers: { 'idempotency-key': `bench-${runId}-${i}` },
      body: { categoryId, description: `${PHRASES[i % 4]}（第${i}号）`, walkIn: { name: '张三' } },
    });
    if (res.status !== 201) {
      const key = `${res.status} ${res.text.slice(0, 160)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    return res;
  };
  try {
    await runConcurrent(WARM_UP, CONCURRENCY, performance.now() + PHASE_LIMIT_MS, create);
    const latencies = [];
    const before = meter.snapshot();
    const run = await runConcurrent(
      COUNT,
      CONCURRENCY,
      performance.now() + PHASE_LIMIT_MS,
      async (i) => {
        const res = await create(WARM_UP + i);
        latencies.push(res.ended - res.started);
      },
    );
    const cpu = CpuMeter.cores(before, meter.snapshot());
    const failed = [...failures.values()].reduce((a, b) => a + b, 0);
    if (failed > 0)
      throw new Error(
        `${failed} case creations failed: ${[...failures].map(([k, n]) => `${n}× ${k}`).join('; ')}`,
      );
    return {
      rps: run.done / run.seconds,
      done: run.done,
      seconds: run.seconds,
      cpu,
      ...summary(latencies),
    };
  } finally {
    http.close();
  }
}

export const intakeCounts = { CONCURRENCY, WARM_UP, COUNT };
