/**
 * A site's own usage meter (Claude's 5-hour session, Gemini's weekly limit, a ChatGPT message
 * cap) as TokenTally keeps it: one reading per site and account, each holding its windows.
 * Readings hold percentages, reset times and the account's name; never any prompt or reply text.
 *
 * Plain types and helpers only (no zod), so the popup can use them without loading the
 * validation code; the schemas that check them at the boundary are in meter-schemas.ts.
 */

/** Sites with a meter. The popup's `data-meter` ids start with these. */
export const METER_SITES = ['claude', 'gemini', 'chatgpt'] as const;
export type MeterSite = (typeof METER_SITES)[number];

/** The page hosts each site's readings may come from (the background checks the sending tab). */
export const METER_SITE_HOSTS: Record<MeterSite, readonly string[]> = {
  claude: ['claude.ai'],
  gemini: ['gemini.google.com'],
  chatgpt: ['chatgpt.com', 'chat.openai.com'],
};

export function meterSiteOfHost(host: string): MeterSite | null {
  for (const site of METER_SITES) if (METER_SITE_HOSTS[site].includes(host)) return site;
  return null;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface MeterWindow {
  /** The popup's `data-meter` value: `site:window`, e.g. "claude:session", "claude:weekly:opus". */
  id: string;
  /** What the user reads: "Session (5 h)", "Weekly · Opus". */
  label: string;
  /** Fraction of the window used, 0..1 (values past 1 are clamped when shown). */
  used: number;
  /** When the window resets (epoch ms); null when the site does not say. */
  resetsAt: number | null;
  /** Length of the window (for the pace); null for windows without a fixed length. */
  lengthMs: number | null;
  /** Extra figures, e.g. "$12.40 of $50.00". */
  detail?: string;
  /** A cap TokenTally can't count (the page does not say which messages used it): no percentage to show. */
  uncounted?: true;
}

/** Why a meter could not be read, in words a user can act on. */
export interface MeterError {
  reason: string;
  status?: number;
}

/** What a content script reports: a site's meter for one account, or why it could not be read. */
export interface MeterReport {
  site: MeterSite;
  /** The account or organization, e.g. Claude's organization uuid or Gemini's "u/0". */
  account: string;
  accountName: string | null;
  /** The account the page is using now (its reading is the one shown). */
  active: boolean;
  windows: MeterWindow[];
  error: MeterError | null;
}

/** A report as stored, with the time the background received it. */
export interface MeterReading extends MeterReport {
  readAt: number;
}

/** ChatGPT's own "you've reached the limit for X … resets after Y" notice, as seen on the page. */
export interface LimitNotice {
  site: 'chatgpt';
  /** Model key the notice names ("gpt-5-thinking"), null when it names none. */
  model: string | null;
  /** The model as the notice wrote it ("GPT-5 Thinking"). */
  label: string;
  /** When the site says the limit resets (epoch ms); null when it could not be read. */
  resetsAt: number | null;
  seenAt: number;
}

/** Key of a reading in the store: one per site and account, so organizations are kept apart. */
export const readingKey = (site: MeterSite, account: string): string => `${site}:${account}`;

/** "3h", "5h", "7d": the window part of a `data-meter` id for a length in hours. */
export function windowName(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

/** A model name as it appears in an id: "Opus" -> "opus", "Sonnet 4.5" -> "sonnet-4.5". */
export function idPart(name: string): string {
  return (
    name
      .toLowerCase()
      .trim()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'other'
  );
}
