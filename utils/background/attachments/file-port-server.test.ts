import { describe, expect, it } from 'vitest';
import { fromOwnContentScript, takeChunk } from '@/utils/background/attachments/file-port-server';
import { fromBase64, toBase64 } from '@/utils/core/attachments/file-port';
import { MAX_FILE_BYTES } from '@/utils/core/attachments/attachment';

const chunk = (id: number, bytes: number[], size: number, last: boolean) => ({ type: 'pdf' as const, id, size, data: toBase64(new Uint8Array(bytes)), last });

describe('file port', () => {
  it('base64 round-trips bytes', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('puts a file together from its chunks', () => {
    const uploads = new Map();
    expect(takeChunk(uploads, chunk(1, [1, 2], 4, false))).toBeNull();
    expect(takeChunk(uploads, chunk(1, [3, 4], 4, true))).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(uploads.size).toBe(0);
  });

  it('refuses a file over the cap, or more bytes than announced', () => {
    expect(takeChunk(new Map(), chunk(1, [1], MAX_FILE_BYTES + 1, true))).toBe('too-large');
    const uploads = new Map();
    expect(takeChunk(uploads, chunk(2, [1, 2, 3], 2, true))).toBe('too-large');
    expect(uploads.size).toBe(0);
  });

  it('serves only this extension\'s content scripts', () => {
    expect(fromOwnContentScript({ sender: { id: 'me', tab: { id: 1 } as never } }, 'me')).toBe(true);
    expect(fromOwnContentScript({ sender: { id: 'other', tab: { id: 1 } as never } }, 'me')).toBe(false);
    expect(fromOwnContentScript({ sender: { id: 'me' } }, 'me')).toBe(false);
  });
});
