import type { Detail } from '@/components/popup/usage-details';

/** A figure's detail under it (small, muted, wrapping), with what it means on hover. */
export function DetailLine({ detail, kind }: { detail: Detail | null; kind: string }) {
  if (!detail) return null;
  return (
    <>
      <br />
      <span class="muted small" style={{ whiteSpace: 'normal' }} title={detail.title} data-detail={kind}>
        {detail.text}
      </span>
    </>
  );
}

/** Thinking beside output: "≥N" (a lower bound), "?" (unknown) or a dash (none). */
export function ReasoningCell({ detail }: { detail: Detail | null }) {
  if (!detail) return <span class="muted">–</span>;
  return <abbr title={detail.title}>{detail.text}</abbr>;
}
