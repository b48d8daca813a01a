import type { ExactCountReply } from '@/utils/protocol/messages';
import { requestPort } from '@/utils/protocol/request-port';

export type ExactOutcome = { ok: true; tokens: number } | { ok: false; reason: string };

export type SendExactCount = (text: string, modelId: string) => Promise<ExactCountReply>;

/** Typing pause before asking Anthropic: one request per pause, not per keystroke. */
export const EXACT_COUNT_DELAY_MS = 800;

const sendViaBackground: SendExactCount = (text, modelId) => requestPort().send({ type: 'count-exact', text, modelId });

/**
 * Debounces opt-in exact Claude counts for one field: each `request` replaces the previous one
 * (its timer is cleared, or its reply ignored; the background aborts the superseded fetch), and
 * only the latest text's outcome reaches `onOutcome`.
 */
export function createExactCountScheduler(send: SendExactCount = sendViaBackground, delayMs = EXACT_COUNT_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const cancel = () => {
    generation++;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    request(text: string, modelId: string, onOutcome: (outcome: ExactOutcome) => void): void {
      cancel();
      const mine = generation;
      timer = setTimeout(() => {
        timer = undefined;
        send(text, modelId).then(
          (reply) => {
            if (mine !== generation) return;
            if (reply === null) onOutcome({ ok: false, reason: 'no Anthropic API key is stored (see Options)' });
            else if ('tokens' in reply) onOutcome({ ok: true, tokens: reply.tokens });
            else onOutcome({ ok: false, reason: reply.error });
          },
          (error: unknown) => {
            if (mine !== generation) return;
            onOutcome({ ok: false, reason: error instanceof Error ? error.message : String(error) });
          },
        );
      }, delayMs);
    },
    cancel,
  };
}

export type ExactCountScheduler = ReturnType<typeof createExactCountScheduler>;
