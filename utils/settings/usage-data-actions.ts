import { sendRequest } from '../messaging/send-message';
import { exportUsageCsv, exportUsageJson, parseUsageImport } from '../usage/usage-export';

/**
 * The options page's Data section, over the recording layer's functions: the page
 * reads exports directly (read-only IndexedDB access) and asks the background to
 * write (import, delete), so every write goes through one place.
 */
export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

const stamp = (d = new Date()) => d.toISOString().slice(0, 10);

export async function exportUsage(format: 'json' | 'csv'): Promise<ExportFile> {
  return format === 'json'
    ? { filename: `tokentally-usage-${stamp()}.json`, mime: 'application/json', content: await exportUsageJson() }
    : { filename: `tokentally-usage-${stamp()}.csv`, mime: 'text/csv', content: await exportUsageCsv() };
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
