import type { ModelInfo } from '@/utils/core/models/model-types';
import type { ClayRunActions } from '@/utils/core/clay/clay-run-view';
import type { PageStore } from '@/utils/core/page/page-state';
import type { Store } from '@/utils/core/page/store';
import type { CacheCountdown } from '@/utils/core/cache/prompt-cache';

/**
 * What passes between the content script and the badge's view. The content script owns the
 * fields and the page store; the view (components/badge) renders one field's badge from the
 * store. Neither imports the other: the content entrypoint hands the view's renderer in.
 */

/** What the badge's controls do, carried out by the content script. */
export interface BadgeActions {
  onPickModel: (id: string | null) => void;
  onOutputTokens: (tokens: number) => void;
  onHide: () => void;
  onOpenChange: (open: boolean) => void;
  /** Copies a structure-only summary of the page (no text) for a bug report; resolves whether it worked. */
  onCopyDiagnostics: () => Promise<boolean>;
  clay: ClayRunActions;
}

/** The prompt cache's countdown, ticking once a second while warm, apart from the page store so only the countdown re-renders. */
export type CountdownStore = Store<{ countdown: CacheCountdown | null }>;

export interface FieldBadgeProps {
  store: PageStore;
  countdown?: CountdownStore;
  fieldId: string;
  actions: BadgeActions;
  models: () => ModelInfo[];
}

export interface BadgeRenderer {
  /** The stylesheet put in each badge's shadow root. */
  css: string;
  /** Renders (or re-renders) one field's badge into `target`. */
  mount(target: HTMLElement, props: FieldBadgeProps): void;
  unmount(target: HTMLElement): void;
}
