/**
 * The smallest observable store: one state object, replaced (never mutated) on every change,
 * and listeners called after each change. Synchronous, so a reader that writes and a view that
 * renders see the same state in the same task.
 */
export interface Store<T> {
  get(): T;
  /** Merges `patch` (or the result of `update(state)`) into the state; no-op when nothing changed. */
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: (state: T, previous: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T, previous: T) => void>();
  return {
    get: () => state,
    set(patch) {
      const changes = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(changes) as (keyof T)[]) {
        if (!Object.is(state[key], changes[key])) changed = true;
      }
      if (!changed) return;
      const previous = state;
      state = { ...state, ...changes };
      for (const listener of [...listeners]) {
        try {
          listener(state, previous);
        } catch (error) {
          console.warn('[TokenTally] store listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
