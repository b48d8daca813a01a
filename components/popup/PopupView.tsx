import type { ComponentChildren } from 'preact';
import type { PopupDataState } from '@/components/popup/use-popup-data';
import type { CurrentSite } from '@/components/popup/current-site';
import { ProviderCard } from '@/components/popup/ProviderCard';
import { DailyChart } from '@/components/popup/DailyChart';
import { ModelBreakdown } from '@/components/popup/ModelBreakdown';
import { RecentTurns } from '@/components/popup/RecentTurns';
import { EmptyState } from '@/components/popup/EmptyState';
import { PlanLimits } from '@/components/popup/PlanLimits';
import { QuickActions, type QuickActionHandlers } from '@/components/popup/QuickActions';
import { skippedRecordsText } from '@/utils/core/usage/usage-bounds';
import { SiteHealth } from '@/components/popup/SiteHealth';

export function PopupView(props: {
  data: PopupDataState;
  site: CurrentSite | null;
  actions: QuickActionHandlers;
  /** The Clay run estimator, rendered in its own collapsible section. */
  clayEstimator?: ComponentChildren;
  /** Cards only, chart and lists a frame later: the numbers people open the popup for come first. */
  cardsOnly?: boolean;
}) {
  const { data, site, actions } = props;
  return (
    <main class="popup" aria-busy={data.state === 'loading'}>
      <header class="popup__head">
        <h1>TokenTally</h1>
        <span class="muted">This period</span>
      </header>
      <QuickActions site={site} actions={actions} />
      {data.state === 'loading' && <p class="muted">Loading usage…</p>}
      {data.state === 'error' && (
        <p class="error" role="alert">
          Could not read usage: {data.message}
        </p>
      )}
      {data.state === 'ready' && (
        <>
          {!data.data.hasUsage && <EmptyState />}
          {data.data.cards.length > 0 && (
            <div class="cards">
              {data.data.cards.map((card) => (
                <ProviderCard key={card.provider} card={card} />
              ))}
            </div>
          )}
          {!props.cardsOnly && <PlanLimits />}
          {data.data.skippedRecords > 0 && (
            <p class="muted small" data-testid="skipped-records" title="Stored records with an impossible time, token count or cost are kept but left out of every total, chart and export.">
              {skippedRecordsText(data.data.skippedRecords)}
            </p>
          )}
          {data.data.hasUsage && props.cardsOnly && <p class="muted chart-placeholder">Loading daily chart…</p>}
          {data.data.hasUsage && !props.cardsOnly && (
            <>
              {data.data.daily ? <DailyChart daily={data.data.daily} /> : <p class="muted chart-placeholder">Loading daily chart…</p>}
              <ModelBreakdown rows={data.data.cards.flatMap((c) => c.models)} />
              <RecentTurns events={data.data.recent} />
            </>
          )}
        </>
      )}
      <SiteHealth currentHost={site?.host ?? null} />
      {props.clayEstimator && (
        <details class="panel clay-estimator">
          <summary>
            <h2>Clay run estimator</h2>
          </summary>
          {props.clayEstimator}
        </details>
      )}
    </main>
  );
}
