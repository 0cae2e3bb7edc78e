export { analyzeStandoff, personReachableSpace, reachableDistanceM, reachableWithin, vehicleReachableSpace } from './analyze-standoff.js';
export type { StandoffAnalysis, StandoffBreachFeature, StandoffNote, StandoffOptions, StandoffResult, ReachableSpace } from './analyze-standoff.js';
export * from './rings.js';
export * from './rated-penetration.js';
export * from './vehicle-width.js';
