import { createHash } from 'node:crypto'
import type { Analysis, QuoteAct, SpeakerKind } from '../core/types.js'
import { simhash, type SimHash } from './simhash.js'
import type { QuoteSourceKind } from './store.js'

/**
 * What both adapters write for one analysis, computed once in code so the two dialects store the
 * same thing: the article row, one row per quote (with its speaker and source resolved to names and
 * kinds, for querying), and one row per entity.
 */
export interface ArticleRows {
  id: string
  hash: string
  simhash: SimHash | null
  title: string | null
  url: string | null
  /** The publishing outlet: the site name, else the URL's host. */
  outlet: string | null
  published: string | null
  version: string
  json: string
  /** The publication date as the analysis gives it (`published` is normalised for filtering). */
  rawPublished: string | null
  quotes: QuoteRowData[]
  entities: EntityRowData[]
  /** Each entity's name and aliases in lower case (once per entity), for indexed lookup. */
  names: { entityId: string; norm: string }[]
  sources: SourceRowData[]
}

/** A source the article's statements rest on, with its entity resolved to a name. */
export interface SourceRowData {
  ord: number
  sourceId: string
  kind: string
  text: string
  entity: string | null
  count: number | null
  description: string | null
}

export interface QuoteRowData {
  quoteId: string
  kind: string
  /** What the attribution does. */
  act: QuoteAct
  text: string
  speaker: string | null
  speakerKind: SpeakerKind
  speakerEntity: string | null
  sourceKind: QuoteSourceKind
  /** Position in the analysis' quotes. */
  ord: number
  /** The kind of the source the quote cites, when it cites one. */
  citedKind: string | null
}

export interface EntityRowData {
  entityId: string
  name: string
  type: string
  aliases: string
  roles: string
  mentions: number
}

const SPEAKER_TO_SOURCE: Record<SpeakerKind, QuoteSourceKind> = {
  person: 'named',
  organization: 'organization',
  outlet: 'outlet',
  anonymous: 'anonymous',
  unknown: 'unknown',
}

/** SHA-256 of a string, hex. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

/** The rows to store for one analysis. */
export function articleRows(a: Analysis): ArticleRows {
  const entityName = new Map(a.entities.map((e) => [e.id, e.name]))
  const sourceKind = new Map(a.sources.map((s) => [s.id, s.kind]))
  let host: string | null = null
  if (a.url) {
    try {
      host = new URL(a.url).host.replace(/^www\./, '')
    } catch {
      host = null
    }
  }
  return {
    id: a.id,
    hash: sha256(a.text),
    simhash: simhash(a.text),
    title: a.title,
    url: a.url,
    outlet: a.site ?? host,
    published: normalizeDate(a.published),
    version: a.version,
    json: JSON.stringify(a),
    rawPublished: a.published ?? null,
    quotes: a.quotes.map((q, ord) => ({
      quoteId: q.id,
      kind: q.kind,
      act: q.act,
      text: q.text,
      speaker: (q.speaker.entity ? entityName.get(q.speaker.entity) : undefined) ?? q.speaker.name ?? q.speaker.text ?? null,
      speakerKind: q.speaker.kind,
      speakerEntity: q.speaker.entity ?? null,
      sourceKind: (q.source ? sourceKind.get(q.source) : undefined) ?? SPEAKER_TO_SOURCE[q.speaker.kind],
      ord,
      citedKind: (q.source ? sourceKind.get(q.source) : undefined) ?? null,
    })),
    entities: a.entities.map((e) => ({
      entityId: e.id,
      name: e.name,
      type: e.type,
      aliases: JSON.stringify(e.aliases),
      roles: JSON.stringify(e.roles),
      mentions: e.mentions.length,
    })),
    names: a.entities.flatMap((e) => [...new Set([e.name, ...e.aliases].map((n) => n.toLowerCase()))].map((norm) => ({ entityId: e.id, norm }))),
    sources: a.sources.map((src, ord) => ({
      ord,
      sourceId: src.id,
      kind: src.kind,
      text: src.text,
      entity: (src.entity ? entityName.get(src.entity) : undefined) ?? null,
      count: src.count ?? null,
      description: src.description ?? null,
    })),
  }
}

/** An ISO 8601 date or date-time, as given; anything unparseable becomes null (so date filters stay sound). */
function normalizeDate(d: string | null): string | null {
  if (!d) return null
  const t = Date.parse(d)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** An excerpt of `text` around the first word of `query` found in it. */
export function snippetOf(text: string, query: string, width = 80): string {
  const lower = text.toLowerCase()
  let at = -1
  for (const w of query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    at = lower.indexOf(w)
    if (at >= 0) break
  }
  if (at < 0) at = 0
  const start = Math.max(0, at - width / 2)
  const end = Math.min(text.length, at + width)
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ').trim() + (end < text.length ? '…' : '')
}

/** The words of a free-text query, for FTS5 (each quoted, so punctuation cannot break the syntax). */
export function ftsWords(query: string): string[] {
  return query.match(/[\p{L}\p{N}]+/gu) ?? []
}
