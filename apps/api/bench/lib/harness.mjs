// Shared pieces of the API benchmark: clean-up on every exit path, free ports, a keep-alive
// HTTP client over node:http, percentiles and bounded concurrency.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

/** Scales a count down about 10× for the smoke run (`BENCH_QUICK=1`). */
export const scaled = (full, quick = Math.max(1, Math.round(full / 10))) => (QUICK ? quick : full);

// Clean-up: asynchronous steps run in reverse order on the normal path and on errors and
// signals; synchronous last resorts (kill a child, delete a folder) also run on `exit`.
const asyncSteps = [];
const exitSteps = [];
let cleaning = null;

export function onCleanup(step) {
  asyncSteps.push(step);
}

export function onExit(step) {
  exitSteps.push(step);
}

/** True once the clean-up has begun (a signal, an error or the end of the run). */
export const stopping = () => cleaning !== null;

export function cleanup() {
  cleaning ??= (async () => {
    for (const step of asyncSteps.reverse()) {
      try {
        await step();
      } catch (err) {
        console.error(`clean-up step failed: ${err instanceof Error ? err.message : err}`);
      }
    }
  })();
  return cleaning;
}

process.on('exit', () => {
  for (const step of exitSteps.reverse()) {
    try {
      step();
    } catch {
      // last resort: nothing more to do
    }
  }
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark and cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => {
    // While stopping, connections that the clean-up closes may still complain: not news.
    if (cleaning) return;
    console.error(`\n${event}: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    void cleanup().finally(() => process.exit(1));
  });
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` with a message naming what took too long. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** HTTP/1.1 to 127.0.0.1 over a keep-alive agent; resolves when the whole body has arrived. */
export class HttpClient {
  constructor(port, connections) {
    this.port = port;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, scheduling: 'lifo' });
  }

  request(method, path, { headers = {}, body, token, timeoutMs = 30_000 } = {}) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const h = { accept: 'application/json', ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (payload) {
      h['content-type'] = 'application/json';
      h['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: '127.0.0.1', port: this.port, method, path, headers: h, agent: this.agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              started,
              ended: performance.now(),
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async json(method, path, opts = {}) {
    const res = await this.request(method, path, opts);
    let data = null;
    try {
      data = res.text ? JSON.parse(res.text) : null;
    } catch {
      // not JSON: keep the text for the error message
    }
    return { ...res, data };
  }

  close() {
    this.agent.destroy();
  }
}

/**
 * Runs `count` calls of `fn(i)` with `concurrency` in flight, giving up at `deadline`
 * (a performance.now() value). Returns the wall time and how many calls were made.
 */
export async function runConcurrent(count, concurrency, deadline, fn) {
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      await fn(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { done, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile of numbers (sorted copy). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summary(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) =>
    sorted.length === 0
      ? NaN
      : sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
  return { n: sorted.length, p50: at(50), p99: at(99), max: sorted.length ? sorted.at(-1) : NaN };
}

export const ms = (v) =>
  Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : 'n/a';
export const num = (v, digits = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';
export const ratio = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
