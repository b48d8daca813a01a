import type { MeterError } from '@/utils/core/meters/meter-types';
import type { PageResponse } from '@/utils/content/meters/page-fetch';

/**
 * Turns a site's answer into JSON, or into the reason it isn't usable. A meter that can't be
 * read says why ("signed out", "rate-limited", "a web page instead of data"); it never shows
 * a number it did not read.
 */
export function jsonOrProblem(response: PageResponse, siteName: string): { ok: true; json: unknown } | { ok: false; error: MeterError } {
  const { status } = response;
  const fail = (reason: string) => ({ ok: false as const, error: { reason, status } });
  if (status === 401) return fail(`${siteName} says you are signed out (HTTP 401). Sign in on ${siteName} and reload the page.`);
  if (status === 403) return fail(`${siteName} refused to show this usage (HTTP 403): signed out, no access to it, or a security check.`);
  if (status === 404) return fail(`${siteName} has no usage data here (HTTP 404).`);
  if (status === 429) return fail(`${siteName} is limiting requests (HTTP 429). TokenTally will try again later.`);
  if (status < 200 || status >= 300) return fail(`${siteName} answered HTTP ${status}.`);
  const body = response.text.trimStart();
  if (/html/i.test(response.contentType) || body.startsWith('<')) {
    return fail(`${siteName} answered with a web page instead of usage data (a sign-in or security check?).`);
  }
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch {
    return fail(`${siteName}'s answer is not JSON (${response.contentType || 'no content type'}).`);
  }
}

/** A thrown error (network down, timeout) as a meter error. */
export function networkProblem(error: unknown, siteName: string): MeterError {
  const message = error instanceof Error ? error.message : String(error);
  return { reason: `Could not reach ${siteName}: ${message}`.slice(0, 300) };
}
