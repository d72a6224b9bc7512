// Where the CPU went during a measurement: the API process, PostgreSQL (postmaster and its
// backends) and this load generator. Linux only (/proc); elsewhere the figures are left out.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // keep the usual 100
}

/** [ppid, cpu seconds] of a process, or null when it is gone. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [Number(rest[1]), (Number(rest[11]) + Number(rest[12])) / ticksPerSecond];
  } catch {
    return null;
  }
}

function postgresSeconds(postmaster) {
  let total = stat(postmaster)?.[1] ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s[0] === postmaster) total += s[1];
  }
  return total;
}

export class CpuMeter {
  constructor(apiPid, pgDir) {
    this.apiPid = apiPid;
    this.pidFile = join(pgDir, 'pg', 'postmaster.pid');
    this.available = existsSync('/proc/self/stat');
  }

  snapshot() {
    const postmaster = existsSync(this.pidFile)
      ? Number(readFileSync(this.pidFile, 'utf8').split('\n')[0])
      : 0;
    const bench = process.cpuUsage();
    return {
      at: performance.now(),
      api: this.available ? (stat(this.apiPid)?.[1] ?? NaN) : NaN,
      pg: this.available && postmaster ? postgresSeconds(postmaster) : NaN,
      bench: (bench.user + bench.system) / 1e6,
    };
  }

  /** Cores used by each side between two snapshots (1.00 = one core busy all the time). */
  static cores(a, b) {
    const wall = (b.at - a.at) / 1000;
    return {
      api: (b.api - a.api) / wall,
      pg: (b.pg - a.pg) / wall,
      bench: (b.bench - a.bench) / wall,
      apiSeconds: b.api - a.api,
      benchSeconds: b.bench - a.bench,
    };
  }
}

export function formatCores(c, perRequests) {
  if (!Number.isFinite(c.api)) return 'CPU split not available on this system';
  const per = perRequests
    ? ` (${((1000 * c.apiSeconds) / perRequests).toFixed(1)} ms API CPU per request)`
    : '';
  return `CPU in use: API ${c.api.toFixed(2)} cores${per}, PostgreSQL ${c.pg.toFixed(2)}, load generator ${c.bench.toFixed(2)}`;
}
