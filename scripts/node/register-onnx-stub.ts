import { register } from 'node:module';

/**
 * Node counterpart of the onnxruntime alias in wxt.config.ts. Import this first, then load the
 * counting modules with a dynamic import(): static imports are resolved before this runs.
 */
register(new URL('./onnx-stub-hooks.mjs', import.meta.url));
