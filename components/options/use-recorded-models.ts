import { useEffect, useState } from 'preact/hooks';
import { getTotalsByModel } from '@/utils/storage/usage-queries';

/** How far back "models I use" looks in the usage records. */
const LOOK_BACK_MS = 365 * 24 * 3_600_000;

/** The model ids and providers in this browser's usage records of the last year; null while loading. */
export function useRecordedModels(): { models: Set<string>; providers: Set<string> } | null {
  const [found, setFound] = useState<{ models: Set<string>; providers: Set<string> } | null>(null);
  useEffect(() => {
    let live = true;
    const now = Date.now();
    getTotalsByModel({ from: now - LOOK_BACK_MS, to: now + 60_000 })
      .then((rows) => live && setFound({ models: new Set(rows.map((r) => r.model)), providers: new Set(rows.map((r) => r.provider)) }))
      .catch(() => live && setFound({ models: new Set(), providers: new Set() }));
    return () => {
      live = false;
    };
  }, []);
  return found;
}
