/**
 * GET requests to the site the user has open, made the way the page itself makes them: same
 * origin, with the page's own session cookie, carrying nothing of the user's (no text, no key).
 *
 * Chrome's content-script `fetch` behaves as the page's. So does Firefox's in MV3 builds
 * (checked in firefox-esr 140: the page's SameSite=Lax cookie goes with it, and no `content`
 * global is exposed; test/firefox/meters.firefox.ts). Firefox MV2 ran a content script's
 * `fetch` as the extension (another origin, which SameSite cookies and CSRF checks refuse);
 * there `content.fetch` is the page's own, so it is used whenever it exists.
 */

export interface PageResponse {
  status: number;
  contentType: string;
  text: string;
}

export type PageFetch = (path: string) => Promise<PageResponse>;

const TIMEOUT_MS = 15_000;
/** A usage answer is a few KB; anything far larger is not one, and is not read whole. */
const MAX_TEXT = 1_000_000;

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The page's own fetch: Firefox's `content.fetch` when present, else the global one. */
export function pageFetchFunction(scope: unknown = globalThis): FetchLike {
  const content = (scope as { content?: { fetch?: FetchLike } }).content;
  if (content && typeof content.fetch === 'function') return (input, init) => content.fetch!(input, init);
  return (input, init) => fetch(input, init);
}

/**
 * A fetcher bound to one origin: refuses any URL that would leave it, so a path built from a
 * response (an organization id) can never send the session elsewhere.
 */
export function createPageFetch(origin: string, fetchImpl: FetchLike = pageFetchFunction()): PageFetch {
  return async (path) => {
    const url = new URL(path, origin);
    if (url.origin !== origin) throw new Error(`refused a request outside ${origin}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    });
    try {
      const response = await Promise.race([
        fetchImpl(url.href, { method: 'GET', credentials: 'include', headers: { accept: 'application/json' }, cache: 'no-store' }),
        timeout,
      ]);
      // text(), not json(): an HTML sign-in page must be recognised, not thrown on; and a string
      // crosses Firefox's page/content boundary without wrappers.
      const text = await Promise.race([response.text(), timeout]);
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: String(text).slice(0, MAX_TEXT) };
    } finally {
      clearTimeout(timer);
    }
  };
}
