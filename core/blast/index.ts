export * from './kingery-bulmash.js';
export * from './blast-thresholds.js';
export * from './standoff-criteria.js';
