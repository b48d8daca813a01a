import type { ComponentChildren } from 'preact';
import type { PopupDataState } from '@/components/popup/use-popup-data';
import type { PopupData } from '@/components/popup/popup-data';
import type { CurrentSite } from '@/components/popup/current-site';
import type { PlanLimitsData } from '@/utils/core/meters/plan-limits';
import { ProviderCard } from '@/components/popup/ProviderCard';
import { DailyChart } from '@/components/popup/DailyChart';
import { ModelBreakdown } from '@/components/popup/ModelBreakdown';
import { RecentTurns } from '@/components/popup/RecentTurns';
import { EmptyState } from '@/components/popup/EmptyState';
import { HeldTurnsNote } from '@/components/popup/HeldTurnsNote';
import { ClockNote } from '@/components/popup/ClockNote';
import { useHeldTurns, type HeldTurnsApi } from '@/components/popup/use-held-turns';
import { PlanLimitsView } from '@/components/popup/PlanLimitsView';
import { usePlanLimits } from '@/components/popup/use-plan-limits';
import { HiddenSites } from '@/components/popup/HiddenSites';
import { QuickActions, type QuickActionHandlers } from '@/components/popup/QuickActions';
import { skippedRecordsText } from '@/utils/core/usage/usage-bounds';
import { SiteHealth } from '@/components/popup/SiteHealth';
import { ScopeSwitch } from '@/components/popup/ScopeSwitch';
import type { PopupScope } from '@/components/popup/popup-scope';

/** A site's meter is known (a reading, even one that failed): the plan's own limits lead the popup. */
export const hasMeters = (plan: PlanLimitsData | null): boolean => !!plan && plan.sites.length > 0;

function UsageBody({ data, plan, cardsOnly, held }: { data: PopupData; plan: PlanLimitsData | null; cardsOnly?: boolean; held?: HeldTurnsApi }) {
  const metersFirst = hasMeters(plan);
  return (
    <>
      {metersFirst && plan && <PlanLimitsView data={plan} />}
      {!!data.clockBehindBy && <ClockNote now={data.now} behindBy={data.clockBehindBy} />}
      {held?.summary && <HeldTurnsNote summary={held.summary} onReview={(keep) => void held.review(keep)} />}
      {!data.hasUsage && !held?.summary && !data.cards.some((c) => c.totals.turns > 0) && <EmptyState />}
      {data.cards.length > 0 && (
        <div class="cards">
          {data.cards.map((card) => (
            <ProviderCard key={card.provider} card={card} />
          ))}
        </div>
      )}
      {!metersFirst && plan && <PlanLimitsView data={plan} />}
      {data.skippedRecords > 0 && (
        <p class="muted small" data-testid="skipped-records" title="Stored records with an impossible time, token count or cost are kept but left out of every total, chart and export.">
          {skippedRecordsText(data.skippedRecords)}
        </p>
      )}
      {data.hasUsage && cardsOnly && <p class="muted chart-placeholder">Loading daily chart…</p>}
      {data.hasUsage && !cardsOnly && (
        <>
          {data.daily ? <DailyChart daily={data.daily} /> : <p class="muted chart-placeholder">Loading daily chart…</p>}
          <ModelBreakdown rows={data.cards.flatMap((c) => c.models)} />
          <RecentTurns events={data.recent} />
        </>
      )}
    </>
  );
}

/** The live body: the plan limits are loaded after the first paint, then placed by whether a meter exists. */
function LiveUsageBody({ data }: { data: PopupData }) {
  const plan = usePlanLimits();
  const held = useHeldTurns();
  return <UsageBody data={data} plan={plan} held={held} />;
}

export function PopupView(props: {
  data: PopupDataState;
  site: CurrentSite | null;
  actions: QuickActionHandlers;
  /** The Clay run estimator, rendered in its own collapsible section. */
  clayEstimator?: ComponentChildren;
  /** Cards only, chart and lists a frame later: the numbers people open the popup for come first. */
  cardsOnly?: boolean;
  /** Sites where the badge was hidden ("Hide on this site"). */
  hiddenSites?: readonly string[];
  /** Whose usage the cards show; without `onChange` the switch only shows the choice. */
  scope?: { value: PopupScope; onChange?: (scope: PopupScope) => void };
}) {
  const { data, site, actions } = props;
  const usedClay = data.state === 'ready' && data.data.cards.some((c) => c.provider === 'clay');
  const onClay = !!site?.host && /(^|\.)clay\.com$/.test(site.host);
  return (
    <main class="popup" aria-busy={data.state === 'loading'}>
      <header class="popup__head">
        <h1>TokenTally</h1>
        <span class="muted">This period</span>
      </header>
      {props.scope && <ScopeSwitch scope={props.scope.value} onChange={props.scope.onChange} others={data.state === 'ready' ? data.data.otherBrowsers : null} />}
      <QuickActions site={site} actions={actions} />
      {actions.showBadge && <HiddenSites hosts={props.hiddenSites ?? []} currentHost={site?.host ?? null} onShow={actions.showBadge} />}
      {data.state === 'loading' && <p class="muted">Loading usage…</p>}
      {data.state === 'error' && (
        <p class="error" role="alert">
          Could not read usage: {data.message}
        </p>
      )}
      {data.state === 'ready' && (props.cardsOnly ? <UsageBody data={data.data} plan={null} cardsOnly /> : <LiveUsageBody data={data.data} />)}
      <SiteHealth currentHost={site?.host ?? null} />
      {props.clayEstimator && (usedClay || onClay) && (
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
