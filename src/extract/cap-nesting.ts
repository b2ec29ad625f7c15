/** Void elements and elements closed implicitly by their next sibling: they add no nesting depth. */
const FLAT_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'html', 'head', 'body',
])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript'])

/**
 * Removes tags nested deeper than `maxDepth` from an HTML string (their text stays). htmlparser2
 * keeps its open-element stack with `unshift`, so a page nested 100,000 levels deep (broken CMS
 * output, fuzzed input) takes quadratic time to parse; flattening beyond a depth no real page
 * reaches keeps parsing linear. Returns the input unchanged when nothing is that deep.
 */
export function capNesting(html: string, maxDepth = 400): string {
  const nameRe = /[a-zA-Z][\w:-]*/y
  const closers = new Map<string, RegExp>()
  let depth = 0
  let suppressed = 0
  let cuts: [number, number][] | null = null
  let i = html.indexOf('<')
  while (i >= 0 && i < html.length) {
    let j = i + 1
    if (html.startsWith('!--', j)) {
      const end = html.indexOf('-->', j + 3)
      if (end < 0) break
      i = html.indexOf('<', end + 3)
      continue
    }
    const closing = html.charCodeAt(j) === 47 /* / */
    if (closing) j++
    nameRe.lastIndex = j
    const m = nameRe.exec(html)
    if (!m) { i = html.indexOf('<', j); continue }
    const gt = html.indexOf('>', nameRe.lastIndex)
    if (gt < 0) break
    const tagEnd = gt + 1
    const name = m[0].toLowerCase()
    if (!closing && RAW_TEXT.has(name)) {
      let closer = closers.get(name)
      if (!closer) closers.set(name, (closer = new RegExp(`</${name}`, 'gi')))
      closer.lastIndex = tagEnd
      const found = closer.exec(html)
      if (!found) break
      i = found.index
      // Step past the closing tag's '<' handling: it is parsed as a normal closing tag next round.
      continue
    }
    if (!FLAT_TAGS.has(name) && html.charCodeAt(gt - 1) !== 47) {
      if (closing) {
        if (suppressed > 0) {
          suppressed--
          ;(cuts ??= []).push([i, tagEnd])
        }
        if (depth > 0) depth--
      } else {
        depth++
        if (depth > maxDepth) {
          suppressed++
          ;(cuts ??= []).push([i, tagEnd])
        }
      }
    }
    i = html.indexOf('<', tagEnd)
  }
  if (!cuts) return html
  let out = ''
  let pos = 0
  for (const [a, b] of cuts) {
    out += html.slice(pos, a) + ' '
    pos = b
  }
  return out + html.slice(pos)
}
