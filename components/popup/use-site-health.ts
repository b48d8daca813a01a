import { useEffect, useState } from 'preact/hooks';
import { readSiteHealth, watchSiteHealth, type SiteHealthMap } from '@/utils/storage/site-health-store';

/** Every site's reported health, kept up to date; null until loaded. */
export function useSiteHealth(): SiteHealthMap | null {
  const [map, setMap] = useState<SiteHealthMap | null>(null);
  useEffect(() => {
    let live = true;
    const stop = watchSiteHealth((next) => live && setMap(next));
    void readSiteHealth()
      .then((loaded) => live && setMap((prev) => prev ?? loaded))
      .catch(() => live && setMap({}));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return map;
}
