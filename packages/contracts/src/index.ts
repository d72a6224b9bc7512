export * from './roles.js';
export * from './errors.js';
export * from './auth.js';
export * from './org.js';
export * from './audit.js';
export * from './cases.js';
export * from './events.js';
export * from './residents.js';
