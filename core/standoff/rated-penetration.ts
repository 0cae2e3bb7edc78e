/**
 * The dynamic penetration of a crash rating, m: how far past the barrier line a stopped vehicle
 * may still reach (crowd-cpted-layers.md §3: "use the P-distance as the dynamic penetration buffer
 * behind the barrier line when computing stand-off"; scene-format.md "Measurement conventions").
 * Only the penetration part of a rating string is read here; the full parser belongs to the
 * approach analysis (core/ratings). Penetration classes give their upper bound (the safe side).
 * Formats: shared/reference/hvm.md §2 "Rating strings".
 */
export interface RatedPenetration {
  penetrationM: number;
  standard: 'IWA14-1/ISO22343' | 'PAS68' | 'ASTM F2656' | 'DoS SD-STD-02.01';
}

const FT = 0.3048;
/** ASTM F2656 penetration classes: P1 ≤ 1 m, P2 ≤ 7 m, P3 ≤ 30 m (Delta Scientific, hvm.md §2). */
const ASTM_P: Record<string, number> = { P1: 1, P2: 7, P3: 30 };
/** DoS K-rating penetration: L3 ≤ 3 ft, L2 ≤ 20 ft, L1 ≤ 50 ft (hvm.md §2); Rev A kept only ≤ 3 ft. */
const DOS_L: Record<string, number> = { L3: 3 * FT, L2: 20 * FT, L1: 50 * FT };

/** The penetration of a rating string, or null when it cannot be read. */
export function ratedPenetration(rating: string): RatedPenetration | null {
  const s = rating.trim();
  // IWA 14-1 / ISO 22343: V/7200[N2A]/48/90:3.5 ; PAS 68: V/7500[N3]/80/90:3.3/25.0 (then a debris distance).
  const iwa = /^[VFP]\s*\/\s*\d+\s*\[\s*([A-Z0-9]+)\s*\]\s*\/\s*\d+(?:\s*\/\s*\d+)?\s*:\s*(\d+(?:\.\d+)?)(\s*\/\s*\d+(?:\.\d+)?)?/i.exec(s);
  if (iwa) {
    const pas = iwa[3] !== undefined || /^(N2|N3)$/i.test(iwa[1]) === true;
    return { penetrationM: Number(iwa[2]), standard: pas ? 'PAS68' : 'IWA14-1/ISO22343' };
  }
  const astm = /\b(?:C|FS|PU|M|C7|H)\d{2}\s*[/ ]\s*(P[123])\b/i.exec(s);
  if (astm) return { penetrationM: ASTM_P[astm[1].toUpperCase()], standard: 'ASTM F2656' };
  const dos = /\bK(4|8|12)\b(?:\s*[/ ]?\s*(L[123]))?/i.exec(s);
  if (dos) return { penetrationM: dos[2] ? DOS_L[dos[2].toUpperCase()] : DOS_L.L3, standard: 'DoS SD-STD-02.01' };
  return null;
}
