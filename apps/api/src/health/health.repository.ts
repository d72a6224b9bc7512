import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(private readonly ds: DataSource) {}

  async check(): Promise<{ up: boolean; migrations: number }> {
    try {
      const rows: { n: number }[] = await this.ds.query(
        'SELECT count(*)::int AS n FROM migrations',
      );
      return { up: true, migrations: rows[0]?.n ?? 0 };
    } catch {
      return { up: false, migrations: 0 };
    }
  }
}
