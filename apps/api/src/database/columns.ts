import { CreateDateColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string; the domain wants numbers. */
export const numericToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

export const CreatedAt = () => CreateDateColumn({ type: 'timestamptz' });
export const UpdatedAt = () => UpdateDateColumn({ type: 'timestamptz' });
