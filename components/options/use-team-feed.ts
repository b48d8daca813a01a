import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readFeedStatus, readOtlpHeaders, writeOtlpHeaders, outboxSize } from '@/utils/storage/otlp-db';
import { readManagedPolicy } from '@/utils/storage/managed-policy';
import { managedPaths } from '@/utils/core/settings/managed-settings';
import { parseOtlpHeaders } from '@/utils/core/telemetry/otlp-headers';
import { normaliseOtlpEndpoint, otlpEndpointProblem, otlpOriginPattern } from '@/utils/core/telemetry/otlp-endpoint';
import type { FeedStatus } from '@/utils/core/telemetry/feed-status';
import { pathKey, textOf, type FieldPath } from '@/components/options/options-form';
import { fieldId, type TextBinding } from '@/components/options/form-bindings';
import type { OptionsFormApi } from '@/components/options/use-options-form';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { TeamFeedProps } from '@/components/options/TeamFeedSection';
import { focusFirstInvalid } from '@/components/options/page-behaviour';

export interface TeamFeedState {
  status: FeedStatus | null;
  waiting: number;
  /** Names of the stored headers (values are never shown). */
  headerNames: string[];
  /** Fields the organisation's policy sets, and its values that could not be used. */
  managed: { paths: FieldPath[]; problems: string[]; headers: boolean };
  saveHeaders(text: string): Promise<{ ok: true } | { ok: false; error: string }>;
}

const REFRESH_MS = 5_000;

/** The feed's status, headers and the policy, for the options page; the status refreshes while it is open. */
export function useTeamFeed(): TeamFeedState {
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [headerNames, setHeaderNames] = useState<string[]>([]);
  const [managed, setManaged] = useState<TeamFeedState['managed']>({ paths: [], problems: [], headers: false });
  useEffect(() => {
    const refresh = () => {
      void readFeedStatus().then(setStatus).catch(() => undefined);
      void outboxSize().then(setWaiting).catch(() => undefined);
    };
    refresh();
    void readOtlpHeaders().then((h) => setHeaderNames(Object.keys(h))).catch(() => undefined);
    void readManagedPolicy().then(({ policy, problems }) => setManaged({ paths: managedPaths(policy), problems, headers: !!policy.otlpHeaders }));
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const saveHeaders = useCallback(async (text: string) => {
    const parsed = parseOtlpHeaders(text);
    if (!parsed.ok) return parsed;
    try {
      await writeOtlpHeaders(parsed.headers);
      setHeaderNames(Object.keys(parsed.headers));
      return { ok: true as const };
    } catch (error) {
      return { ok: false as const, error: `Could not store the headers: ${error instanceof Error ? error.message : String(error)}` };
    }
  }, []);
  useManagedLocks(managed.paths);
  return { status, waiting, headerNames, managed, saveHeaders };
}

/**
 * Locks the fields the policy sets, in whichever section they are (limits, the meter switch,
 * the feed): disabled, with a note. Their values are the policy's already (loadSettings puts
 * them over the user's), and a save can't change what the policy sets.
 */
function useManagedLocks(paths: FieldPath[]): void {
  useEffect(() => {
    const lock = () => {
      for (const path of paths) {
        const input = document.getElementById(fieldId(path)) as HTMLInputElement | null;
        if (!input || input.dataset.managed) continue;
        input.disabled = true;
        input.dataset.managed = 'true';
        input.title = 'Set by your organisation';
        const note = document.createElement('p');
        note.className = 'hint managed-note';
        note.textContent = 'Set by your organisation’s policy.';
        input.closest('.field')?.append(note);
      }
    };
    lock();
    // Collapsed sections render their fields when opened.
    const observer = new MutationObserver(lock);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [paths]);
}

/**
 * Asks for the collector's host, from the Save click (the browser shows the prompt only from a
 * user gesture, so this is the first thing the click does). True when there is nothing to ask.
 */
export async function requestCollectorAccess(endpoint: string | null | undefined): Promise<boolean> {
  if (!endpoint || otlpEndpointProblem(endpoint)) return true;
  try {
    return await browser.permissions.request({ origins: [otlpOriginPattern(endpoint)] });
  } catch {
    return false;
  }
}

export const FEED_ENDPOINT_PATH: FieldPath = ['teamFeed', 'endpoint'];

/** The feed's text fields: the endpoint is kept in its one spelling, an empty identity is none. */
export function feedBindings(api: OptionsFormApi, accessError: string | null): Record<'endpoint' | 'serviceName' | 'identity', TextBinding> {
  const binding = (path: FieldPath, value: (raw: string) => unknown, extra?: string | null): TextBinding => ({
    id: fieldId(path),
    text: textOf(api.form, path),
    error: api.errors[pathKey(path)] ?? extra ?? undefined,
    onInput: (raw) => api.setText(path, raw, value(raw)),
  });
  const endpoint = binding(FEED_ENDPOINT_PATH, (raw) => (raw.trim() === '' ? null : otlpEndpointProblem(raw) ? raw : normaliseOtlpEndpoint(raw)), accessError);
  return {
    endpoint: { ...endpoint, onInput: (raw) => (endpoint.onInput(raw), api.setExtraError(FEED_ENDPOINT_PATH, raw.trim() === '' ? null : otlpEndpointProblem(raw))) },
    serviceName: binding(['teamFeed', 'serviceName'], (raw) => raw.trim()),
    identity: binding(['teamFeed', 'identity'], (raw) => (raw.trim() === '' ? null : raw.trim())),
  };
}

/**
 * The page's Save with the feed's host asked for first (from the click: the browser prompts
 * only from a user gesture). Refused, nothing is saved and the field says why.
 */
export function useFeedSave(api: OptionsFormApi | null, save: () => Promise<unknown>): { save: () => Promise<unknown>; accessError: string | null } {
  const [accessError, setAccessError] = useState<string | null>(null);
  const withAccess = async () => {
    const endpoint = (api?.form.draft as Partial<Settings> | undefined)?.teamFeed?.endpoint;
    if (!(await requestCollectorAccess(endpoint))) {
      setAccessError(`TokenTally needs access to ${new URL(endpoint!).host} to send the feed there: allow it when the browser asks, or empty the field`);
      return false;
    }
    setAccessError(null);
    return save();
  };
  return { save: withAccess, accessError };
}

/** Everything the options page needs for the feed: its Save (asking for the host first) and the section's props. */
export function useTeamFeedSection(api: OptionsFormApi | null): { save: () => Promise<unknown>; props: (api: OptionsFormApi) => TeamFeedProps } {
  const feed = useTeamFeed();
  const feedSave = useFeedSave(api, () => api!.save().then((ok) => ok || focusFirstInvalid()));
  const props = (form: OptionsFormApi): TeamFeedProps => ({
    ...feedBindings(form, feedSave.accessError),
    managed: feed.managed.paths.map((p) => p.join('.')),
    policyProblems: feed.managed.problems,
    policyHeaders: feed.managed.headers,
    status: feed.status,
    waiting: feed.waiting,
    headerNames: feed.headerNames,
    onSaveHeaders: feed.saveHeaders,
  });
  return { save: feedSave.save, props };
}
