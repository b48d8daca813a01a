import type { FileKind } from '@/utils/core/attachments/file-kind';

/**
 * One file attached to the composer, as the page state holds it: its name, kind and count (or
 * why it is not counted). Never its content.
 */
export interface Attachment {
  id: string;
  name: string;
  size: number;
  kind: FileKind;
  /** pending: still being read or counted; counted: `tokens` holds its count; not-counted: `note` says why. */
  status: 'pending' | 'counted' | 'not-counted';
  tokens: number;
  exact: boolean;
  /** Relative error of the count (0 when exact). */
  band: number;
  /** The rule that counted it, or why it was not counted ("report.pdf: 180 MB, over the 50 MB limit, not counted"). */
  note: string | null;
  /** 0..1 while a slow file is read, else null. */
  progress: number | null;
}

/** Files over this size are not read at all. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Files the page can hold at once in the badge's list (a drop of a whole folder stops there). */
export const MAX_ATTACHMENTS = 50;

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Math.round(mb).toLocaleString('en-US')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
}

/** Why a file is not read, or null when it may be. */
export function refusalFor(name: string, size: number, kind: FileKind): string | null {
  if (size > MAX_FILE_BYTES) return `${name}: ${formatBytes(size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit, not counted`;
  if (kind === 'other') return `${name}: this file type can't be read here, not counted`;
  return null;
}

/** The files' share of the turn: counted files only. */
export function attachmentTokens(list: readonly Attachment[]): number {
  return list.reduce((sum, a) => sum + (a.status === 'counted' ? a.tokens : 0), 0);
}

/** Whether every counted file's count is exact (none estimated by a rule). */
export function attachmentsExact(list: readonly Attachment[]): boolean {
  return list.every((a) => a.status !== 'counted' || a.exact);
}

/** The widest band among the counted files (0 when all are exact). */
export function attachmentsBand(list: readonly Attachment[]): number {
  return list.reduce((band, a) => (a.status === 'counted' ? Math.max(band, a.band) : band), 0);
}
