/** Sites where "Hide on this site" took the badge away, each with a Show button; `onStatus` hears how it went. */
export function HiddenBadgeList(props: { hosts: readonly string[]; onShow: (host: string) => Promise<boolean>; onStatus: (status: string) => void; buttonClass?: string }) {
  const { hosts, onShow, onStatus } = props;
  const show = (host: string) =>
    void onShow(host).then(
      (ok) => onStatus(ok ? `The badge is back on ${host}.` : `Could not show the badge on ${host}.`),
      () => onStatus(`Could not show the badge on ${host}.`),
    );
  return (
    <ul>
      {hosts.map((host) => (
        <li key={host} data-host={host}>
          <span>Badge hidden on {host}</span>
          <button type="button" class={props.buttonClass} onClick={() => show(host)}>
            Show
          </button>
        </li>
      ))}
    </ul>
  );
}
