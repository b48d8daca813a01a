// Stand-in for onnxruntime in the bundle: tokenizers never touch it.
export default {};
