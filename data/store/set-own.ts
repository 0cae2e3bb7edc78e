/**
 * Sets an own, enumerable property even when the key is `__proto__`: user data (unknown properties)
 * may use any key, and plain assignment would change the object's prototype instead of storing it.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function assignOwn(target: object, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) setOwn(target, key, source[key]);
}
