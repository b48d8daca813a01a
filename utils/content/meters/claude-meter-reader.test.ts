import { describe, expect, it } from 'vitest';
import { lastActiveOrgCookie, readClaudeMeters } from '@/utils/content/meters/claude-meter-reader';
import { NEW_SHAPE, OLD_SHAPE, ORG_UUID, ORGANIZATIONS, TEAM_ORG_UUID } from '@/test/unit/claude-usage-fixtures';
import { createPageFetch, type PageResponse } from '@/utils/content/meters/page-fetch';

const json = (body: unknown, status = 200): PageResponse => ({ status, contentType: 'application/json', text: JSON.stringify(body) });
const html = (status = 200): PageResponse => ({ status, contentType: 'text/html; charset=utf-8', text: '<!doctype html><title>Just a moment...</title>' });

function site(routes: Record<string, PageResponse>, cookieOrg: string | null = null) {
  const asked: string[] = [];
  return {
    asked,
    deps: {
      fetch: async (path: string) => {
        asked.push(path);
        return routes[path] ?? json({ type: 'error', error: { type: 'not_found_error' } }, 404);
      },
      activeOrganization: () => cookieOrg,
    },
  };
}

const usagePath = (uuid: string) => `/api/organizations/${uuid}/usage`;

describe('reading Claude meters', () => {
  it('reads each chat organization, the active one (cookie) first, never the API-only one', async () => {
    const { deps, asked } = site(
      { '/api/organizations': json(ORGANIZATIONS), [usagePath(ORG_UUID)]: json(OLD_SHAPE), [usagePath(TEAM_ORG_UUID)]: json(NEW_SHAPE) },
      TEAM_ORG_UUID,
    );
    const reports = await readClaudeMeters(deps);
    expect(asked).toEqual(['/api/organizations', usagePath(TEAM_ORG_UUID), usagePath(ORG_UUID)]);
    expect(reports.map((r) => [r.account, r.active, r.accountName, r.error])).toEqual([
      [TEAM_ORG_UUID, true, 'Acme Team', null],
      [ORG_UUID, false, "sam@example.com's Organization", null],
    ]);
    expect(reports[0]!.windows.map((w) => w.id)).toContain('claude:weekly:fable');
    expect(reports[1]!.windows.find((w) => w.id === 'claude:session')!.used).toBe(0.37);
  });

  it('without a cookie the first chat organization is the active one', async () => {
    const { deps } = site({ '/api/organizations': json(ORGANIZATIONS), [usagePath(ORG_UUID)]: json(NEW_SHAPE), [usagePath(TEAM_ORG_UUID)]: json(NEW_SHAPE) });
    expect((await readClaudeMeters(deps))[0]).toMatchObject({ account: ORG_UUID, active: true });
  });

  it.each([
    ['signed out', json({ type: 'error' }, 401), /signed out \(HTTP 401\)/, 401],
    ['forbidden', json({}, 403), /HTTP 403/, 403],
    ['rate-limited', json({}, 429), /limiting requests \(HTTP 429\)/, 429],
    ['a Cloudflare page', html(403), /HTTP 403/, 403],
    ['a web page with 200', html(200), /web page instead of usage data/, 200],
    ['not JSON', { status: 200, contentType: 'application/json', text: '{"five_hour": ' }, /not JSON/, 200],
  ])('the usage answer is %s: the meter says so, with no numbers', async (_, response, reason, status) => {
    const { deps } = site({ '/api/organizations': json([ORGANIZATIONS[0]]), [usagePath(ORG_UUID)]: response });
    const [report] = await readClaudeMeters(deps);
    expect(report).toMatchObject({ account: ORG_UUID, active: true, windows: [] });
    expect(report!.error!.reason).toMatch(reason);
    expect(report!.error!.status).toBe(status);
  });

  it('an unknown usage shape is an error, not 0%', async () => {
    const { deps } = site({ '/api/organizations': json([ORGANIZATIONS[0]]), [usagePath(ORG_UUID)]: json({ usage: { session: 40 } }) });
    const [report] = await readClaudeMeters(deps);
    expect(report!.windows).toEqual([]);
    expect(report!.error!.reason).toMatch(/unexpected response shape/);
  });

  it('the organization list failing is one error report for the page’s organization', async () => {
    const { deps, asked } = site({ '/api/organizations': json({}, 401) }, ORG_UUID);
    expect(await readClaudeMeters(deps)).toEqual([
      { site: 'claude', account: ORG_UUID, accountName: null, active: true, windows: [], error: expect.objectContaining({ status: 401 }) },
    ]);
    expect(asked).toEqual(['/api/organizations']);
  });

  it('another organization without chat usage (403) is left out, not shown broken', async () => {
    const { deps } = site({ '/api/organizations': json(ORGANIZATIONS), [usagePath(ORG_UUID)]: json(NEW_SHAPE), [usagePath(TEAM_ORG_UUID)]: json({}, 403) });
    expect((await readClaudeMeters(deps)).map((r) => r.account)).toEqual([ORG_UUID]);
  });

  it('reads the lastActiveOrg cookie only when it is an id', () => {
    expect(lastActiveOrgCookie(`a=1; lastActiveOrg=${ORG_UUID}; b=2`)).toBe(ORG_UUID);
    expect(lastActiveOrgCookie('lastActiveOrg=../x')).toBeNull();
    expect(lastActiveOrgCookie('')).toBeNull();
  });
});

describe('page fetch', () => {
  it('asks only its own origin, with the page session, and returns the text', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchPage = createPageFetch('https://claude.ai', async (url, init) => {
      calls.push([url, init]);
      return new Response('{"ok":1}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    expect(await fetchPage('/api/organizations')).toEqual({ status: 200, contentType: 'application/json', text: '{"ok":1}' });
    expect(calls[0]![0]).toBe('https://claude.ai/api/organizations');
    expect(calls[0]![1]).toMatchObject({ method: 'GET', credentials: 'include' });
    await expect(fetchPage('https://evil.example/api')).rejects.toThrow(/outside https:\/\/claude.ai/);
    await expect(fetchPage('//evil.example/api')).rejects.toThrow(/outside/);
    expect(calls).toHaveLength(1);
  });

  it("prefers Firefox's content.fetch (the page's own) when there is one", async () => {
    const { pageFetchFunction } = await import('@/utils/content/meters/page-fetch');
    const used: string[] = [];
    const scope = { content: { fetch: async (url: string) => (used.push(url), new Response('x')) } };
    await pageFetchFunction(scope)('https://claude.ai/a');
    expect(used).toEqual(['https://claude.ai/a']);
  });
});
