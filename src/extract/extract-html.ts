import { parseDocument } from 'htmlparser2'
import type { AnyNode, Element, Document } from 'domhandler'
import {
  AD_CLASS, ARTICLE_TYPES, AUTHOR_META, BLOCK_TAGS, BYLINE_CLASS, DATE_META, DROP_ROLES, DROP_TAGS,
  LEADING_META, MAYBE_CANDIDATE_CLASS, NEGATIVE_CLASS, RELATED_HEADING, POSITIVE_CLASS, SCORE_TAGS, TITLE_META, TITLE_SEPARATOR, UNLIKELY_CLASS,
} from './data/html-patterns.js'
import { capNesting } from './cap-nesting.js'
import { JUNK_RULES } from './data/junk-lines.js'
import { readabilityDomByline, readabilityMeta } from './readability-meta.js'

/** The article found in an HTML page: metadata plus the main text, one paragraph per line. */
export interface ExtractedArticle {
  title: string | null
  byline: string | null
  /** ISO 8601 date or date-time. */
  published: string | null
  site: string | null
  language: string | null
  /** Canonical URL if the page names one, else the URL the page was fetched from. */
  url: string | null
  /** Main article text: one paragraph per line, joined by '\n', no blank lines, spaces collapsed. */
  text: string
  /** Why nothing was extracted, when the page was refused (see {@link MAX_HTML_LENGTH}); absent otherwise. */
  error?: string
}

/** Options for {@link extractHtml}. */
export interface ExtractHtmlOptions {
  /** The URL the page was fetched from (base for relative links, fallback canonical URL, date in URL). */
  url?: string
  /** Longest page accepted, in UTF-16 code units after scripts, styles and comments are removed (default {@link MAX_HTML_LENGTH}). */
  maxLength?: number
}

/**
 * Pages longer than this (UTF-16 code units, once scripts, styles and comments are removed) are
 * refused: `extractHtml` returns no text and an `error` saying so. The DOM costs about 16 bytes of
 * memory per byte of HTML: measured on a page of repeated paragraphs, 10 MB took 1.9 s and 245 MB
 * peak RSS, 50 MB took 10 s and 830 MB. The largest of the 255 evaluation pages (Zyte dev, Readability's tests) is 1.6 MB.
 */
export const MAX_HTML_LENGTH = 10 * 1024 * 1024

// ---------------------------------------------------------------------------------------------
// Small tree helpers. Every walk is iterative (explicit stack): pages nested 100,000 levels deep
// (seen in fuzzed and broken CMS output) must not overflow the call stack.

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

function childrenOf(node: AnyNode): readonly AnyNode[] {
  return 'children' in node ? (node.children as AnyNode[]) : []
}

/** All elements under `root` in document order, skipping subtrees for which `skip` is true. */
function elementsUnder(root: AnyNode, skip?: (el: Element) => boolean): Element[] {
  const out: Element[] = []
  const stack: AnyNode[] = [...childrenOf(root)].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (!isElement(node)) continue
    if (skip?.(node)) continue
    out.push(node)
    const kids = node.children
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return out
}

/** Text content of a subtree with whitespace collapsed, skipping `dropped` elements. */
function textOf(root: AnyNode, dropped?: ReadonlySet<AnyNode>): string {
  const parts: string[] = []
  const stack: AnyNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (dropped?.has(node)) continue
    if (node.type === 'text') parts.push((node as { data: string }).data)
    else if (isElement(node)) {
      if (node.name === 'script' || node.name === 'style') continue
      if (BLOCK_TAGS.has(node.name)) parts.push(' ')
      const kids = node.children
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
    }
  }
  return collapse(parts.join(''))
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim()
}

function attr(el: Element, name: string): string {
  return el.attribs[name] ?? ''
}

function classAndId(el: Element): string {
  return `${attr(el, 'class')} ${attr(el, 'id')}`.trim()
}

// ---------------------------------------------------------------------------------------------
// Metadata

interface JsonLdArticle {
  headline?: string
  author?: string
  datePublished?: string
  publisher?: string
  articleBody?: string
  inLanguage?: string
  url?: string
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return collapse(v) || undefined
  if (typeof v === 'number') return String(v)
  return undefined
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return collapse(v) || undefined
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x)
    return names.length ? [...new Set(names)].join(', ') : undefined
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>)['name'])
  return undefined
}

/** Flattens JSON-LD blocks (arrays, @graph) iteratively and returns the first article-like object. */
/**
 * JSON-LD `headline` vs `name`: Wikipedia's JSON-LD has name "New Zealand" and headline
 * "constitutional monarchy in Oceania"; when they differ, the one the <title> contains wins.
 */
function pickHeadline(headline: string | undefined, name: string | undefined, docTitle: string): string | undefined {
  if (!headline || !name || headline === name) return headline ?? name
  const t = docTitle.toLowerCase()
  const inTitle = (x: string) => t.includes(x.toLowerCase())
  if (inTitle(name) && !inTitle(headline)) return name
  return headline
}

function readJsonLd(scripts: readonly Element[], docTitle: string): JsonLdArticle | null {
  let best: Record<string, unknown> | null = null
  let bestRank = -1
  for (const script of scripts) {
    let data: unknown
    try {
      const raw = script.children.map((c) => (c.type === 'text' ? (c as { data: string }).data : '')).join('')
      data = JSON.parse(raw.replace(/^\s*(?:<!--)?\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*(?:-->)?\s*$|^\s*<!--|-->\s*$/g, ''))
    } catch {
      continue
    }
    const stack: unknown[] = [data]
    let guard = 0
    while (stack.length && guard++ < 10_000) {
      const item = stack.pop()
      if (Array.isArray(item)) { stack.push(...item); continue }
      if (!item || typeof item !== 'object') continue
      const obj = item as Record<string, unknown>
      if (Array.isArray(obj['@graph'])) stack.push(...(obj['@graph'] as unknown[]))
      const types = ([] as unknown[]).concat(obj['@type'] ?? []).map(String)
      const match = types.find((t) => ARTICLE_TYPES.test(t))
      if (!match) continue
      // A WebPage is only a fallback: real article types carry the headline and the dates.
      const rank = match === 'WebPage' ? 0 : obj['articleBody'] ? 3 : obj['headline'] ? 2 : 1
      if (rank > bestRank) { best = obj; bestRank = rank }
    }
  }
  if (!best) return null
  const publisher = best['publisher']
  return {
    headline: pickHeadline(str(best['headline']), bestRank > 0 ? str(best['name']) : undefined, docTitle),
    author: nameOf(best['author']) ?? nameOf(best['creator']),
    datePublished: str(best['datePublished']) ?? str(best['dateCreated']),
    publisher: nameOf(publisher),
    articleBody: typeof best['articleBody'] === 'string' ? best['articleBody'] : undefined,
    inLanguage: str(best['inLanguage']),
    url: str(best['url']),
  }
}

/** Parses a date string into ISO 8601, keeping strings that already are ISO 8601. */
export function toIsoDate(raw: string | undefined | null): string | null {
  if (!raw) return null
  const s = raw.trim()
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s.replace(' ', 'T')
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`
  if (!/\d{4}/.test(s)) return null
  const t = Date.parse(s)
  if (Number.isNaN(t)) return null
  const year = new Date(t).getUTCFullYear()
  if (year < 1990 || year > 2100) return null
  return new Date(t).toISOString()
}

function resolveUrl(href: string, base: string | undefined): string | null {
  try {
    return new URL(href, base).href
  } catch {
    return /^https?:\/\//i.test(href) ? href : null
  }
}

/** `<title>` without the site-name part (" | Site", " - Site"), following Readability's rules. */
function cleanDocTitle(raw: string, h1s: readonly string[]): string {
  const orig = collapse(raw)
  let title = orig
  if (TITLE_SEPARATOR.test(orig)) {
    const parts = orig.split(TITLE_SEPARATOR)
    // Drop the last part (usually the site); if what remains is too short, take the part after the first separator.
    title = orig.replace(/^(.*)\s+[|\-–—\\/>»·:]{1,2}\s+.*$/, '$1')
    if (title.split(' ').length < 3 && parts.length > 1) title = parts.slice(1).join(' - ')
  }
  // "h1 when it agrees": a single h1 contained in the <title> is the cleanest headline.
  const h1 = h1s.find((h) => h.length > 10 && orig.startsWith(h) && h.length >= title.length)
  if (h1) return h1
  if (title.split(' ').length < 3 && orig.split(' ').length <= 5) return orig
  return title
}

interface PageMeta {
  title: string | null
  byline: string | null
  published: string | null
  site: string | null
  language: string | null
  url: string | null
  articleBody: string | null
  altTitles: string[]
  altBylines: string[]
  /** Author from our wider metadata search (any JSON-LD article type, more meta names). */
  ownByline: string | null
}

function readMeta(all: readonly Element[], options: ExtractHtmlOptions): PageMeta {
  const meta = new Map<string, string>()
  let docTitle = ''
  let htmlLang = ''
  let canonical = ''
  const ldScripts: Element[] = []
  const h1s: string[] = []
  let relAuthor = ''
  let bylineText = ''
  let timeAttr = ''
  for (const el of all) {
    switch (el.name) {
      case 'meta': {
        const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop') || attr(el, 'http-equiv')).toLowerCase().trim()
        const content = collapse(attr(el, 'content'))
        if (key && content) for (const k of key.split(/\s+/)) if (!meta.has(k)) meta.set(k, content)
        break
      }
      case 'title':
        if (!docTitle && !hasAncestor(el, 'svg')) docTitle = textOf(el)
        break
      case 'html':
        if (!htmlLang) htmlLang = attr(el, 'lang') || attr(el, 'xml:lang')
        break
      case 'link':
        if (!canonical && /(?:^|\s)canonical(?:\s|$)/i.test(attr(el, 'rel'))) canonical = attr(el, 'href')
        break
      case 'script':
        if (/ld\+json/i.test(attr(el, 'type'))) ldScripts.push(el)
        break
      case 'h1':
        if (h1s.length < 5) h1s.push(textOf(el))
        break
      case 'time':
        // The first <time datetime> is usually the article's (blogs, Al Jazeera); an explicit pubdate/itemprop wins.
        if (attr(el, 'datetime') && (!timeAttr || 'pubdate' in el.attribs || attr(el, 'itemprop') === 'datePublished')) timeAttr = attr(el, 'datetime')
        break
    }
    if (!relAuthor && (attr(el, 'rel') === 'author' || attr(el, 'itemprop') === 'author') && el.name !== 'link' && el.name !== 'meta') {
      const t = textOf(el)
      if (t && t.length < 100) relAuthor = t
    }
    if (!bylineText && /byline|author|writtenby|p-author/i.test(classAndId(el)) && !/avatar|image|photo|bio|comment/i.test(classAndId(el))) {
      const t = textOf(el)
      if (t && t.length < 100) bylineText = t
    }
  }
  const ld = readJsonLd(ldScripts, docTitle)
  const firstMeta = (keys: readonly string[]): string | undefined => {
    for (const k of keys) {
      const v = meta.get(k)
      if (v) return v
    }
    return undefined
  }

  // Readability's metadata chain first (see readability-meta.ts), then our wider search.
  const rm = readabilityMeta(all)
  const metaTitle = firstMeta(TITLE_META.filter((k) => k !== 'title'))
  const ownTitle = ld?.headline ?? metaTitle ?? (docTitle ? cleanDocTitle(docTitle, h1s) : undefined) ?? h1s[0] ?? null
  const title = rm.title ?? ownTitle

  let ownByline: string | undefined = ld?.author
  if (!ownByline) {
    const m = firstMeta(AUTHOR_META)
    if (m && !/^https?:\/\//.test(m) && !m.startsWith('@')) ownByline = m
  }
  // The byline in the page body (Readability's walk) is looked for only when no metadata names one.
  let byline = rm.byline
  const bodyByline = relAuthor || bylineText || undefined
  if (byline) byline = byline.replace(/^by\s+/i, '').trim() || undefined

  let published = toIsoDate(rm.publishedTime) ?? toIsoDate(ld?.datePublished) ?? toIsoDate(firstMeta(DATE_META)) ?? toIsoDate(timeAttr)
  if (!published) {
    // Dates in the URL path: /2019/11/18/slug (WordPress, VentureBeat, most news CMSs).
    const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_]|$)/.exec(canonical || options.url || '')
    if (m) published = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  }

  const site = rm.siteName ?? meta.get('og:site_name') ?? ld?.publisher ?? meta.get('application-name') ?? null
  let language = htmlLang || meta.get('content-language') || meta.get('og:locale') || ld?.inLanguage || meta.get('language') || null
  if (language) language = language.trim().replace(/_/g, '-') || null

  const urlRaw = canonical || meta.get('og:url') || ''
  const url = (urlRaw ? resolveUrl(urlRaw, options.url) : null) ?? options.url ?? null

  return {
    title: title ? collapse(title) : null,
    byline: byline ? collapse(byline) : null,
    published, site, language, url,
    articleBody: ld?.articleBody ?? null,
    // Other candidates for the headline and byline lines that dropPageLines removes from the text.
    altTitles: [ownTitle, ld?.headline].filter((x): x is string => !!x && x !== title),
    altBylines: [ownByline, bodyByline].filter((x): x is string => !!x),
    ownByline: ownByline ?? null,
  }
}

function hasAncestor(el: AnyNode, name: string, maxDepth = 50): boolean {
  let p = el.parent
  for (let i = 0; p && i < maxDepth; i++, p = p.parent) if (isElement(p) && p.name === name) return true
  return false
}

// ---------------------------------------------------------------------------------------------
// Main text

interface Stats {
  textLen: number
  linkLen: number
  commas: number
  p: number
  img: number
  li: number
  input: number
  embed: number
  headingLen: number
}

function isHidden(el: Element): boolean {
  if ('hidden' in el.attribs) return true
  if (el.attribs['aria-hidden'] === 'true' && !/fallback-image/.test(attr(el, 'class'))) return true
  const style = el.attribs['style']
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

/** Decides which elements are dropped before scoring (furniture, hidden, and — when `strict` — unlikely by class). */
function dropFurniture(body: AnyNode, strict: boolean): Set<AnyNode> {
  const dropped = new Set<AnyNode>()
  const stack: AnyNode[] = [...childrenOf(body)]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'comment' || node.type === 'directive') { dropped.add(node); continue }
    if (!isElement(node)) continue
    const name = node.name
    let drop = DROP_TAGS.has(name) || isHidden(node) || DROP_ROLES.has(attr(node, 'role'))
    // itemprop="articleBody" is the page's own word for where the article is: never "unlikely"
    // (The Independent's article body has id "gigya-share-btns-2_gig_containerParent").
    if (!drop && strict && name !== 'body' && name !== 'a' && name !== 'html' && name !== 'article' && name !== 'main' && attr(node, 'itemprop') !== 'articleBody') {
      const ci = classAndId(node)
      if (ci) {
        // WordPress/Drupal pages wrap comments, share bars and newsletters in divs named after them.
        if (UNLIKELY_CLASS.test(ci) && !MAYBE_CANDIDATE_CLASS.test(ci)) drop = true
        else if (AD_CLASS.test(ci)) drop = true
      }
      if (!drop && name === 'header') drop = true
    }
    if (drop) { dropped.add(node); continue }
    for (const kid of node.children) stack.push(kid)
  }
  return dropped
}

/** Bottom-up statistics per element (iterative post-order), ignoring dropped subtrees. */
function computeStats(root: AnyNode, dropped: ReadonlySet<AnyNode>): Map<Element, Stats> {
  const stats = new Map<Element, Stats>()
  const stack: { node: AnyNode; exit: boolean }[] = [{ node: root, exit: false }]
  const zero = (): Stats => ({ textLen: 0, linkLen: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, headingLen: 0 })
  while (stack.length) {
    const frame = stack.pop()!
    const node = frame.node
    if (dropped.has(node)) continue
    if (!frame.exit) {
      if (isElement(node) || node.type === 'root') {
        stack.push({ node, exit: true })
        for (const kid of childrenOf(node)) stack.push({ node: kid, exit: false })
      } else if (node.type === 'text') {
        const parent = node.parent
        if (parent && isElement(parent)) {
          const data = (node as { data: string }).data
          const s = stats.get(parent) ?? zero()
          const t = data.replace(/\s+/g, ' ')
          s.textLen += t.trim() ? t.length : 0
          s.commas += (data.match(/[,，、]/g) ?? []).length
          stats.set(parent, s)
        }
      }
      continue
    }
    if (!isElement(node)) continue
    const s = stats.get(node) ?? zero()
    stats.set(node, s)
    const name = node.name
    if (name === 'a') s.linkLen = s.textLen
    else if (name === 'p') s.p++
    // Readability turns a div without block children into a <p> before counting: do the same.
    else if (name === 'div' && s.textLen > 0 && !hasBlockChild(node, dropped)) s.p++
    else if (name === 'img' || name === 'picture') s.img++
    else if (name === 'li') s.li++
    else if (name === 'input') s.input++
    else if (name === 'embed' || name === 'object' || name === 'iframe') s.embed++
    if (/^h[1-6]$/.test(name)) s.headingLen = s.textLen
    const parent = node.parent
    if (parent && isElement(parent)) {
      const ps = stats.get(parent) ?? zero()
      ps.textLen += s.textLen
      ps.linkLen += s.linkLen
      ps.commas += s.commas
      ps.p += s.p
      ps.img += s.img
      ps.li += s.li
      ps.input += s.input
      ps.embed += s.embed
      ps.headingLen += s.headingLen
      stats.set(parent, ps)
    }
  }
  return stats
}

/**
 * Readability's class weight, except that a positive class and id together count once: page
 * wrappers named `<div id="page" class="page-layout">` otherwise start 50 points up and beat the
 * article body (The Hill).
 */
function classWeight(el: Element): number {
  let w = 0
  let positive = false
  for (const v of [attr(el, 'class'), attr(el, 'id')]) {
    if (!v) continue
    if (NEGATIVE_CLASS.test(v)) w -= 25
    if (POSITIVE_CLASS.test(v)) positive = true
  }
  return positive ? w + 25 : w
}

function tagBase(name: string): number {
  switch (name) {
    case 'div': case 'article': case 'main': case 'section': return 5
    case 'pre': case 'td': case 'blockquote': return 3
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5
    default: return 0
  }
}

function hasBlockChild(el: Element, dropped: ReadonlySet<AnyNode>): boolean {
  for (const kid of el.children) if (isElement(kid) && !dropped.has(kid) && BLOCK_TAGS.has(kid.name) && kid.name !== 'br') return true
  return false
}

/** Length of the text that sits directly in `el` (text nodes and inline children, not blocks). */
function directInlineText(el: Element, dropped: ReadonlySet<AnyNode>): string {
  let out = ''
  for (const kid of el.children) {
    if (dropped.has(kid)) continue
    if (kid.type === 'text') out += (kid as { data: string }).data
    else if (isElement(kid) && !BLOCK_TAGS.has(kid.name)) out += ' ' + textOf(kid, dropped)
  }
  return collapse(out)
}

interface Candidate { el: Element; score: number }

/** Readability-style scoring: paragraphs credit their ancestors; returns the scored candidates. */
function scoreCandidates(body: Element | Document, elements: readonly Element[], dropped: ReadonlySet<AnyNode>, stats: Map<Element, Stats>): Map<Element, Candidate> {
  const cands = new Map<Element, Candidate>()
  const init = (el: Element): Candidate => {
    let c = cands.get(el)
    if (!c) {
      c = { el, score: tagBase(el.name) + classWeight(el) }
      cands.set(el, c)
    }
    return c
  }
  const credit = (start: Element | null, score: number) => {
    let level = 0
    for (let a: AnyNode | null = start; a && isElement(a) && level < 5; a = a.parent, level++) {
      if (a === body) break
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3
      init(a).score += score / div
    }
  }
  for (const el of elements) {
    let text: string | null = null
    let parent: Element | null = null
    if (SCORE_TAGS.has(el.name)) {
      text = textOf(el, dropped)
      parent = el.parent && isElement(el.parent) ? el.parent : null
    } else if (el.name === 'div' || el.name === 'section' || el.name === 'article') {
      // Blogs and old CMSs put paragraphs straight into a div separated by <br>: score that text too.
      if (!hasBlockChild(el, dropped)) {
        text = textOf(el, dropped)
        parent = el.parent && isElement(el.parent) ? el.parent : null
      } else {
        const direct = directInlineText(el, dropped)
        if (direct.length >= 25) { text = direct; parent = el }
      }
    }
    if (text === null || text.length < 25) continue
    const s = stats.get(el)
    if (s && s.textLen > 0 && s.linkLen / s.textLen > 0.8 && el.name !== 'div') continue
    const score = 1 + (text.match(/[,，、]/g) ?? []).length + Math.min(Math.floor(text.length / 100), 3)
    credit(parent, score)
  }
  for (const c of cands.values()) {
    const s = stats.get(c.el)
    const ld = s && s.textLen ? s.linkLen / s.textLen : 0
    c.score *= 1 - ld
  }
  // A "You may also like" block of teasers, and every teaser in it, is never the article.
  const related = new Set<AnyNode>()
  for (const c of cands.values()) if (startsRelatedBlock(c.el, true)) related.add(c.el)
  if (related.size) {
    for (const c of cands.values()) {
      let level = 0
      for (let p: AnyNode | null = c.el; p && level < 8; p = p.parent, level++) {
        if (related.has(p)) { c.score *= 0.1; break }
      }
    }
  }
  return cands
}

/** Picks the top candidate, climbing to a shared ancestor when several strong candidates sit under it. */
function pickTop(cands: Map<Element, Candidate>, body: Element | Document, stats: Map<Element, Stats>): Element | null {
  const sorted = [...cands.values()].sort((a, b) => b.score - a.score)
  const top = sorted[0]
  if (!top) return null
  let el = top.el
  // Several high-scoring blocks under one ancestor (articles split by ads into several divs): take the ancestor.
  const alternatives = sorted.slice(1, 5)
    .filter((c) => c.score / top.score >= 0.75 && !contains(c.el, top.el) && !contains(top.el, c.el))
    // An alternative must hold text, not just a promising class name ("page-bottom" under a footer).
    .filter((c) => (stats.get(c.el)?.textLen ?? 0) >= 0.25 * (stats.get(top.el)?.textLen ?? 0))
    .map((c) => c.el)
  // Wired splits one story into several equal "article__body" chunks a few levels apart.
  if (alternatives.length >= 1) {
    const need = Math.min(2, alternatives.length)
    let level = 0
    for (let p: AnyNode | null = el.parent; p && p !== body && isElement(p); p = p.parent, level++) {
      if (alternatives.length < 2 && level >= 4) break
      let contained = 0
      for (const alt of alternatives) if (contains(p, alt)) contained++
      if (contained >= need) { el = p; break }
    }
  }
  // The only child of its parent: the parent is the better container.
  while (el.parent && isElement(el.parent) && el.parent !== body && el.parent.children.filter(isElement).length === 1) el = el.parent
  return el
}

function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true
  return false
}

/** The top candidate plus siblings that score close to it or look like article paragraphs. */
function gatherSiblings(top: Element, cands: Map<Element, Candidate>, stats: Map<Element, Stats>, dropped: ReadonlySet<AnyNode>): Element[] {
  const parent = top.parent
  if (!parent || !isElement(parent)) return [top]
  const topScore = cands.get(top)?.score ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const out: Element[] = []
  for (const sib of parent.children) {
    if (!isElement(sib) || dropped.has(sib)) continue
    if (sib === top) { out.push(sib); continue }
    if (startsRelatedBlock(sib)) continue
    let bonus = 0
    if (attr(sib, 'class') && attr(sib, 'class') === attr(top, 'class')) bonus += topScore * 0.2
    const c = cands.get(sib)
    if (c && c.score + bonus >= threshold) { out.push(sib); continue }
    // CNN writes paragraphs as <div class="zn-body__paragraph"> beside the top container: a div
    // without block children is a paragraph too.
    if (sib.name === 'p' || (sib.name === 'div' && !hasBlockChild(sib, dropped))) {
      const s = stats.get(sib)
      const len = s?.textLen ?? 0
      const ld = s && len ? s.linkLen / len : 0
      const text = textOf(sib, dropped)
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(text))) out.push(sib)
    }
  }
  return out
}

/**
 * A block that opens with a "related posts" heading ("You may also like", "Você pode gostar...",
 * a heading whose class says related): WordPress themes put such blocks, as articles with the
 * same classes as the post, right after it.
 */
function startsRelatedBlock(el: Element, headingOnly = false): boolean {
  const first = el.children.find((k) => isElement(k) || (k.type === 'text' && (k as { data: string }).data.trim() !== ''))
  if (!first || !isElement(first) || !(headingOnly ? /^h[1-6]$/ : /^(?:h[1-6]|header|div|p|span|strong)$/).test(first.name)) return false
  if (/related|recommend|you-may|also-like/i.test(classAndId(first)) && /^h[1-6]$/.test(first.name)) return true
  const text = textOf(first)
  return text.length < 80 && RELATED_HEADING.test(text)
}

/** Readability's "clean conditionally": drops link lists, image galleries and form-like blocks inside the article. */
function cleanInside(roots: readonly Element[], dropped: Set<AnyNode>, stats: Map<Element, Stats>, cands: Map<Element, Candidate>, best: Element | null): void {
  // The best-scoring container and its ancestors hold the article: never clean them away.
  const keep = new Set<AnyNode>()
  for (let p: AnyNode | null = best; p; p = p.parent) keep.add(p)
  const bestScore = best ? cands.get(best)?.score ?? 0 : 0
  for (const root of roots) {
    const stack: AnyNode[] = [...root.children]
    while (stack.length) {
      const node = stack.pop()!
      if (!isElement(node) || dropped.has(node)) continue
      if (keep.has(node)) { for (const kid of node.children) stack.push(kid); continue }
      const name = node.name
      const ci = classAndId(node)
      const s = stats.get(node)
      // Bylines and datelines inside the article body (news templates put "By X | May 3" above the text).
      if (ci && BYLINE_CLASS.test(ci) && (s?.textLen ?? 0) < 200 && !/content|body|article|entry-content/i.test(ci)) { dropped.add(node); continue }
      if (name === 'figure' || name === 'figcaption' || name === 'picture') { dropped.add(node); continue }
      if (/^(?:div|section|article|aside|ul)$/.test(name) && startsRelatedBlock(node, true)) { dropped.add(node); continue }
      if (s && /^(?:div|section|ul|ol|table|dl|fieldset|header)$/.test(name)) {
        const weight = classWeight(node)
        const score = cands.get(node)?.score ?? 0
        const isList = name === 'ul' || name === 'ol'
        const ld = s.textLen ? s.linkLen / s.textLen : 0
        let remove = weight + score < 0
        // A block that earned much of the best score from its own paragraphs is article text (Blogger posts
        // written as <div>/<br> with photos, where the p/img ratio test would misfire).
        const strong = score >= bestScore * 0.3
        if (!remove && !strong && s.commas < 10) {
          const headingDensity = s.textLen ? s.headingLen / s.textLen : 0
          if (s.img > 1 && s.p / s.img < 0.5) remove = true
          else if (!isList && s.li > s.p + 1 && ld > 0.3) remove = true
          else if (s.input > Math.floor(s.p / 3)) remove = true
          else if (!isList && headingDensity < 0.9 && s.textLen < 25 && (s.img === 0 || s.img > 2) && ld > 0) remove = true
          else if (!isList && weight < 25 && ld > 0.2 && s.textLen < 1000) remove = true
          else if (weight >= 25 && ld > 0.5) remove = true
          else if (isList && ld > 0.5) remove = true
          else if ((s.embed === 1 && s.textLen < 75) || s.embed > 1) remove = true
        }
        if (remove) { dropped.add(node); continue }
      }
      for (const kid of node.children) stack.push(kid)
    }
  }
}

/** Renders elements as lines: block elements and <br> break lines; whitespace collapsed. */
function renderLines(roots: readonly AnyNode[], dropped: ReadonlySet<AnyNode>): string[] {
  const lines: string[] = []
  let buf = ''
  const flush = () => {
    const line = collapse(buf)
    if (line) lines.push(line)
    buf = ''
  }
  const stack: { node: AnyNode; exit: boolean }[] = []
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, exit: false })
  while (stack.length) {
    const { node, exit } = stack.pop()!
    if (dropped.has(node)) continue
    if (node.type === 'text') { buf += (node as { data: string }).data; continue }
    if (!isElement(node)) continue
    const block = BLOCK_TAGS.has(node.name)
    if (exit) { if (block) flush(); continue }
    if (node.name === 'script' || node.name === 'style') continue
    if (block) flush()
    if (block) stack.push({ node, exit: true })
    else buf += '' // inline: text flows on
    const kids = node.children
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false })
    if (node.name === 'td' || node.name === 'th') buf += ' '
  }
  flush()
  return lines
}

function tokensOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
}

/** Share of `a`'s tokens that also occur in `b` (bag of words). */
function coverage(a: string, b: string): number {
  const ta = tokensOf(a)
  if (!ta.length) return 1
  const bag = new Map<string, number>()
  for (const t of tokensOf(b)) bag.set(t, (bag.get(t) ?? 0) + 1)
  let hit = 0
  for (const t of ta) {
    const n = bag.get(t) ?? 0
    if (n > 0) { hit++; bag.set(t, n - 1) }
  }
  return hit / ta.length
}

function findBody(doc: Document): Element | Document {
  const stack: AnyNode[] = [...doc.children]
  let guard = 0
  while (stack.length && guard++ < 50) {
    const n = stack.shift()!
    if (isElement(n) && n.name === 'body') return n
    if (isElement(n) && n.name === 'html') stack.push(...n.children)
  }
  return doc
}

function extractText(doc: Document, strict: boolean): string[] {
  const body = findBody(doc)
  const dropped = dropFurniture(body, strict)
  const stats = computeStats(body, dropped)
  const elements = elementsUnder(body, (el) => dropped.has(el))
  const cands = scoreCandidates(body, elements, dropped, stats)
  const top = pickTop(cands, body, stats)
  let best: Element | null = null
  for (const c of cands.values()) if (!best || c.score > (cands.get(best)?.score ?? 0)) best = c.el
  if (!top) return renderLines([body], dropped)
  const parts = gatherSiblings(top, cands, stats, dropped)
  const before = new Set(dropped)
  cleanInside(parts, dropped, stats, cands, best)
  const lines = renderLines(parts, dropped)
  // Cleaning that leaves almost nothing of a long container was wrong: the page is a list of
  // teasers (a front page, an index), and the list is what there is to read.
  const kept = lines.reduce((n, l) => n + l.length, 0)
  if (kept < 200) {
    const uncleaned = renderLines(parts, before)
    if (uncleaned.reduce((n, l) => n + l.length, 0) > Math.max(1000, kept * 10)) return uncleaned
  }
  return lines
}

/**
 * Removes the headline, byline and dateline lines at the top (the Zyte truth holds the body only:
 * news templates such as The Hill's put "By Name - 11/18/19 11:04 PM EST" and "Updated at 1:23 p.m."
 * above the text), then junk lines by the same keyword rules as the plain-text trimmer
 * ("Advertisement", "Share this article", "© 2019 …"), and everything from a "You may also like" /
 * "Related stories" line on when it comes in the last third (cleveland.com, WordPress themes).
 */
function dropPageLines(lines: string[], titles: readonly (string | null)[], bylines: readonly (string | null)[]): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  const ts = new Set(titles.filter((x): x is string => !!x).map(norm).filter(Boolean))
  const bs = new Set(bylines.filter((x): x is string => !!x).map(norm).filter(Boolean))
  const kept = lines.filter((line, i) => {
    if (keywordJunk(line)) return false
    if (i > 5) return true
    const n = norm(line)
    if (ts.has(n)) return false
    if (bs.has(n) || (n.startsWith('by ') && bs.has(n.slice(3)))) return false
    if (line.length < 120 && LEADING_META.test(line)) return false
    return true
  })
  for (let i = Math.floor(kept.length * 0.66); i < kept.length; i++) {
    const line = kept[i]!
    if (line.length < 80 && RELATED_HEADING.test(line)) return kept.slice(0, i)
  }
  return kept
}

function keywordJunk(line: string): boolean {
  for (const rule of JUNK_RULES) if (rule.id !== 'navigation' && line.length <= rule.maxLength && rule.pattern.test(line)) return true
  return false
}

function extractUnsafe(html: string, options: ExtractHtmlOptions): ExtractedArticle {
  const doc = parseDocument(capNesting(html), { decodeEntities: true })
  const all = elementsUnder(doc)
  const meta = readMeta(all, options)
  let lines = extractText(doc, true)
  // Readability's retry: when stripping "unlikely" containers leaves too little, try again without it.
  if (lines.join(' ').length < 500) {
    const loose = extractText(doc, false)
    if (loose.join(' ').length > lines.join(' ').length) lines = loose
  }
  // JSON-LD articleBody: used when the DOM text misses most of it (pages whose body is rendered by script).
  const ldBody = meta.articleBody ? collapseBody(meta.articleBody) : []
  if (ldBody.length) {
    const ldText = ldBody.join(' ')
    if (ldText.length > 200 && coverage(ldText, lines.join(' ')) < 0.6) lines = ldBody
  }
  let byline = meta.byline
  if (!byline) {
    // Readability's byline walk, then its retry without skipping unlikely-looking containers,
    // then the author our wider metadata search found.
    // Readability's own walk is kept as found (minus "By "); what it would not find is cleaned up.
    const strictByline = readabilityDomByline(doc, true)
    if (strictByline) byline = collapse(strictByline).replace(/^by:?\s+/i, '') || null
    else {
      const other = readabilityDomByline(doc, false) ?? meta.ownByline
      byline = other ? cleanByline(collapse(other)) : null
    }
  }
  lines = dropPageLines(lines, [meta.title, ...meta.altTitles], [byline, ...meta.altBylines])
  return {
    title: meta.title,
    byline,
    published: meta.published,
    site: meta.site,
    language: meta.language,
    url: meta.url,
    text: lines.join('\n'),
  }
}

/**
 * A byline found outside Readability's own search without its "By" / "Posted by" lead and a date after the name
 * ("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC" → "Joe Wee"). A byline that starts with the
 * date is left as it is.
 */
function cleanByline(s: string): string | null {
  const out = s
    .replace(/^(?:(?:posted|written|words)\s+)?by:?\s+/i, '')
    .replace(/\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b).*$/i, '')
    .replace(/[\s,|–—-]+$/, '')
  return out || null
}

/** JSON-LD articleBody (sometimes with markup) as lines. */
function collapseBody(body: string): string[] {
  const text = /<\/?[a-z][^>]*>/i.test(body) ? renderLines([parseDocument(body)], new Set()).join('\n') : body
  return text.split(/\n+/).map(collapse).filter(Boolean)
}

/**
 * Extracts the main article and its metadata from an HTML page. Never throws: on any failure it
 * returns an article with null metadata and empty text (with `error` set when the page was refused
 * as too large).
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): ExtractedArticle {
  const empty = (error?: string): ExtractedArticle => ({
    title: null, byline: null, published: null, site: null, language: null, url: options.url ?? null, text: '', ...(error ? { error } : {}),
  })
  try {
    let page = typeof html === 'string' ? html : String(html)
    const max = options.maxLength ?? MAX_HTML_LENGTH
    if (page.length > max) {
      // Inline scripts, styles and comments are most of many oversized pages and never article text.
      page = page.replace(/<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi, ' ')
      if (page.length > max) {
        return empty(`page too large: ${page.length} characters of HTML without scripts and styles, over the limit of ${max} (ExtractHtmlOptions.maxLength); nothing extracted`)
      }
    }
    return extractUnsafe(page, options)
  } catch {
    return empty()
  }
}
