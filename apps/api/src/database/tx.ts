import type { EntityManager } from 'typeorm';

/** An open database transaction; services pass it on to repositories without knowing TypeORM. */
export type Tx = EntityManager;
