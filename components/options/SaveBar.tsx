import type { SaveStatus } from '@/components/options/use-options-form';

export function SaveBar({ dirty, status, onSave, onDiscard }: { dirty: boolean; status: SaveStatus; onSave: () => void; onDiscard: () => void }) {
  const message =
    status.kind === 'saving'
      ? 'Saving…'
      : status.kind === 'saved' && !dirty
        ? 'Saved'
        : status.kind === 'invalid'
          ? `Not saved: fix the ${status.count === 1 ? 'field' : `${status.count} fields`} marked in red.`
          : status.kind === 'error'
            ? `Not saved: ${status.message}`
            : dirty
              ? 'Unsaved changes'
              : 'All changes saved';
  const tone = status.kind === 'invalid' || status.kind === 'error' ? 'error' : dirty ? 'dirty' : 'ok';
  return (
    <div class={`save-bar ${tone}`} data-dirty={dirty ? 'true' : 'false'}>
      <p class="save-status" role="status" aria-live="polite" data-testid="save-status">
        {message}
      </p>
      <div class="buttons">
        <button type="button" class="secondary" disabled={!dirty} onClick={onDiscard}>
          Discard changes
        </button>
        <button type="submit" class="primary" disabled={status.kind === 'saving' || (!dirty && status.kind !== 'invalid')}>
          Save
        </button>
      </div>
    </div>
  );
}
