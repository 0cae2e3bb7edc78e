export * from './drivable-space.js';
export * from './blocked-obstacles.js';
export * from './analysis-area.js';
export * from './polygons.js';
export * from './clustered-difference.js';
export * from './shrunk-ring.js';
