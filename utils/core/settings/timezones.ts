/** IANA timezones this browser knows, for the timezone selects; always includes UTC and `current` values. */
export function timezoneChoices(current: string[] = []): Array<{ value: string; label: string }> {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = [...new Set(['UTC', ...zones, ...current.filter(Boolean)])];
  return all.map((tz) => ({ value: tz, label: tz === local ? `${tz.replace(/_/g, ' ')} (this computer)` : tz.replace(/_/g, ' ') }));
}
