/**
 * Metadata the way Mozilla Readability 0.6.0 finds it (`_getJSONLD`, `_getArticleMetadata`,
 * `_getArticleTitle`, and the byline check in `_grabArticle`), ported to htmlparser2 trees.
 * Readability's choices are the reference its 130 test pages were made with, and a well-tried
 * default; the extractor tries these first and falls back to its own wider search
 * (`extract-html.ts`, `readMeta`) only where this finds nothing.
 *
 * Every walk is iterative: pages nested 100,000 levels deep must not overflow the call stack.
 */
import type { AnyNode, Element } from 'domhandler'

/** What Readability's metadata chain found; `undefined` where it found nothing. */
export interface ReadabilityMeta {
  title?: string
  byline?: string
  siteName?: string
  publishedTime?: string
}

// Readability's own patterns, copied as they are (including the unanchored alternation in the
// JSON-LD type pattern: "Article" as a prefix, or any of the other names anywhere).
const JSONLD_ARTICLE_TYPES =
  /^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$/
const PROPERTY_PATTERN = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/i
const NAME_PATTERN = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i
const BYLINE = /byline|author|dateline|writtenby|p-author/i
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i
const OK_MAYBE = /and|article|body|column|content|main|shadow/i
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog'])

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

/** DOM `textContent` (comments excluded; raw whitespace kept). */
export function textContent(root: AnyNode): string {
  const parts: string[] = []
  const stack: AnyNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'text') parts.push((node as { data: string }).data)
    else if ('children' in node) {
      const kids = node.children as AnyNode[]
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
    }
  }
  return parts.join('')
}

/** Readability's `_unescapeHtmlEntities`: meta values are often escaped twice. */
function unescapeEntities(s: string | undefined): string | undefined {
  if (!s) return s
  const map: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' }
  return s
    .replace(/&(quot|amp|apos|lt|gt);/g, (_, tag: string) => map[tag]!)
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      let n = parseInt(hex ?? dec ?? '0', hex ? 16 : 10)
      if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) n = 0xfffd
      return String.fromCodePoint(n)
    })
}

const wordCount = (s: string): number => s.split(/\s+/).length

/** Readability's `_textSimilarity`: share of B's text (by length) made of tokens also in A. */
function textSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(/\W+/).filter(Boolean)
  const tb = b.toLowerCase().split(/\W+/).filter(Boolean)
  if (!ta.length || !tb.length) return 0
  const uniq = tb.filter((t) => !ta.includes(t))
  return 1 - uniq.join(' ').length / tb.join(' ').length
}

/**
 * Readability's `_getArticleTitle` (as in its repository since 0.6.0, which also splits at " – " and
 * " — ", as its `title-en-dash` test page expects): the `<title>` without a trailing " | Site" part (or the leading
 * part when too little is left), the part after a colon unless a heading holds the whole title,
 * the single h1 for very short or long titles, and the whole title when the result is 4 words or fewer.
 */
export function readabilityTitle(rawTitle: string, headings: readonly { name: string; text: string }[]): string {
  // document.title strips and collapses ASCII whitespace.
  const origTitle = rawTitle.replace(/[\t\n\f\r ]+/g, ' ').trim()
  let cur = origTitle
  let hierarchical = false
  if (/ [|\-–—\\/>»] /.test(cur)) {
    hierarchical = / [\\/>»] /.test(cur)
    const all = [...origTitle.matchAll(/ [|\-–—\\/>»] /gi)]
    cur = origTitle.substring(0, all[all.length - 1]!.index)
    if (wordCount(cur) < 3) cur = origTitle.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/gi, '')
  } else if (cur.includes(': ')) {
    const trimmed = cur.trim()
    const match = headings.some((h) => (h.name === 'h1' || h.name === 'h2') && h.text.trim() === trimmed)
    if (!match) {
      cur = origTitle.substring(origTitle.lastIndexOf(':') + 1)
      if (wordCount(cur) < 3) cur = origTitle.substring(origTitle.indexOf(':') + 1)
      else if (wordCount(origTitle.substring(0, origTitle.indexOf(':'))) > 5) cur = origTitle
    }
  } else if (cur.length > 150 || cur.length < 15) {
    const h1s = headings.filter((h) => h.name === 'h1')
    if (h1s.length === 1) cur = h1s[0]!.text.trim().replace(/\s{2,}/g, ' ')
  }
  cur = cur.trim().replace(/\s{2,}/g, ' ')
  const n = wordCount(cur)
  if (n <= 4 && (!hierarchical || n !== wordCount(origTitle.replace(/[|\-–—\\/>»]+/g, '')) - 1)) cur = origTitle
  return cur
}

interface JsonLdMeta { title?: string; byline?: string; siteName?: string; datePublished?: string }

/** Readability's `_getJSONLD`: the first `application/ld+json` script holding a schema.org article. */
function readabilityJsonLd(scripts: readonly Element[], articleTitle: () => string): JsonLdMeta {
  for (const script of scripts) {
    if (script.attribs['type'] !== 'application/ld+json') continue
    try {
      let parsed = JSON.parse(textContent(script).replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Record<string, unknown> | unknown[] | null | undefined
      const typeMatches = (it: unknown): boolean => {
        const t = (it as Record<string, unknown> | null)?.['@type']
        if (!t) return false
        if (typeof t !== 'string') throw new TypeError('@type is not a string') // Readability's .match throws here
        return JSONLD_ARTICLE_TYPES.test(t)
      }
      if (Array.isArray(parsed)) {
        parsed = parsed.find(typeMatches) as Record<string, unknown> | undefined
        if (!parsed) continue
      }
      const obj = parsed as Record<string, unknown>
      const ctx = obj['@context']
      const schema = /^https?:\/\/schema\.org\/?$/
      const ok = (typeof ctx === 'string' && schema.test(ctx)) ||
        (typeof ctx === 'object' && ctx !== null && typeof (ctx as Record<string, unknown>)['@vocab'] === 'string' && schema.test((ctx as Record<string, string>)['@vocab']!))
      if (!ok) continue
      let item: Record<string, unknown> | undefined = obj
      if (!obj['@type'] && Array.isArray(obj['@graph'])) {
        item = (obj['@graph'] as unknown[]).find((it) => {
          const t = (it as Record<string, unknown> | null)?.['@type'] ?? ''
          if (typeof t !== 'string') throw new TypeError('@type is not a string')
          return JSONLD_ARTICLE_TYPES.test(t)
        }) as Record<string, unknown> | undefined
      }
      if (!item || !typeMatches(item)) continue
      const out: JsonLdMeta = {}
      const name = item['name']
      const headline = item['headline']
      if (typeof name === 'string' && typeof headline === 'string' && name !== headline) {
        // aktualne.cz puts the site name in "name": take the one that matches the page title.
        const title = articleTitle()
        out.title = textSimilarity(headline, title) > 0.75 && !(textSimilarity(name, title) > 0.75) ? headline : name
      } else if (typeof name === 'string') out.title = name.trim()
      else if (typeof headline === 'string') out.title = headline.trim()
      const author = item['author'] as Record<string, unknown> | unknown[] | undefined
      if (author) {
        if (!Array.isArray(author) && typeof author['name'] === 'string') out.byline = author['name'].trim()
        else if (Array.isArray(author) && typeof (author[0] as Record<string, unknown> | undefined)?.['name'] === 'string') {
          out.byline = author
            .filter((a): a is { name: string } => !!a && typeof (a as Record<string, unknown>)['name'] === 'string')
            .map((a) => a.name.trim())
            .join(', ')
        }
      }
      const publisher = item['publisher'] as Record<string, unknown> | undefined
      if (publisher && typeof publisher['name'] === 'string') out.siteName = publisher['name'].trim()
      if (typeof item['datePublished'] === 'string') out.datePublished = item['datePublished'].trim()
      return out
    } catch {
      continue
    }
  }
  return {}
}

/**
 * Readability's `_getArticleMetadata` over the page's elements (document order): JSON-LD first,
 * then `<meta property>` (space-separated lists allowed) and `<meta name>` values, the last of a
 * kind winning, in Readability's order of preference.
 */
export function readabilityMeta(all: readonly Element[]): ReadabilityMeta {
  const values = new Map<string, string>()
  const scripts: Element[] = []
  const headingEls: Element[] = []
  let rawTitle: string | null = null
  for (const el of all) {
    if (el.name === 'meta') {
      const content = el.attribs['content']
      if (!content) continue
      const property = el.attribs['property']
      const name = el.attribs['name']
      const m = property ? PROPERTY_PATTERN.exec(property) : null
      if (m) values.set(m[0].toLowerCase().replace(/\s/g, ''), content.trim())
      else if (name && NAME_PATTERN.test(name)) values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content.trim())
    } else if (el.name === 'script') scripts.push(el)
    else if (el.name === 'title' && rawTitle === null && !insideSvg(el)) rawTitle = textContent(el)
    else if (el.name === 'h1' || el.name === 'h2') headingEls.push(el)
  }
  let articleTitle: string | undefined
  // Heading texts are only needed for some titles: computed once, when asked for.
  const getTitle = () => (articleTitle ??= readabilityTitle(rawTitle ?? '', headingEls.map((h) => ({ name: h.name, text: textContent(h) }))))
  const ld = readabilityJsonLd(scripts, getTitle)
  const v = (k: string) => values.get(k) || undefined
  const title = ld.title || v('dc:title') || v('dcterm:title') || v('og:title') || v('weibo:article:title') ||
    v('weibo:webpage:title') || v('title') || v('twitter:title') || v('parsely-title') || getTitle()
  const articleAuthor = v('article:author')
  const byline = ld.byline || v('dc:creator') || v('dcterm:creator') || v('author') || v('parsely-author') ||
    (articleAuthor && !isUrl(articleAuthor) ? articleAuthor : undefined)
  return {
    title: unescapeEntities(title) || undefined,
    byline: unescapeEntities(byline) || undefined,
    siteName: unescapeEntities(ld.siteName || v('og:site_name')) || undefined,
    publishedTime: unescapeEntities(ld.datePublished || v('article:published_time') || v('parsely-pub-date')) || undefined,
  }
}

function isUrl(s: string): boolean {
  try {
    new URL(s)
    return true
  } catch {
    return false
  }
}

function insideSvg(el: AnyNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && p.name === 'svg') return true
  return false
}

function hasAncestorTag(el: AnyNode, name: string, maxDepth = 3): boolean {
  let depth = 0
  for (let p = el.parent; p; p = p.parent, depth++) {
    if (depth > maxDepth) return false
    if (isElement(p) && p.name === name) return true
  }
  return false
}

function probablyVisible(el: Element): boolean {
  const style = el.attribs['style']
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style)) return false
  if ('hidden' in el.attribs) return false
  return el.attribs['aria-hidden'] !== 'true' || (el.attribs['class'] ?? '').includes('fallback-image')
}

/**
 * The byline Readability finds in the page body when the metadata names no author: the first
 * visible element, in document order, with rel="author", an itemprop containing "author", or a
 * byline-like class/id, whose text is 1-99 characters (its `[itemprop~=name]` descendant if any).
 * Subtrees Readability removes before reaching them (scripts, hidden nodes, modal dialogs, and —
 * when `stripUnlikely` — unlikely-looking containers and furniture roles) are skipped.
 */
export function readabilityDomByline(root: AnyNode, stripUnlikely: boolean): string | null {
  const stack: { node: AnyNode; svg: boolean }[] = [{ node: root, svg: false }]
  while (stack.length) {
    const { node, svg: inSvg } = stack.pop()!
    if (!('children' in node)) continue
    if (isElement(node)) {
      const name = node.name
      if (name === 'script' || name === 'noscript' || name === 'style') continue
      const svg = inSvg || name === 'svg' || name === 'math'
      if (!probablyVisible(node)) continue
      if (node.attribs['aria-modal'] === 'true' && node.attribs['role'] === 'dialog') continue
      // jsdom's className of an SVG element is an SVGAnimatedString object, not the class text.
      const matchString = svg ? '[object SVGAnimatedString] ' + (node.attribs['id'] ?? '') : `${node.attribs['class'] ?? ''} ${node.attribs['id'] ?? ''}`
      const itemprop = node.attribs['itemprop']
      if (node.attribs['rel'] === 'author' || itemprop?.includes('author') || BYLINE.test(matchString)) {
        const text = textContent(node).trim()
        if (text.length > 0 && text.length < 100) {
          const named = findItempropName(node)
          return (named ? textContent(named) : text).trim()
        }
      }
      if (stripUnlikely && name !== 'body' && name !== 'a') {
        if (UNLIKELY.test(matchString) && !OK_MAYBE.test(matchString) && !hasAncestorTag(node, 'table') && !hasAncestorTag(node, 'code')) continue
        if (UNLIKELY_ROLES.has(node.attribs['role'] ?? '')) continue
      }
      const kids = node.children
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, svg })
    } else {
      const kids = node.children as AnyNode[]
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, svg: inSvg })
    }
  }
  return null
}

function findItempropName(root: Element): Element | null {
  const stack: AnyNode[] = [...root.children].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (!isElement(node)) continue
    if (node.attribs['itemprop']?.includes('name')) return node
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return null
}
