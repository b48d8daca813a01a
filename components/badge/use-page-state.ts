import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/utils/core/page/store';

/** The store's current state, re-rendering the component on every change. */
export function useStoreState<T>(store: Store<T>): T {
  const [state, setState] = useState(() => store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe((next) => setState(next));
  }, [store]);
  return state;
}

/** The time, re-read every `everyMs` while that is set (null: read at each render only). */
export function useClock(everyMs: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (everyMs === null) return;
    const timer = setInterval(() => setTick((t) => t + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Date.now();
}
