/** The error a cancelled analysis stops with (house rule: name `AbortError`). */
export function abortError(): Error {
  const e = new Error('approach analysis aborted');
  e.name = 'AbortError';
  return e;
}
