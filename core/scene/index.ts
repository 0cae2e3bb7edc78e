export * from './kinds.js';
export * from './types.js';
export * from './properties.js';
export * from './validate.js';
