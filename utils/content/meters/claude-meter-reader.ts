import { chatOrganizations, claudeWindowsFrom, type ClaudeOrganization } from '@/utils/core/meters/claude-usage';
import type { MeterError, MeterReport } from '@/utils/core/meters/meter-types';
import type { PageFetch } from '@/utils/content/meters/page-fetch';
import { jsonOrProblem, networkProblem } from '@/utils/content/meters/response-check';

/** Organizations read per pass beyond the active one: a person in many teams still costs few requests. */
export const MAX_EXTRA_ORGANIZATIONS = 3;
const SITE = 'claude.ai';

export interface ClaudeReaderDeps {
  fetch: PageFetch;
  /** The organization the web app last used (its `lastActiveOrg` cookie), if readable. */
  activeOrganization(): string | null;
}

/**
 * One pass over the user's Claude meters: the organization list, then the usage of each chat
 * organization, the active one first. Returns one report per organization (or one error
 * report when even the list can't be read). Only claude.ai is ever asked.
 */
export async function readClaudeMeters(deps: ClaudeReaderDeps): Promise<MeterReport[]> {
  const hint = deps.activeOrganization();
  const errorReport = (error: MeterError): MeterReport[] => [
    { site: 'claude', account: hint ?? 'unknown', accountName: null, active: true, windows: [], error },
  ];

  let orgs: ClaudeOrganization[];
  try {
    const checked = jsonOrProblem(await deps.fetch('/api/organizations'), SITE);
    if (!checked.ok) return errorReport(checked.error);
    orgs = chatOrganizations(checked.json);
  } catch (error) {
    return errorReport(error instanceof Error && error.name === 'UnknownShapeError' ? { reason: `${SITE}: ${error.message}` } : networkProblem(error, SITE));
  }
  if (orgs.length === 0) return errorReport({ reason: `No Claude organization with chat access was found on ${SITE}.` });

  const active = orgs.find((o) => o.uuid === hint) ?? orgs[0]!;
  const others = orgs.filter((o) => o !== active).slice(0, MAX_EXTRA_ORGANIZATIONS);
  const reports: MeterReport[] = [];
  for (const org of [active, ...others]) {
    const report = await readOrganization(deps.fetch, org, org === active);
    // Another organization that simply has no chat usage is left out, not shown as broken.
    if (org !== active && report.error && (report.error.status === 403 || report.error.status === 404)) continue;
    reports.push(report);
  }
  return reports;
}

async function readOrganization(fetchPage: PageFetch, org: ClaudeOrganization, active: boolean): Promise<MeterReport> {
  const base = { site: 'claude' as const, account: org.uuid, accountName: org.name?.trim() || null, active };
  try {
    const checked = jsonOrProblem(await fetchPage(`/api/organizations/${encodeURIComponent(org.uuid)}/usage`), SITE);
    if (!checked.ok) return { ...base, windows: [], error: checked.error };
    return { ...base, windows: claudeWindowsFrom(checked.json), error: null };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'UnknownShapeError' ? `${SITE}: ${error.message}` : networkProblem(error, SITE).reason;
    return { ...base, windows: [], error: { reason } };
  }
}

/** The `lastActiveOrg` cookie claude.ai sets, when the page can see it. */
export function lastActiveOrgCookie(cookie: string): string | null {
  const match = /(?:^|;\s*)lastActiveOrg=([A-Za-z0-9_-]{1,100})(?:;|$)/.exec(cookie);
  return match ? match[1]! : null;
}
