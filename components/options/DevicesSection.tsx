import { useEffect, useState } from 'preact/hooks';
import { Section } from '@/components/options/fields';
import type { SyncDevicesApi, SyncDevicesState } from '@/components/options/use-sync-devices';
import { useSyncDevices } from '@/components/options/use-sync-devices';
import { daysSince, isStale } from '@/utils/core/sync/sync-merge';
import { MAX_DEVICE_NAME } from '@/utils/core/sync/device-name';
import type { DeviceAggregates } from '@/utils/core/sync/sync-format';

const INTRO =
  'Each browser where TokenTally runs puts its monthly totals (per provider and model: tokens, cost, turns, Clay credits; never text or single turns) in your browser account’s sync, under its own name. The popup’s “All your browsers” adds them up.';

function lastUpdate(device: DeviceAggregates, now: number): string {
  const days = daysSince(device.updatedAt, now);
  const when = new Date(device.updatedAt).toLocaleString();
  return days === 0 ? `${when} (today)` : `${when} (${days} day${days === 1 ? '' : 's'} ago)`;
}

function DeviceRow(props: { device: DeviceAggregates; self: boolean; now: number; onRemove: () => void }) {
  const { device, now } = props;
  const stale = isStale(device, now);
  const months = new Set(device.periods.map((p) => p.from)).size;
  return (
    <tr data-device-id={device.id} data-stale={stale ? 'true' : undefined} data-this-browser={props.self ? 'true' : undefined}>
      <th scope="row">
        {device.name}
        {props.self && <span class="muted"> (this browser)</span>}
      </th>
      <td>{lastUpdate(device, now)}</td>
      <td>
        {stale ? <strong data-testid="stale-mark">Stale: not updated for {daysSince(device.updatedAt, now)} days</strong> : 'Up to date'}
        {device.droppedPeriods > 0 && <p class="hint">{device.droppedPeriods} older month{device.droppedPeriods === 1 ? '' : 's'} left out to fit browser sync’s space.</p>}
        {!device.complete && <p class="hint">Part of its data is missing or was rejected (still arriving, or damaged); what could be read is shown.</p>}
        <p class="hint">{months} month{months === 1 ? '' : 's'} of totals.</p>
      </td>
      <td>
        {!props.self && (
          <button type="button" class="danger" onClick={props.onRemove} aria-label={`Remove ${device.name}`}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}

function ThisBrowser(props: { state: SyncDevicesState; api: SyncDevicesApi }) {
  const { self } = props.state;
  const [name, setName] = useState(self.name);
  useEffect(() => setName(self.name), [self.name]);
  const saveName = () => name.trim() !== self.name && void props.api.rename(name);
  return (
    <div class="field">
      <label>
        <input type="checkbox" name="sync-enabled" checked={self.enabled} onChange={(e) => void props.api.setEnabled(e.currentTarget.checked)} /> Sync this browser’s
        monthly totals
      </label>
      <p class="hint">Off: this browser’s totals are removed from sync, and it writes none. The popup still shows the other browsers’.</p>
      <label for="device-name">This browser’s name</label>
      <input
        id="device-name"
        name="device-name"
        type="text"
        maxLength={MAX_DEVICE_NAME}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        onBlur={saveName}
        onKeyDown={(e) => {
          // Enter renames; it must not submit the settings form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          saveName();
        }}
      />
    </div>
  );
}

/** The options page's "Your browsers": this browser's switch and name, and every browser in sync with its last update. */
export function DevicesSection(props: { api: SyncDevicesApi }) {
  const { state, error } = props.api;
  return (
    <Section id="devices" title="Your browsers" intro={INTRO}>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {!state ? (
        <p class="muted">Reading browser sync…</p>
      ) : (
        <>
          <ThisBrowser state={state} api={props.api} />
          <table class="table devices">
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Last update</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.devices.map((d) => (
                <DeviceRow key={d.id} device={d} self={d.id === state.self.id} now={state.now} onRemove={() => void props.api.remove(d.id)} />
              ))}
              {state.unreadable.map((id) => (
                <tr key={id} data-device-id={id}>
                  <th scope="row">Unreadable entry</th>
                  <td colSpan={2}>Its data is damaged or from a newer version; it is not counted.</td>
                  <td>
                    <button type="button" class="danger" onClick={() => void props.api.remove(id)} aria-label="Remove the unreadable entry">
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.devices.length === 0 && state.unreadable.length === 0 && <p class="muted">No browser has synced totals yet.</p>}
          <p class="hint">
            A browser not updated for a week is marked stale and still counted. Removing a browser that still syncs brings it back at its next update: turn syncing off
            there.
          </p>
        </>
      )}
    </Section>
  );
}

/** The section with its data: what OptionsPage renders. */
export function YourBrowsers() {
  return <DevicesSection api={useSyncDevices()} />;
}
