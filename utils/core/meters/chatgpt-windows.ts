import { capLengthMs, countableFromRecords, modelMatches, type MessageCap } from '@/utils/core/meters/chatgpt-caps';
import { noticeInForce } from '@/utils/core/meters/notice-rules';
import { idPart, windowName, type LimitNotice, type MeterWindow } from '@/utils/core/meters/meter-types';

/** A message TokenTally recorded on chatgpt.com: when, and to which model. */
export interface SentMessage {
  time: number;
  model: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * ChatGPT's windows, counted from the messages TokenTally recorded: per cap, the messages to
 * its model(s) in the last `hours`; the window frees up as its oldest message ages out. A limit
 * notice the site showed marks its model's windows full until the time it gave, whatever the
 * count says (the count only knows this browser's messages).
 */
export function chatgptWindows(caps: readonly MessageCap[], messages: readonly SentMessage[], notices: readonly LimitNotice[], now: number): MeterWindow[] {
  const inForce = notices.filter((n) => noticeInForce(n, now));
  const windows: MeterWindow[] = caps.map((cap) => {
    const lengthMs = capLengthMs(cap);
    let count = 0;
    let oldest = Infinity;
    const countable = countableFromRecords(cap.model);
    for (const m of countable ? messages : []) {
      if (m.time > now - lengthMs && m.time <= now && modelMatches(cap.model, m.model)) {
        count++;
        if (m.time < oldest) oldest = m.time;
      }
    }
    const meter: MeterWindow = {
      id: `chatgpt:${idPart(cap.model.split('|')[0]!)}:${windowName(cap.hours)}`,
      label: `${cap.label ?? cap.model.split('|').join(' + ')} · ${cap.hours % 24 === 0 ? plural(cap.hours / 24, 'day') : `${cap.hours} h`}`,
      used: count / cap.cap,
      resetsAt: count > 0 ? oldest + lengthMs : null,
      lengthMs,
      detail: countable
        ? `${plural(count, 'message')} of ${cap.cap.toLocaleString('en-US')} (counted here)`
        : `${cap.cap.toLocaleString('en-US')} messages; the page does not say which messages used it, so this fills when ChatGPT says the limit is reached`,
      ...(countable ? {} : { uncounted: true as const }),
    };
    const notice = inForce.find((n) => n.model !== null && modelMatches(cap.model, n.model));
    if (notice) {
      const { uncounted: _known, ...reached } = meter;
      return { ...reached, used: Math.max(1, meter.used), resetsAt: notice.resetsAt ?? meter.resetsAt, detail: `ChatGPT says the limit for ${notice.label} is reached` };
    }
    return meter;
  });
  // A notice for a model no cap covers still shows, as its own full window.
  for (const notice of inForce) {
    if (notice.model !== null && caps.some((c) => modelMatches(c.model, notice.model!))) continue;
    const id = `chatgpt:${idPart(notice.model ?? 'limit')}:limit`;
    if (windows.some((w) => w.id === id)) continue;
    windows.push({ id, label: `${notice.label} · limit`, used: 1, resetsAt: notice.resetsAt, lengthMs: null, detail: `ChatGPT says the limit for ${notice.label} is reached` });
  }
  return windows;
}
