// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DomChangeLog } from '@/utils/content/page/dom-change-log';
import { PageChanges } from '@/utils/content/page/page-changes';
import { findUserTurn, flagTurnedOff, hasTrailingButtons, regionText, replyRegion, threadRootOf } from '@/utils/content/page/fallback-thread';
import { ComposerButtons, composerContainerOf } from '@/utils/content/page/fallback-composer';

/** A chat page whose every name is meaningless: only structure and behaviour tell roles apart. */
function renamedPage() {
  document.body.innerHTML = `
    <div class="q1">
      <nav class="q2"><a href="/c/1">Tokens</a></nav>
      <main class="q3"><div class="q4" id="thread"></div></main>
      <div class="q5"><form class="q6"><div class="q7" contenteditable="true" role="textbox"></div>
        <div class="q8"><button type="button" class="q9" aria-label="zz1">+</button><span id="slot"><button type="button" class="q10" aria-label="zz2"><svg><path d="M1 1"></path></svg></button></span></div></form>
        <p class="q11">The model can make mistakes.</p></div>
    </div>`;
  return {
    thread: document.getElementById('thread')!,
    composer: document.querySelector<HTMLElement>('[contenteditable]')!,
    slot: document.getElementById('slot')!,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function appendTurn(thread: Element, prompt: string): { reply: HTMLElement; row: HTMLElement } {
  thread.insertAdjacentHTML(
    'beforeend',
    `<div class="r1"><div class="r2"><h4 style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)">You said:</h4><div class="r3">${prompt}</div></div><div class="r4"><button>⧉</button><button>✎</button></div></div>` +
      `<div class="r5"><div class="r6"><p></p></div><div class="r7"></div></div>`,
  );
  const row = thread.children[thread.children.length - 2] as HTMLElement;
  return { reply: thread.lastElementChild!.querySelector('p')!, row };
}

describe('selector-free thread reading', () => {
  it('finds the user turn (the new element holding the sent text, not the composer) and the reply after it', async () => {
    const { thread, composer } = renamedPage();
    const log = new DomChangeLog(new PageChanges());
    log.hold('test');
    const mark = log.mark();
    const box = composerContainerOf(composer);
    expect(box?.tagName).toBe('FORM');
    composer.textContent = 'How do tokens work?';
    const { reply } = appendTurn(thread, 'How do tokens work?');
    await tick();
    const user = findUserTurn('How do tokens work?', log, mark, box);
    expect(user?.textContent).toBe('How do tokens work?');
    expect(box!.contains(user!)).toBe(false);
    // The user's own action bar (buttons only) is not a reply; nothing is there yet.
    expect(replyRegion(user!, box, log, mark)).toBeNull();
    reply.textContent = 'Tokens are pieces';
    await tick();
    const region = replyRegion(user!, box, log, mark)!;
    expect(regionText(region)).toContain('Tokens are pieces');
    expect(regionText(region)).not.toContain('mistakes');
    expect(threadRootOf(user!, box)).toBe(document.querySelector('.q1 > main') ?? threadRootOf(user!, box));
    log.release('test');
  });

  it('an older message with the same text is not the new turn; a sidebar link is not either', async () => {
    const { thread } = renamedPage();
    appendTurn(thread, 'Tokens');
    const log = new DomChangeLog(new PageChanges());
    log.hold('test');
    const mark = log.mark();
    await tick();
    expect(findUserTurn('Tokens', log, mark, document.querySelector('form'))).toBeNull();
    const { row } = appendTurn(thread, 'Tokens');
    await tick();
    expect(row.contains(findUserTurn('Tokens', log, mark, document.querySelector('form')))).toBe(true);
    log.release('test');
  });

  it('the action bar at the end of a reply is a completion marker; a code block\'s copy button is not', () => {
    document.body.innerHTML = `<div id="r"><div><p>Intro</p><div><button>Copy</button><pre>code();</pre></div></div></div>`;
    const region = { blocks: [document.getElementById('r')!] };
    expect(hasTrailingButtons(region)).toBe(false);
    document.getElementById('r')!.insertAdjacentHTML('beforeend', '<div role="group"><button>⧉</button><button>👍</button></div>');
    expect(hasTrailingButtons(region)).toBe(true);
  });

  it('a flag on the reply flipping from "true" to "false" is a completion marker', async () => {
    document.body.innerHTML = `<div id="row"><div id="msg" data-k9="true"><p>text</p></div></div>`;
    const log = new DomChangeLog(new PageChanges());
    log.hold('t');
    const mark = log.mark();
    const region = { blocks: [document.getElementById('row')!] };
    expect(flagTurnedOff(region, log, mark)).toBe(false);
    document.getElementById('msg')!.setAttribute('data-k9', 'false');
    await tick();
    expect(flagTurnedOff(region, log, mark)).toBe(true);
    log.release('t');
  });
});

describe('selector-free stop control', () => {
  it('a control that shows in the composer only after a send is stop-like; the idle ones are not', () => {
    const { composer, slot } = renamedPage();
    const box = composerContainerOf(composer)!;
    const buttons = new ComposerButtons();
    buttons.learnCalm(box, composer);
    expect(buttons.stopLikeVisible(box, composer)).toBe(false);
    slot.innerHTML = '<button type="button" class="q12" aria-label="zz3"><svg><path d="M4 4h8v8H4z"></path></svg></button>';
    expect(buttons.stopLikeVisible(box, composer)).toBe(true);
    // A decoy "Stop" elsewhere on the page is not in the composer: it never counts.
    slot.innerHTML = '<button type="button" class="q10" aria-label="zz2"><svg><path d="M1 1"></path></svg></button>';
    document.body.insertAdjacentHTML('beforeend', '<button aria-label="Stop">Stop</button>');
    expect(buttons.stopLikeVisible(box, composer)).toBe(false);
  });

  it('a stop control lingering after the reply is not learned as calm until things have settled', () => {
    const { composer, slot } = renamedPage();
    const box = composerContainerOf(composer)!;
    const buttons = new ComposerButtons();
    buttons.learnCalm(box, composer);
    const stop = '<button type="button" class="q12" aria-label="zz3"><svg><path d="M4 4h8v8H4z"></path></svg></button>';
    slot.innerHTML = stop;
    expect(buttons.stopLikeVisible(box, composer)).toBe(true); // streaming
    buttons.learnCalm(box, composer, false); // reply done, stop still up (the next message may be typed meanwhile)
    expect(buttons.stopLikeVisible(box, composer)).toBe(true); // the next turn's stop still counts
    buttons.learnCalm(box, composer, true); // a control that stays long after: part of the composer
    expect(buttons.stopLikeVisible(box, composer)).toBe(false);
  });

  it('the composer\'s box is the nearest ancestor with buttons, never a region holding the conversation', () => {
    document.body.innerHTML = `<main><div id="thread">${'<p>long conversation text </p>'.repeat(40)}</div><div id="field" contenteditable="true"></div><button>send</button></main>`;
    expect(composerContainerOf(document.getElementById('field')!)).toBeNull();
  });
});
