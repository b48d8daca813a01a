import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { chooseModel } from '@/utils/core/page/page-state';
import type { PageServices } from '@/utils/content/page-services';
import { conversationContext } from '@/utils/content/page/conversation-context';
import { reportError } from '@/utils/content/page/guard';

/**
 * The conversation a chat turn re-sends, counted into the page store while a badge's details
 * are open (the only place it shows): the turns already recorded for this conversation plus the
 * visible text not yet recorded. Counted again only when the model or the text changed.
 */
export class ConversationCount {
  private openPanels = 0;
  private countedKey: string | null = null;
  private busy = false;

  constructor(
    private readonly services: PageServices,
    private readonly adapter: SiteAdapter,
  ) {}

  panelOpened(open: boolean): void {
    this.openPanels = Math.max(0, this.openPanels + (open ? 1 : -1));
    if (open) this.refresh();
  }

  /** The badges were taken down: no panel is open. */
  reset(): void {
    this.openPanels = 0;
  }

  refresh(): void {
    if (this.adapter.kind !== 'chat' || this.openPanels === 0 || this.busy) return;
    const { store, counters } = this.services;
    const { model } = chooseModel(store.get());
    if (!model) return;
    const { recordedTokens, visibleText } = conversationContext(this.adapter, location.href);
    const key = `${model.id}\u0000${recordedTokens}\u0000${visibleText}`;
    if (key === this.countedKey) return;
    this.busy = true;
    const done = (tokens: number, exact: boolean) => {
      this.countedKey = key;
      this.busy = false;
      store.set({ conversation: { tokens: recordedTokens + tokens, exact: exact && recordedTokens === 0 } });
    };
    if (!visibleText) return done(0, model.exact);
    counters.text
      .count(visibleText, model)
      .then((r) => done(r.tokens, r.exact))
      .catch((error) => {
        this.busy = false;
        reportError(error);
      });
  }
}
