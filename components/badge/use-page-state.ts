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
