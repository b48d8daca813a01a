import { sendRequest } from '@/utils/protocol/send-message';
import { exportUsageCsv, exportUsageJson, parseUsageImport } from '@/utils/storage/usage-export';
import { skippedRecordsText } from '@/utils/core/usage/usage-bounds';

/**
 * Usage data actions of the options page and the popup: pages read exports directly
 * (read-only IndexedDB access) and ask the background to write (import, delete), so every
 * write goes through one place.
 */
export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

const stamp = (d = new Date()) => d.toISOString().slice(0, 10);

export async function exportUsage(format: 'json' | 'csv'): Promise<{ file: ExportFile; skipped: number }> {
  const { text, skipped } = format === 'json' ? await exportUsageJson() : await exportUsageCsv();
  const file = format === 'json'
    ? { filename: `tokentally-usage-${stamp()}.json`, mime: 'application/json', content: text }
    : { filename: `tokentally-usage-${stamp()}.csv`, mime: 'text/csv', content: text };
  return { file, skipped };
}

/** Exports and downloads usage; returns what to tell the user ("Exported CSV.", with any records skipped). */
export async function exportAndDownloadUsage(format: 'json' | 'csv'): Promise<string> {
  const { file, skipped } = await exportUsage(format);
  downloadFile(file);
  return `Exported ${format.toUpperCase()}${skipped ? ` (${skippedRecordsText(skipped)})` : ''}.`;
}

/** Imports a usage export; throws an Error with a message for the user when the file is wrong. */
export async function importUsage(text: string): Promise<{ imported: number; duplicates: number }> {
  const events = parseUsageImport(text);
  return sendRequest({ type: 'import-usage', events });
}

export async function deleteAllUsage(): Promise<void> {
  await sendRequest({ type: 'delete-all-usage' });
}

export function settingsExportFile(content: string): ExportFile {
  return { filename: `tokentally-settings-${stamp()}.json`, mime: 'application/json', content };
}

/** Saves a file through the browser's normal download flow (no downloads permission needed). */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
