/**
 * What kind of file an attachment is, from its MIME type and name: the kind decides how it is
 * read (text, image dimensions, PDF pages) and which provider rule counts it.
 */
export type FileKind = 'text' | 'pdf' | 'image' | 'other';

/** Raster formats all three providers accept as images (their vision guides, 2026-09). */
const IMAGE_TYPES = /^image\/(png|jpeg|jpg|gif|webp)$/;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp)$/i;
const TEXT_TYPES = /^(text\/|application\/(json|ld\+json|xml|xhtml\+xml|(x-)?javascript|typescript|x-sh|x-python|(x-)?yaml|toml|sql|csv))/;
// Extensions browsers often give no MIME type (or application/octet-stream) for.
const TEXT_EXTENSIONS =
  /\.(txt|md|markdown|rst|csv|tsv|jsonl?|html?|xml|svg|ya?ml|toml|ini|cfg|conf|log|tex|sql|proto|[cm]?jsx?|tsx?|vue|svelte|py|rb|php|java|kts?|scala|go|rs|[ch]|cc|[ch]pp|cs|swift|m|dart|lua|pl|r|jl|hs|exs?|sh|bash|zsh|ps1|bat|s?css|less|gradle|tf|ipynb)$/i;
const TEXT_NAMES = /^(dockerfile|makefile|readme|license|\.gitignore)$/i;

export function fileKind(name: string, mime: string): FileKind {
  const type = mime.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) return 'pdf';
  if (IMAGE_TYPES.test(type) || (!type.startsWith('image/') && IMAGE_EXTENSIONS.test(name))) return 'image';
  if (type !== 'image/svg+xml' && type.startsWith('image/')) return 'other';
  if (TEXT_TYPES.test(type) || TEXT_EXTENSIONS.test(name) || TEXT_NAMES.test(name)) return 'text';
  return 'other';
}
