/**
 * Wraps a callback the page (or the browser, on the page's behalf) will call so that
 * nothing TokenTally does can throw into the page: errors are logged once per message.
 */
const reported = new Set<string>();

export function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (reported.has(message)) return;
  reported.add(message);
  console.warn('[TokenTally]', message);
}

export function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(reportError);
    } catch (error) {
      reportError(error);
    }
  };
}
