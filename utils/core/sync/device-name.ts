/** The name a browser shows under in the others' lists, and its id in the sync keys. */

export const MAX_DEVICE_NAME = 60;
const ID = /^[a-z0-9]{8,32}$/;

export const isDeviceId = (id: string): boolean => ID.test(id);

/** "Chrome on Linux", "Firefox on Windows", from the browser's user agent string. */
export function defaultDeviceName(userAgent: string): string {
  const browser = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : /OPR\//.test(userAgent) ? 'Opera' : /Chromium\//.test(userAgent) ? 'Chromium' : 'Chrome';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /CrOS/.test(userAgent)
      ? 'ChromeOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

/** A name fit to show: no control or bidi-override characters, spaces collapsed, bounded; empty becomes "Unnamed browser". */
export function cleanDeviceName(raw: string): string {
  const clean = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].slice(0, MAX_DEVICE_NAME).join('') || 'Unnamed browser';
}
