// 2. Push: 1,000 socket.io clients in one desk room; for each case created over HTTP, the time
// from the create response (and from the request start) to every client's `case.created`.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { CpuMeter } from './cpu.mjs';
import { HttpClient, onCleanup, scaled, sleep, summary, withTimeout } from './harness.mjs';

const SOCKETS = scaled(1000, 100);
const BATCH = scaled(100, 25);
const WARM_UP_ROUNDS = 3;
const ROUNDS = scaled(30, 10);
const DELIVERY_TIMEOUT_MS = 10_000;
const HEALTH_WARM_UP = scaled(100, 20);
const HEALTH_COUNT = scaled(1000, 100);

/** Sequential GET /health/live round trips on one keep-alive connection. */
export async function healthRoundTrips(port, count = HEALTH_COUNT, warmUp = HEALTH_WARM_UP) {
  const http = new HttpClient(port, 1);
  try {
    const latencies = [];
    const deadline = performance.now() + 60_000;
    for (let i = 0; i < warmUp + count && performance.now() < deadline; i++) {
      const res = await http.request('GET', '/health/live');
      if (res.status !== 200) throw new Error(`GET /health/live answered ${res.status}`);
      if (i >= warmUp) latencies.push(res.ended - res.started);
    }
    return summary(latencies);
  } finally {
    http.close();
  }
}

function openSocket(port, token, room, onCreated) {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
  });
  socket.on('case.created', onCreated);
  const ready = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (err) => reject(new Error(`socket connect: ${err.message}`)));
  }).then(async () => {
    const ack = await socket.timeout(15_000).emitWithAck('subscribe', { room });
    if (!ack?.ok) throw new Error(`subscribe ${room}: ${JSON.stringify(ack)}`);
    return socket;
  });
  return { socket, ready };
}

export async function push(port, token, deskId, categoryId, meter) {
  const receipts = new Map(); // case id -> receipt times (performance.now())
  const onCreated = (msg) => {
    const at = performance.now();
    const id = msg?.case?.id;
    if (!id) return;
    let list = receipts.get(id);
    if (!list) receipts.set(id, (list = []));
    list.push(at);
  };
  const sockets = [];
  const closeAll = () => {
    for (const s of sockets) s.close();
    sockets.length = 0;
  };
  onCleanup(closeAll);
  const http = new HttpClient(port, 1);
  const room = `desk:${deskId}`;
  try {
    const connectStarted = performance.now();
    for (let i = 0; i < SOCKETS; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, SOCKETS - i) }, () =>
        openSocket(port, token, room, onCreated),
      );
      sockets.push(...batch.map((b) => b.socket));
      await withTimeout(Promise.all(batch.map((b) => b.ready)), 60_000, `socket batch at ${i}`);
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;

    const runId = randomUUID().slice(0, 8);
    const afterResponse = [];
    const fromStart = [];
    const createMs = [];
    const firstMs = [];
    const spreadMs = [];
    let early = 0;
    let rounds = 0;
    let before = meter.snapshot();
    const roundDeadline = performance.now() + 180_000;
    for (let r = 0; r < WARM_UP_ROUNDS + ROUNDS && performance.now() < roundDeadline; r++) {
      const res = await http.json('POST', '/api/cases', {
        token,
        headers: { 'idempotency-key': `push-${runId}-${r}` },
        body: { categoryId, description: `推送压测第${r}件：路灯不亮`, walkIn: { name: '李四' } },
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.text}`);
      const id = res.data.id;
      const waitUntil = performance.now() + DELIVERY_TIMEOUT_MS;
      while ((receipts.get(id)?.length ?? 0) < SOCKETS && performance.now() < waitUntil)
        await sleep(2);
      const got = receipts.get(id) ?? [];
      receipts.delete(id);
      if (r < WARM_UP_ROUNDS) {
        before = meter.snapshot();
        continue;
      }
      rounds++;
      if (got.length > 0) {
        let first = Infinity;
        let last = -Infinity;
        for (const at of got) {
          first = Math.min(first, at);
          last = Math.max(last, at);
        }
        createMs.push(res.ended - res.started);
        firstMs.push(first - res.started);
        spreadMs.push(last - first);
      }
      for (const at of got) {
        if (at < res.ended) early++;
        afterResponse.push(Math.max(0, at - res.ended));
        fromStart.push(at - res.started);
      }
      await sleep(20);
    }
    const cpu = CpuMeter.cores(before, meter.snapshot());
    return {
      sockets: SOCKETS,
      rounds,
      connectSeconds,
      deliveries: afterResponse.length,
      expected: SOCKETS * ROUNDS,
      // deliveries that never came, including rounds the time limit cut off
      missing: SOCKETS * ROUNDS - afterResponse.length,
      early,
      afterResponse: summary(afterResponse),
      fromStart: summary(fromStart),
      // per case: the create round trip, the first delivery and first-to-last (the fan-out)
      create: summary(createMs),
      first: summary(firstMs),
      spread: summary(spreadMs),
      cpu,
    };
  } finally {
    http.close();
    closeAll();
  }
}

export const pushCounts = { SOCKETS, BATCH, ROUNDS, WARM_UP_ROUNDS, HEALTH_COUNT };
