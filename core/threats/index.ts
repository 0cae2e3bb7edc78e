export * from './threats.js';
export * from './atf-vehicle-bombs.js';
