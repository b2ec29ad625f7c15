/** Tags whose presence marks a document (not prose that mentions a tag). */
const STRONG = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i
/** Common block and inline tags counted for density. */
const TAGS = /<\/?(?:p|div|span|a|br|li|ul|table|tr|td|h[1-6]|img|section|article|meta|link|script|style)\b[^<>]*>/gi

/**
 * Guesses from content (not a file name) whether `text` is HTML: a doctype/html/head/body tag
 * near the start, or a density of common tags high enough that it is markup rather than prose.
 */
export function looksLikeHtml(text: string): boolean {
  const sample = text.slice(0, 20_000)
  const start = sample.trimStart().slice(0, 1024)
  if (STRONG.test(start)) return true
  const tags = sample.match(TAGS)?.length ?? 0
  if (tags === 0) return false
  // Prose quoting one `<p>` stays below this; a fragment of markup has a tag every few hundred characters.
  return tags >= 3 && tags * 400 >= sample.length
}
