import { useCallback, useEffect, useState } from 'preact/hooks';
import { clearAnthropicKey, loadAnthropicKey, maskAnthropicKey, saveAnthropicKey } from '@/utils/storage/anthropic-key';

export interface AnthropicKeyApi {
  /** Undefined while loading; null when no key is stored. Only ever the masked form. */
  masked: string | null | undefined;
  save(key: string): Promise<{ ok: true } | { ok: false; error: string }>;
  clear(): Promise<void>;
}

export function useAnthropicKey(): AnthropicKeyApi {
  const [masked, setMasked] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void loadAnthropicKey().then((k) => setMasked(k ? maskAnthropicKey(k) : null));
  }, []);
  const save = useCallback(async (key: string) => {
    const result = await saveAnthropicKey(key);
    if (result.ok) setMasked(maskAnthropicKey(key.trim()));
    return result;
  }, []);
  const clear = useCallback(async () => {
    await clearAnthropicKey();
    setMasked(null);
  }, []);
  return { masked, save, clear };
}
