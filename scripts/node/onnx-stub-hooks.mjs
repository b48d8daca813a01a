// Node module-resolution hook: transformers.js's tokenizer module imports onnxruntime through its
// tensor code, and loading onnxruntime-node's native binary costs ~0.4 s. Counting never uses it.
const STUB = 'data:text/javascript,export default {};';
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'onnxruntime-node' || specifier === 'onnxruntime-web') return { url: STUB, shortCircuit: true };
  return nextResolve(specifier, context);
}
