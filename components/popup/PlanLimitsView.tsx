import { useState } from 'preact/hooks';
import type { AccountView, PlanLimitsData, SiteMeterView } from '@/utils/core/meters/plan-limits';
import { PlanLimitsWindow } from '@/components/popup/PlanLimitsWindow';

function accountName(account: AccountView, index: number): string {
  return account.name ?? (index === 0 ? 'Current account' : `Account ${index + 1}`);
}

function SiteMeter({ site }: { site: SiteMeterView }) {
  const [selected, setSelected] = useState(0);
  const account = site.accounts[Math.min(selected, site.accounts.length - 1)]!;
  const headingId = `plan-${site.site}-title`;
  return (
    <section class="plan-site" aria-labelledby={headingId} data-meter-site={site.site} data-account={account.key}>
      <header class="plan-site__head">
        <h3 id={headingId}>{site.title}</h3>
        {account.age && (
          <span class={account.stale ? 'plan-site__age plan-site__age--stale' : 'plan-site__age muted'} data-stale={String(account.stale)}>
            {account.age}
            {account.stale && ' · stale'}
          </span>
        )}
      </header>
      {site.accounts.length > 1 && (
        <label class="plan-site__account">
          <span class="muted">{site.site === 'claude' ? 'Organization' : 'Account'} </span>
          <select value={String(selected)} onChange={(e) => setSelected(Number(e.currentTarget.value))}>
            {site.accounts.map((a, i) => (
              <option key={a.key} value={String(i)}>
                {accountName(a, i)}
              </option>
            ))}
          </select>
        </label>
      )}
      {site.accounts.length === 1 && account.name && <p class="muted plan-site__name">{account.name}</p>}
      {account.error ? (
        <p class="error" data-meter-error={site.site}>
          Can't read {site.title}'s meter: {account.error.reason}
        </p>
      ) : (
        account.windows.map((w) => <PlanLimitsWindow key={w.id} window={w} stale={account.stale} />)
      )}
      <p class="muted plan-site__source">{site.note ?? `From ${site.source}.`}</p>
    </section>
  );
}

/** The "Plan limits" section: the sites' own meters, by site. Renders from PlanLimitsData only. */
export function PlanLimitsView({ data }: { data: PlanLimitsData }) {
  return (
    <section class="panel plan-limits" aria-labelledby="plan-limits-title">
      <h2 id="plan-limits-title">Plan limits</h2>
      {data.readsOff && <p class="muted">Reading the sites' own meters is off (options → Plan limits).</p>}
      {data.sites.length === 0 && !data.readsOff && (
        <p class="muted">
          Open claude.ai (or Gemini's usage page) to see your plan's own limits here. For ChatGPT, pick your plan in the options.
        </p>
      )}
      {data.sites.map((site) => (
        <SiteMeter key={site.site} site={site} />
      ))}
    </section>
  );
}
