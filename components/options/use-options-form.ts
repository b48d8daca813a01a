import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { loadSettings, saveSettings, watchSettings } from '@/utils/storage/settings-store';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { normaliseHost } from '@/utils/core/sites/host';
import { settingErrorText } from '@/components/options/setting-error-text';
import {
  initialForm,
  isDirty,
  markSaved,
  setExtraError as withExtraError,
  setText as withText,
  setValue as withValue,
  validateForm,
  type FieldPath,
  type FormState,
} from '@/components/options/options-form';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string };

export interface OptionsFormApi {
  form: FormState;
  /** Inline messages by pathKey. */
  errors: Record<string, string>;
  dirty: boolean;
  status: SaveStatus;
  setValue(path: FieldPath, value: unknown): void;
  setText(path: FieldPath, raw: string, value: unknown): void;
  setExtraError(path: FieldPath, message: string | null): void;
  /** Applies several edits as one (pure functions from options-form.ts). */
  update(change: (f: FormState) => FormState): void;
  /** Saves the whole draft atomically; refuses (and saves nothing) while any field is invalid. */
  save(): Promise<boolean>;
  discard(): void;
  /** Saves a complete document (an import) and makes it the form's state. */
  saveWhole(settings: Settings): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Brings back a badge hidden with "Hide on this site", saved at once; other unsaved edits stay unsaved. */
  showBadge(host: string): Promise<boolean>;
}

/** The settings with the badge on `host` shown again (and counting on there). */
export function withBadgeShown(settings: Settings, host: string): Settings {
  return { ...settings, sites: { ...settings.sites, [normaliseHost(host)]: { ...siteSettingsFor(settings, host), badgeHidden: false, enabled: true } } };
}

/** State and actions of the options form; null until the stored settings are loaded. */
export function useOptionsForm(): OptionsFormApi | null {
  const [form, setForm] = useState<FormState | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const formRef = useRef<FormState | null>(null);
  formRef.current = form;

  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setForm((f) => f ?? initialForm(s)));
    // Another tab or synced browser saved: adopt it when we have no edits, else keep the edits.
    const stop = watchSettings((s) => {
      if (!live) return;
      setForm((f) => (!f || !isDirty(f) ? initialForm(s) : { ...f, saved: s }));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const edit = useCallback((change: (f: FormState) => FormState) => {
    setForm((f) => (f ? change(f) : f));
    setStatus((s) => (s.kind === 'saved' || s.kind === 'invalid' ? { kind: 'idle' } : s));
  }, []);

  const validation = useMemo(() => (form ? validateForm(form) : null), [form]);

  const save = useCallback(async () => {
    const current = formRef.current;
    if (!current) return false;
    const checked = validateForm(current);
    if (!checked.ok) {
      setStatus({ kind: 'invalid', count: Object.keys(checked.errors).length });
      return false;
    }
    setStatus({ kind: 'saving' });
    const result = await saveSettings(checked.settings);
    if (!result.ok) {
      setStatus({ kind: 'error', message: result.errors.map(settingErrorText).join('; ') });
      return false;
    }
    setForm(markSaved(checked.settings));
    setStatus({ kind: 'saved' });
    return true;
  }, []);

  const saveWhole = useCallback(async (settings: Settings) => {
    const result = await saveSettings(settings);
    if (!result.ok) return { ok: false as const, message: result.errors.map(settingErrorText).join('; ') };
    setForm(markSaved(settings));
    setStatus({ kind: 'saved' });
    return { ok: true as const };
  }, []);

  const showBadge = useCallback(async (host: string) => {
    const current = formRef.current;
    if (!current) return false;
    const key = normaliseHost(host);
    const next = withBadgeShown(current.saved, key);
    const result = await saveSettings(next);
    if (!result.ok) return false;
    // Other unsaved edits stay in the draft; this site's show is in both.
    setForm((f) => {
      if (!f) return f;
      if (!isDirty(f)) return initialForm(next);
      const draftSite = (f.draft as Settings).sites?.[key] ?? {};
      return withValue({ ...f, saved: next }, ['sites', key], { ...next.sites[key], ...draftSite, badgeHidden: false, enabled: true });
    });
    return true;
  }, []);

  if (!form || !validation) return null;
  return {
    form,
    errors: validation.ok ? {} : validation.errors,
    dirty: isDirty(form),
    status,
    setValue: (path, value) => edit((f) => withValue(f, path, value)),
    setText: (path, raw, value) => edit((f) => withText(f, path, raw, value)),
    setExtraError: (path, message) => edit((f) => withExtraError(f, path, message)),
    update: edit,
    save,
    discard: () => {
      setForm((f) => (f ? initialForm(f.saved) : f));
      setStatus({ kind: 'idle' });
    },
    saveWhole,
    showBadge,
  };
}

/** Asks before the tab closes or reloads while there are unsaved changes. */
export function useUnsavedChangesGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
