// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fallbackModelLabel } from '@/utils/content/page/page-model';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { claudeAdapter } from '@/utils/sites/adapters/claude';
import { geminiAdapter } from '@/utils/sites/adapters/gemini';

/** A composer box with renamed names: a field, a "Tools" menu, the picker (with or without menu attributes), send. */
function box(picker: string, tools = '<button class="k1" aria-haspopup="menu">Tools</button>'): Element {
  document.body.innerHTML = `<main><p>Earlier conversation that mentions Opus 4.8 in passing.</p></main>
    <form class="k0"><div contenteditable="true" role="textbox"></div>${tools}${picker}<button class="k3" type="submit"><svg></svg></button></form>`;
  return document.querySelector('form')!;
}

describe('the model picker without selectors', () => {
  it('reads a menu button in the composer that shows a mode or a model', () => {
    expect(fallbackModelLabel(chatgptAdapter, 'chatgpt.com', box('<button class="k2" aria-haspopup="menu"><span style="position:absolute;width:1px;height:1px;overflow:hidden" aria-hidden="true">Thinking effort</span>Pro</button>'))).toBe('Pro');
    expect(fallbackModelLabel(claudeAdapter, 'claude.ai', box('<button class="k2" aria-haspopup="menu">Sonnet 5</button>'))).toBe('Sonnet 5');
  });

  it('finds a picker drawn without aria-haspopup inside the composer when it names a model or a named mode, never a "Tools" menu\'s word', () => {
    expect(fallbackModelLabel(claudeAdapter, 'claude.ai', box('<button class="k2"><div>Opus 4.8</div></button>'))).toBe('Opus 4.8');
    expect(fallbackModelLabel(geminiAdapter, 'gemini.google.com', box('<button class="k2"><span>Pro</span></button>'))).toBe('Pro');
    // Only a word the mode table's catch-all takes ("Tools", or "Fast"): a menu button's is used, a plain button's is not.
    expect(fallbackModelLabel(geminiAdapter, 'gemini.google.com', box('<button class="k2">Fast</button>', ''))).toBeNull();
    expect(fallbackModelLabel(geminiAdapter, 'gemini.google.com', box('<button class="k2" aria-expanded="false">Fast</button>', ''))).toBe('Fast');
  });

  it('a model named in the conversation text is not a picker', () => {
    expect(fallbackModelLabel(claudeAdapter, 'claude.ai', box('', ''))).toBeNull();
  });
});
