import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { loadSettings, watchSettings } from '@/utils/storage/settings-store';

/** The current settings, kept up to date across contexts; null until the first load. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    const stop = watchSettings((s) => live && setSettings(s));
    void loadSettings().then((s) => {
      // A change may have arrived before the first load finished; keep the newer one.
      if (live) setSettings((prev) => prev ?? s);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
