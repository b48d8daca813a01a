import { register } from 'node:module';

/**
 * In Node, stubs onnxruntime (see onnx-stub-hooks.mjs) so transformers.js's tokenizer module loads
 * without the native binary; the unit tests and the benches use it. Import this first, then load
 * the counting modules with a dynamic import(): static imports are resolved before this runs.
 */
register(new URL('./onnx-stub-hooks.mjs', import.meta.url));
