import { Extensions1700000000000 } from './1700000000000-extensions';
import { InitialSchema1795764808082 } from './1795764808082-initial-schema';
import { AuditAppendOnly1795764808100 } from './1795764808100-audit-append-only';

/** In order; never edit a migration once it has landed. */
export const MIGRATIONS = [
  Extensions1700000000000,
  InitialSchema1795764808082,
  AuditAppendOnly1795764808100,
];
