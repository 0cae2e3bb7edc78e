import type { XY } from '../geometry/local-frame.js';
import type { BlockedObstacle } from '../drivable/blocked-obstacles.js';
import type { StartPlace } from '../drivable/drivable-space.js';
import type { MultiPolygonXY } from '../drivable/polygons.js';
import type { VehicleClass } from '../vehicles/vehicle-classes.js';
import { buildApproachGraph, type ApproachGraph, type GraphOptions } from './approach-graph.js';
import { arrivalSpeeds, bestArrival, type Arrival } from './best-arrival.js';
import { acceleratorFor } from './kinematics.js';
import { maxSpeedSearch, type VehicleLimits } from './max-speed-search.js';
import { areaEdges, obstacleEdges } from './obstacle-edges.js';
import { targetSamples, type TargetOutline } from './target-samples.js';

/** A target of the approach analysis in local metres. */
export interface ApproachTarget {
  id: string;
  outline: TargetOutline;
  /** The target's own scene feature id when it is a barrier line (it may also be an obstacle). */
  barrierId?: string;
}

export interface RouteOptions extends GraphOptions {
  /** Spacing of contact samples along target outlines, m. */
  targetSpacingM: number;
  signal?: { aborted: boolean };
}

/** Defaults: straight legs as `GraphOptions.maxEdgeM` 'auto', edge starts every 5 m, contact samples every 1 m. */
export const DEFAULT_ROUTE_OPTIONS: RouteOptions = { maxEdgeM: 'auto', edgeStartSpacingM: 5, targetSpacingM: 1 };

export interface RouteResult {
  targetId: string;
  arrival?: Arrival;
  speedsMps?: number[];
}

export interface RouteInput {
  area: MultiPolygonXY;
  obstacles: readonly BlockedObstacle[];
  starts: readonly StartPlace[];
  targets: readonly ApproachTarget[];
}

export function vehicleLimits(vehicle: VehicleClass): VehicleLimits {
  return { accelerator: acceleratorFor(vehicle), minTurnRadiusM: vehicle.minTurnRadiusM, lateralG: vehicle.lateralG };
}

/** The graph for one vehicle width (exposed for tests and the benchmark). */
export function approachGraphFor(input: RouteInput, widthM: number, options: RouteOptions = DEFAULT_ROUTE_OPTIONS): ApproachGraph {
  return buildApproachGraph(obstacleEdges(input.obstacles), input.area, areaEdges(input.area), input.starts, widthM / 2, options);
}

/**
 * The fastest route of one vehicle class into every target: one search over the graph (the
 * best speed into every edge does not depend on the target), then the best last leg per target.
 */
export function approachRoutes(input: RouteInput, vehicle: VehicleClass, options: RouteOptions = DEFAULT_ROUTE_OPTIONS, graphs?: Map<string, ApproachGraph>): RouteResult[] {
  // Classes of one width see the same obstacles (gaps depend on width only): one graph serves them.
  const key = String(vehicle.widthM);
  let g = graphs?.get(key);
  if (!g) {
    g = approachGraphFor(input, vehicle.widthM, options);
    graphs?.set(key, g);
  }
  const limits = vehicleLimits(vehicle);
  const search = maxSpeedSearch(g, limits, options.signal);
  return input.targets.map((t) => {
    const owner = t.barrierId === undefined ? -1 : input.obstacles.findIndex((o) => o.featureId === t.barrierId);
    const samples = targetSamples(t.outline, g!.halfWidthM, options.targetSpacingM, g!.edges);
    const arrival = bestArrival(g!, search, limits, t.outline, samples, owner, (blocked, stop) => maxSpeedSearch(g!, limits, options.signal, blocked, search, stop));
    if (!arrival) return { targetId: t.id };
    return { targetId: t.id, arrival, speedsMps: arrivalSpeeds(arrival, limits, vehicle.brakeMps2) };
  });
}

export type { XY };
