import type { Element } from 'domhandler'
import { getElementsByTagName, textContent } from 'domutils'
import { decodeHTML } from 'entities'
import { parseDocument } from 'htmlparser2'

/** One item of an RSS or Atom feed. */
export interface FeedItem {
  id: string | null
  title: string | null
  link: string | null
  published: string | null
  /** The item's content or description, as plain text (one paragraph per line). */
  text: string
}

/** A feed could not be read: not XML, or XML that is neither RSS nor Atom. */
export class FeedError extends Error {}

/** Whether a document starts like an RSS/Atom feed (an XML declaration or root element). */
export function looksLikeFeed(head: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head)
}

/**
 * Reads the items of an RSS 0.9x/1.0/2.0 or Atom feed. Content comes from `content:encoded`,
 * Atom `content`, `description` or `summary`, whichever is longest, converted from HTML to text.
 */
export function parseFeed(xml: string): FeedItem[] {
  if (!looksLikeFeed(xml.slice(0, 4096)))
    throw new FeedError(/^\uFEFF?\s*</.test(xml) ? 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)' : 'not XML (expected an RSS or Atom feed)')
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true })
  const items = [...getElementsByTagName('item', doc.children, true), ...getElementsByTagName('entry', doc.children, true)]
  return items.map((item) => {
    const child = (...names: string[]) => {
      for (const n of names) {
        const el = item.children.find((c): c is Element => c.type === 'tag' && (c as Element).name.toLowerCase() === n)
        if (el) return el
      }
      return undefined
    }
    const text = (...names: string[]) => {
      const el = child(...names)
      const t = el ? textContent(el).trim() : ''
      return t || null
    }
    const linkEl = child('link')
    const link = linkEl ? (linkEl.attribs.href ?? textContent(linkEl).trim()) || null : null
    const bodies = ['content:encoded', 'content', 'description', 'summary'].map((n) => text(n) ?? '')
    const body = bodies.reduce((a, b) => (b.length > a.length ? b : a), '')
    const date = text('pubdate', 'published', 'updated', 'dc:date')
    const parsed = date ? Date.parse(date) : NaN
    return {
      id: text('guid', 'id'),
      title: text('title'),
      link,
      published: Number.isNaN(parsed) ? null : new Date(parsed).toISOString(),
      text: htmlToText(body),
    }
  })
}

/** HTML fragment to plain text: block elements become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return html.trim()
  return decodeHTML(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|blockquote|section|article)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}
