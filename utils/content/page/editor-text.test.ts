// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readEditorText } from '@/utils/content/page/editor-text';

const editor = (html: string) => {
  document.body.innerHTML = `<div contenteditable="true" role="textbox">${html}</div>`;
  return document.querySelector<HTMLElement>('[contenteditable]')!;
};

describe('readEditorText and placeholders', () => {
  it('an empty paragraph carrying the placeholder class reads as empty', () => {
    expect(readEditorText(editor('<p class="placeholder" data-placeholder="Ask anything"><br class="ProseMirror-trailingBreak"></p>'))).toBe('');
  });

  it('a placeholder element holding only its own placeholder text reads as empty', () => {
    expect(readEditorText(editor('<p class="placeholder" data-placeholder="Ask anything">Ask anything</p>'))).toBe('');
  });

  it('text typed into a paragraph that still carries the placeholder class is the prompt', () => {
    expect(readEditorText(editor('<p class="placeholder" data-placeholder="Ask anything">How do tokens work?</p>'))).toBe('How do tokens work?');
    expect(readEditorText(editor('<p class="is-empty tiptap-placeholder">トークンとは？</p><p>二行目</p>'))).toBe('トークンとは？\n二行目');
  });
});
