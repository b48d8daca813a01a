export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title" data-testid="empty-state">
      <h2 id="empty-title">No usage recorded yet</h2>
      <p>
        Open ChatGPT, Claude, Gemini, an API console or Clay and send a message. TokenTally counts each turn on this
        device and this popup then shows, per provider, this period's input and output tokens, estimated cost and turns.
      </p>
      <p>Set monthly token limits, a $ budget or your Clay plan in Options to see progress bars, the reset date and alerts.</p>
    </section>
  );
}
