import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { noteRoleReading } from '@/utils/core/page/site-health';
import type { PageServices } from '@/utils/content/page-services';
import type { ClockTask } from '@/utils/content/page/page-clock';
import { fallbackModelLabel, modelLabelFromUrl, readPageModel, readPageModelLabel } from '@/utils/content/page/page-model';

/** How often the selector-free model reading may run (it reads every menu button's text). */
const FALLBACK_EVERY_MS = 2000;

/**
 * Reads the page's model picker into the page store: the address or the adapter's selectors
 * first, the selector-free reading when those find nothing. The selector-free look runs at most
 * every few seconds, and at once when the composer's box changes (the first field found: a mode
 * shows only inside it). A throttled look is made later, not skipped: a page that stops changing
 * (typing into a textarea changes no DOM) would otherwise keep a reading taken before its
 * composer was found.
 */
export class ModelReader {
  private fallback: { at: number; label: string | null; box: Element | null } = { at: 0, label: null, box: null };
  private readonly later: ClockTask;

  constructor(
    private readonly services: PageServices,
    private readonly adapter: SiteAdapter,
    private readonly host: string,
    private readonly composerBox: () => Element | null,
  ) {
    this.later = services.clock.task(() => this.read());
  }

  read(): void {
    const { adapter, host, services } = this;
    let label = modelLabelFromUrl(adapter, location.href) ?? readPageModelLabel(adapter);
    let by: 'adapter' | 'fallback' | 'none' = label === null ? 'none' : 'adapter';
    if (label === null) {
      label = this.fallbackLabel();
      if (label !== null) by = 'fallback';
    }
    const { store } = services;
    if (label !== store.get().pageModel.label) store.set({ pageModel: { label, reading: readPageModel(label, adapter, host) } });
    noteRoleReading(store, 'model', by);
  }

  stop(): void {
    this.later.cancel();
  }

  private fallbackLabel(): string | null {
    const now = Date.now();
    const box = this.composerBox();
    const wait = FALLBACK_EVERY_MS - (now - this.fallback.at);
    if (wait <= 0 || box !== this.fallback.box) {
      this.fallback = { at: now, box, label: fallbackModelLabel(this.adapter, this.host, box) };
    } else if (!this.later.scheduled()) {
      this.later.runIn(wait);
    }
    return this.fallback.label;
  }
}
