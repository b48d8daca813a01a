import type { Settings } from '@/utils/core/settings/settings-schema';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';

/** Takes the keyboard user straight to the first field that needs fixing, opening its section. */
export function focusFirstInvalid(): void {
  const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.closest('details')?.setAttribute('open', '');
  invalid?.focus();
}

/** Whether this person uses Clay: a recorded Clay run, or Clay settings changed from the defaults. */
export function claySettingsWanted(saved: Pick<Settings, 'clay'>, recordedProviders: ReadonlySet<string> | undefined): boolean {
  return !!recordedProviders?.has('clay') || JSON.stringify(saved.clay) !== JSON.stringify(DEFAULT_SETTINGS.clay);
}
