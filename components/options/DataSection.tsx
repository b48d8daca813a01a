import { useState } from 'preact/hooks';
import type { FormBindings } from '@/components/options/form-bindings';
import { Section, TextField } from '@/components/options/fields';
import type { SettingsChange } from '@/utils/core/settings/settings-changes';

export interface DataProps {
  b: FormBindings;
  /** Resolves with what to tell the user (records skipped, if any). */
  onExportUsage: (format: 'json' | 'csv') => Promise<string>;
  /** Returns a summary for the user; throws with a readable message. */
  onImportUsage: (text: string) => Promise<string>;
  onDeleteAllUsage: () => Promise<void>;
  onExportSettings: () => void;
  /** Reads a settings file; nothing is saved until the user confirms the listed changes (`apply`). */
  onImportSettings: (text: string) => SettingsImportPreview;
}

export type SettingsImportPreview =
  | { ok: true; changes: SettingsChange[]; ignored: string[]; apply: () => Promise<{ ok: true } | { ok: false; errors: string[] }> }
  | { ok: false; errors: string[] };

/** Changes listed before the rest are summarised as "and N more". */
const CHANGES_SHOWN = 40;

type Note = { error: boolean; text: string } | null;
type SettingsNote = { error: boolean; lines: string[] } | null;
type ReadyPreview = Extract<SettingsImportPreview, { ok: true }>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function DataSection(props: DataProps) {
  return (
    <Section id="data" title="Data" intro="Usage records stay in this browser. Settings sync through your browser account.">
      <UsageRecords
        b={props.b}
        onExportUsage={props.onExportUsage}
        onImportUsage={props.onImportUsage}
        onDeleteAllUsage={props.onDeleteAllUsage}
      />
      <SettingsFile onExportSettings={props.onExportSettings} onImportSettings={props.onImportSettings} />
    </Section>
  );
}

/** Export, import and delete the usage records, one task at a time, and how long to keep them. */
function UsageRecords(props: Pick<DataProps, 'b' | 'onExportUsage' | 'onImportUsage' | 'onDeleteAllUsage'>) {
  const [usageNote, setUsageNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<string>) => {
    setBusy(true);
    try {
      setUsageNote({ error: false, text: await task() });
    } catch (e) {
      setUsageNote({ error: true, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>Usage records</legend>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => run(() => props.onExportUsage('csv'))}>
          Export usage (CSV)
        </button>
        <button type="button" disabled={busy} onClick={() => run(() => props.onExportUsage('json'))}>
          Export usage (JSON)
        </button>
        <label class="button">
          Import usage (JSON)
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            disabled={busy}
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) await run(async () => props.onImportUsage(await file.text()));
            }}
          />
        </label>
      </div>
      <DeleteAllUsage busy={busy} onDelete={() => run(async () => (await props.onDeleteAllUsage(), 'All usage records deleted.'))} />
      {usageNote && (
        <p class={usageNote.error ? 'field-error' : 'ok'} role="status">
          {usageNote.text}
        </p>
      )}
      <TextField label="Keep usage records for" binding={props.b.number(['retentionDays'])} inputMode="numeric" placeholder="Forever" suffix="days" hint="Older records are deleted daily. Empty keeps them forever." />
    </fieldset>
  );
}

/** Deleting every record cannot be undone, so it asks first. */
function DeleteAllUsage({ busy, onDelete }: { busy: boolean; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="danger-zone">
      {!confirming ? (
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
          Delete all usage records…
        </button>
      ) : (
        <div role="group" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text">Delete every usage record in this browser? This cannot be undone. Export first if you want a copy.</p>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              setConfirming(false);
              await onDelete();
            }}
          >
            Yes, delete everything
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

/** Export the settings as a file, or read one and save it only once the user confirms its changes. */
function SettingsFile(props: Pick<DataProps, 'onExportSettings' | 'onImportSettings'>) {
  const [settingsNote, setSettingsNote] = useState<SettingsNote>(null);
  const [preview, setPreview] = useState<ReadyPreview | null>(null);

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = props.onImportSettings(await file.text());
    setPreview(result.ok && result.changes.length > 0 ? result : null);
    if (!result.ok) setSettingsNote({ error: true, lines: result.errors });
    else if (result.changes.length === 0) setSettingsNote({ error: false, lines: ['This file matches your current settings: nothing to change.'] });
    else setSettingsNote(null);
  };

  const save = async (chosen: ReadyPreview) => {
    const saved = await chosen.apply();
    setPreview(null);
    setSettingsNote(saved.ok ? { error: false, lines: ['Settings imported and saved.'] } : { error: true, lines: saved.errors });
  };

  const cancel = () => {
    setPreview(null);
    setSettingsNote({ error: false, lines: ['Import cancelled: nothing was changed.'] });
  };

  return (
    <fieldset>
      <legend>Settings file</legend>
      <p class="hint">A JSON copy of these settings (your Anthropic API key is never included). Importing shows what the file would change, and saves only when you confirm.</p>
      <div class="buttons">
        <button type="button" onClick={props.onExportSettings}>
          Export settings
        </button>
        <label class="button">
          Import settings
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="import-settings"
            onChange={(e) => readFile(e.currentTarget)}
          />
        </label>
      </div>
      {preview && <ImportPreview preview={preview} onSave={() => save(preview)} onCancel={cancel} />}
      {settingsNote && <SettingsResult note={settingsNote} />}
    </fieldset>
  );
}

/** The changes a settings file would make, listed for the user to save or cancel. */
function ImportPreview({ preview, onSave, onCancel }: { preview: ReadyPreview; onSave: () => void; onCancel: () => void }) {
  return (
    <div role="group" aria-labelledby="settings-import-title" class="import-preview" data-testid="settings-import-preview">
      <p id="settings-import-title">
        This file changes {preview.changes.length} setting{preview.changes.length === 1 ? '' : 's'}:
      </p>
      <ul>
        {preview.changes.slice(0, CHANGES_SHOWN).map((c) => (
          <li key={c.path} data-path={c.path}>
            {c.label}: {c.from} → {c.to}
          </li>
        ))}
        {preview.changes.length > CHANGES_SHOWN && <li>and {preview.changes.length - CHANGES_SHOWN} more</li>}
      </ul>
      {/* Counted, not named: a file's own field names are not ours to show as settings. */}
      {preview.ignored.length > 0 && (
        <p class="hint">
          {preview.ignored.length} field{preview.ignored.length === 1 ? '' : 's'} in the file {preview.ignored.length === 1 ? 'is' : 'are'} not a setting and left out.
        </p>
      )}
      <button type="button" onClick={onSave}>
        Save these settings
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function SettingsResult({ note }: { note: NonNullable<SettingsNote> }) {
  return (
    <div class={note.error ? 'field-error' : 'ok'} role="status" data-testid="settings-import-result">
      {note.error && <p>Nothing was imported:</p>}
      <ul>
        {note.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
