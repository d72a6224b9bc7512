// 4. "My follow-ups" of a community worker with 2,000 open tasks (and a year of done ones), as the
// console opens it, against GET /health/live measured alternately on the same connection.
import { performance } from 'node:perf_hooks';
import { CpuMeter } from './cpu.mjs';
import { HttpClient, scaled, summary } from './harness.mjs';

const OPEN_TASKS = scaled(2_000, 2_000);
const DONE_TASKS = scaled(20_000, 2_000);
const WARM_UP = scaled(50, 10);
const COUNT = scaled(300, 30);
export const FOLLOW_UP_PATH = '/api/follow-ups?assignee=me&status=open&pageSize=50';

/**
 * A community worker in the intake community, OPEN_TASKS resolved cases with an open follow-up
 * each and DONE_TASKS closed cases with a done one, all assigned to that worker.
 */
export async function loadFollowUps(sql, org, passwordHash) {
  const t = performance.now();
  const worker = (
    await sql.query(
      `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level, community_id)
       VALUES ('bench.worker', $1, '压测社工', 'community_worker', 'community', $2) RETURNING id`,
      [passwordHash, org.communityId],
    )
  ).rows[0];
  await sql.query(
    `WITH c AS (
       INSERT INTO service_case (number, kind, category_id, channel, status, community_id, compound_id,
         desk_id, walk_in_name, description, submitted_at, accepted_at, resolved_at, closed_at,
         resolution, reopen_count, escalated, pauses, version, created_at, updated_at)
       SELECT 'BENCH-F' || g, 'concern', $1, 'desk', CASE WHEN g <= $4::int THEN 'resolved' ELSE 'closed' END,
              $2, $3, $5, '居民' || g, '楼道灯不亮，晚上出行不便',
              now() - (g % 360) * interval '1 day' - interval '3 days',
              now() - (g % 360) * interval '1 day' - interval '3 days' + interval '10 minutes',
              now() - (g % 360) * interval '1 day' - interval '2 days',
              CASE WHEN g > $4::int THEN now() - (g % 360) * interval '1 day' END,
              '已处理完毕', 0, false, '[]'::jsonb, 4, now(), now()
         FROM generate_series(1, $4::int + $6::int) g
       RETURNING id, status, resolved_at, closed_at)
     INSERT INTO follow_up_task (case_id, community_id, compound_id, assignee_id, status, round,
       due_at, first_due_at, tries, verdict, completed_at, created_at, updated_at)
     SELECT id, $2, $3, $7, CASE WHEN status = 'resolved' THEN 'open' ELSE 'done' END, 1,
            resolved_at + interval '3 days', resolved_at + interval '3 days', 0,
            CASE WHEN status = 'closed' THEN 'close' END, closed_at, resolved_at, resolved_at
       FROM c`,
    [
      org.categoryId,
      org.communityId,
      org.compoundId,
      OPEN_TASKS,
      org.deskId,
      DONE_TASKS,
      worker.id,
    ],
  );
  await sql.query('VACUUM (ANALYZE) follow_up_task');
  await sql.query('VACUUM (ANALYZE) service_case');
  return { username: 'bench.worker', seconds: (performance.now() - t) / 1000 };
}

export async function myFollowUpsRead(port, token, meter) {
  const http = new HttpClient(port, 1);
  try {
    const reads = [];
    const health = [];
    let page = null;
    let before = meter.snapshot();
    const deadline = performance.now() + 120_000;
    for (let i = 0; i < WARM_UP + COUNT && performance.now() < deadline; i++) {
      const q = await http.json('GET', FOLLOW_UP_PATH, { token });
      if (q.status !== 200)
        throw new Error(`GET ${FOLLOW_UP_PATH} answered ${q.status}: ${q.text}`);
      page = q.data;
      const h = await http.request('GET', '/health/live');
      if (h.status !== 200) throw new Error(`GET /health/live answered ${h.status}`);
      if (i < WARM_UP) {
        before = meter.snapshot();
        continue;
      }
      reads.push(q.ended - q.started);
      health.push(h.ended - h.started);
    }
    return {
      cpu: CpuMeter.cores(before, meter.snapshot()),
      items: page?.items?.length ?? 0,
      total: page?.total ?? 0,
      reads: summary(reads),
      health: summary(health),
    };
  } finally {
    http.close();
  }
}

export const followUpCounts = { OPEN_TASKS, DONE_TASKS, WARM_UP, COUNT };
