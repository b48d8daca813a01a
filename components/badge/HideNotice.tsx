import { useEffect, useRef } from 'preact/hooks';

/** How long "Hide on this site" can be undone before the badge goes. */
export const HIDE_UNDO_MS = 8_000;

/**
 * Shown in place of the chip after "Hide on this site": the hide is carried out when the time is
 * up (or on "Hide now"), and Undo keeps the badge, so a stray click is never a dead end.
 */
export function HideNotice({ host, onUndo, onCommit }: { host: string; onUndo: () => void; onCommit: () => void }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const committed = useRef(false);
  const commit = () => {
    if (committed.current) return;
    committed.current = true;
    onCommit();
  };
  useEffect(() => {
    undoRef.current?.focus();
    const timer = setTimeout(commit, HIDE_UNDO_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="hide-notice" role="status" data-testid="hide-notice">
      <span>Badge hidden on {host}. Bring it back from the toolbar popup or Options → Sites.</span>
      <button
        ref={undoRef}
        type="button"
        onClick={() => {
          committed.current = true;
          onUndo();
        }}
      >
        Undo
      </button>
      <button type="button" onClick={commit}>
        Hide now
      </button>
    </div>
  );
}
