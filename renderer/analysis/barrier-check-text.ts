import { formatKmh } from './format.js';

const VERDICT_WORDS: Record<string, string> = { pass: 'stops it', fail: 'FAILS', unrated: 'unrated', not_reached: 'not reached' };

/**
 * The hover text of a barrier badge: barrier, class, verdict, speeds and the reason the analysis
 * gave (a barrier_check feature's properties, scene-format.md "Output kinds").
 */
export function barrierCheckText(p: Record<string, unknown>): string {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const verdict = String(p.verdict ?? '');
  const parts = [`Barrier ${String(p.barrier_id ?? '?')} vs ${String(p.vehicle ?? '?')}: ${VERDICT_WORDS[verdict] ?? verdict}`];
  const required = num(p.required_speed_kmh);
  const rated = num(p.rated_speed_kmh);
  if (required !== undefined) parts.push(`arrives at ${formatKmh(required)}`);
  if (rated !== undefined) parts.push(`rated ${formatKmh(rated)}`);
  else if (verdict === 'unrated') parts.push('no rating');
  if (typeof p.reason === 'string' && p.reason) parts.push(p.reason);
  return parts.join(' · ');
}
