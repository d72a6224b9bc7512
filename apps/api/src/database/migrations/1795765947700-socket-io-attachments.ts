import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The socket.io Postgres adapter keeps payloads too large for NOTIFY here. */
export class SocketIoAttachments1795765947700 implements MigrationInterface {
  name = 'SocketIoAttachments1795765947700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
      id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS socket_io_attachments');
  }
}
