export { analyzeStandoff, personReachableSpace, reachableDistanceM, reachableWithin, vehicleReachableSpace } from './analyze-standoff.js';
export type { StandoffAnalysis, StandoffBreachFeature, StandoffNote, StandoffOptions, StandoffResult, ReachableSpace } from './analyze-standoff.js';
export * from './rings.js';
