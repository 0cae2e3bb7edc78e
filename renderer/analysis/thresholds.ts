/**
 * Impact speed from which a vehicle reaching people is critical and a path is drawn amber, km/h:
 * 48 km/h (30 mph) is the lowest common IWA 14-1 / PAS 68 test speed for goods vehicles
 * (shared/reference/hvm.md §2, "Observed test speeds 32/48/64/80 km/h").
 */
export const CRITICAL_SPEED_KMH = 48;
/** Impact speed drawn red on the map, km/h: the next test speed of the same ladder (hvm.md §2). */
export const SEVERE_SPEED_KMH = 64;
