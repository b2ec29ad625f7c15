/**
 * The HTTP JSON API and web UI over a set of analyses held in memory.
 *
 *   GET /api/articles            the articles: [{id, title, published, site, quotes, entities}]
 *   GET /api/articles/:id        one article's full analysis (the JSON contract of PRODUCT.md)
 *   GET /api/search?q=           articles, entities (by name or alias) and quotes whose text matches
 *   GET /api/entities?q=&type=   entities across articles, merged by normalised name
 *   GET /, /articles/:id         the web UI (static files from src/web/)
 *
 * Expected errors are JSON `{error: {code, message}}` with status 400, 404 or 405; anything
 * unexpected is logged to stderr and answered with a bare 500, never with a stack trace.
 * All offsets in the analyses are UTF-16 code units into `text`, as everywhere in newsgraph.
 */
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Analysis, Entity, EntityType, Quote } from '../core/types.js'

/** An expected failure: carries its HTTP status and a stable code. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 405,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export interface ArticleSummary {
  id: string
  title: string | null
  published: string | null
  site: string | null
  quotes: number
  entities: number
}

export interface MergedEntity {
  /** The normalised name the entities were merged on. */
  key: string
  /** The most frequent spelling of the name. */
  name: string
  /** The most frequent type. */
  type: EntityType
  aliases: string[]
  roles: string[]
  /** Number of articles that mention the entity. */
  articles: number
  /** Number of quotes whose speaker is the entity. */
  quotes: number
  mentions: number
  articleIds: string[]
}

export interface QuoteHit {
  article: string
  articleTitle: string | null
  id: string
  kind: Quote['kind']
  text: string
  start: number
  end: number
  speaker: { kind: Quote['speaker']['kind']; name: string | null; entity: string | null }
}

export interface EntityHit {
  article: string
  articleTitle: string | null
  id: string
  name: string
  type: EntityType
  aliases: string[]
}

export interface SearchResult {
  q: string
  articles: ArticleSummary[]
  entities: EntityHit[]
  quotes: QuoteHit[]
  /** Totals before the result lists were cut to `limit`. */
  total: { articles: number; entities: number; quotes: number }
}

const MAX_QUERY_LENGTH = 200
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 500

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/** Lower case, accents and punctuation dropped, white space collapsed: "Sergéi  Lavrov," -> "sergei lavrov". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function summarise(a: Analysis): ArticleSummary {
  return {
    id: a.id,
    title: a.title ?? null,
    published: a.published ?? null,
    site: a.site ?? null,
    quotes: a.quotes?.length ?? 0,
    entities: a.entities?.length ?? 0,
  }
}

function countBy<T extends string>(values: T[]): T | undefined {
  const counts = new Map<T, number>()
  let best: T | undefined
  let bestCount = 0
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > bestCount) {
      best = v
      bestCount = n
    }
  }
  return best
}

/** Merges the entities of all articles by normalised name; sorted by quotes, then articles, then name. */
export function mergeEntities(articles: readonly Analysis[]): MergedEntity[] {
  interface Acc {
    names: string[]
    types: EntityType[]
    aliases: Set<string>
    roles: Set<string>
    articleIds: Set<string>
    quotes: number
    mentions: number
  }
  const byKey = new Map<string, Acc>()
  for (const a of articles) {
    const quotesBy = new Map<string, number>()
    for (const q of a.quotes ?? []) {
      if (q.speaker?.entity) quotesBy.set(q.speaker.entity, (quotesBy.get(q.speaker.entity) ?? 0) + 1)
    }
    for (const e of a.entities ?? []) {
      const key = normaliseName(e.name)
      if (!key) continue
      let acc = byKey.get(key)
      if (!acc) {
        acc = { names: [], types: [], aliases: new Set(), roles: new Set(), articleIds: new Set(), quotes: 0, mentions: 0 }
        byKey.set(key, acc)
      }
      acc.names.push(e.name)
      acc.types.push(e.type)
      for (const alias of e.aliases ?? []) acc.aliases.add(alias)
      for (const role of e.roles ?? []) acc.roles.add(role)
      acc.articleIds.add(a.id)
      acc.quotes += quotesBy.get(e.id) ?? 0
      acc.mentions += e.mentions?.length ?? 0
    }
  }
  const merged: MergedEntity[] = []
  for (const [key, acc] of byKey) {
    const name = countBy(acc.names) ?? key
    acc.aliases.delete(name)
    merged.push({
      key,
      name,
      type: countBy(acc.types) ?? 'MISC',
      aliases: [...acc.aliases].sort(),
      roles: [...acc.roles].sort(),
      articles: acc.articleIds.size,
      quotes: acc.quotes,
      mentions: acc.mentions,
      articleIds: [...acc.articleIds],
    })
  }
  merged.sort((x, y) => y.quotes - x.quotes || y.articles - x.articles || y.mentions - x.mentions || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
  return merged
}

function speakerName(a: Analysis, q: Quote, entities: Map<string, Entity>): string | null {
  if (q.speaker?.entity) {
    const e = entities.get(q.speaker.entity)
    if (e) return e.name
  }
  return q.speaker?.text ?? null
}

/** Lower case without accents, for matching: "María" -> "maria". Not for offsets (lengths change). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

const foldedTexts = new WeakMap<Analysis, string>()

function includesFolded(haystack: string | null | undefined, needle: string): boolean {
  return typeof haystack === 'string' && fold(haystack).includes(needle)
}

/** Case- and accent-insensitive substring search over titles and texts, entity names and aliases, quote texts. */
export function search(articles: readonly Analysis[], q: string, limit = DEFAULT_LIMIT): SearchResult {
  const needle = fold(q)
  const hits: SearchResult = { q, articles: [], entities: [], quotes: [], total: { articles: 0, entities: 0, quotes: 0 } }
  for (const a of articles) {
    let text = foldedTexts.get(a)
    if (text === undefined) {
      text = fold(a.text ?? '')
      foldedTexts.set(a, text)
    }
    if (includesFolded(a.title, needle) || text.includes(needle)) hits.articles.push(summarise(a))
    const byId = new Map((a.entities ?? []).map((e) => [e.id, e]))
    for (const e of a.entities ?? []) {
      if (includesFolded(e.name, needle) || (e.aliases ?? []).some((alias) => includesFolded(alias, needle))) {
        hits.entities.push({ article: a.id, articleTitle: a.title ?? null, id: e.id, name: e.name, type: e.type, aliases: e.aliases ?? [] })
      }
    }
    for (const quote of a.quotes ?? []) {
      if (includesFolded(quote.text, needle)) {
        hits.quotes.push({
          article: a.id,
          articleTitle: a.title ?? null,
          id: quote.id,
          kind: quote.kind,
          text: quote.text,
          start: quote.start,
          end: quote.end,
          speaker: { kind: quote.speaker?.kind ?? 'unknown', name: speakerName(a, quote, byId), entity: quote.speaker?.entity ?? null },
        })
      }
    }
  }
  hits.total = { articles: hits.articles.length, entities: hits.entities.length, quotes: hits.quotes.length }
  hits.articles = hits.articles.slice(0, limit)
  hits.entities = hits.entities.slice(0, limit)
  hits.quotes = hits.quotes.slice(0, limit)
  return hits
}

/** The folder of the web UI: `src/web/` under the package root, found from this module (works from src/ and dist/). */
export function webRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'web', 'index.html'))) return join(dir, 'src', 'web')
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'web')
}

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
}

function readQuery(url: URL, name: string, required: boolean): string | null {
  const values = url.searchParams.getAll(name)
  if (values.length > 1) throw new HttpError(400, 'bad_query', `Expected at most one \`${name}\` parameter, received ${values.length}`)
  const value = (values[0] ?? '').trim()
  if (!value) {
    if (required) throw new HttpError(400, 'missing_query', `Expected a non-empty \`${name}\` parameter, e.g. /api/search?${name}=Lavrov`)
    return null
  }
  if (value.length > MAX_QUERY_LENGTH) {
    throw new HttpError(400, 'query_too_long', `Expected \`${name}\` of at most ${MAX_QUERY_LENGTH} characters, received ${value.length}`)
  }
  return value
}

function readLimit(url: URL): number {
  const raw = url.searchParams.get('limit')
  if (raw === null) return DEFAULT_LIMIT
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_LIMIT) throw new HttpError(400, 'bad_limit', `Expected \`limit\` to be an integer from 1 to ${MAX_LIMIT}, received \`${raw.slice(0, 20)}\``)
  return n
}

const ENTITY_TYPES: readonly string[] = ['PERSON', 'ORG', 'LOC', 'MISC']

interface Reply {
  status: number
  type: string
  body: string | Buffer
  headers?: Record<string, string>
}

function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value), ...(headers ? { headers } : {}) }
}

/**
 * Serves `articles` (analyses, as `analyzeArticle` returns them) over HTTP. Call `.listen()` on the
 * result; the analyses are indexed once, here, and not copied.
 */
export function createServer(articles: Analysis[]): http.Server {
  const byId = new Map<string, Analysis>()
  for (const a of articles) byId.set(a.id, a)
  const list = [...byId.values()]
  let merged: MergedEntity[] | undefined
  const web = webRoot()

  function staticFile(path: string): Reply {
    const entry = STATIC_FILES[path] ?? STATIC_FILES['/']!
    // Read on each request (three small files): an edit shows on reload.
    const body = readFileSync(join(web, entry.file))
    return { status: 200, type: entry.type, body, headers: { 'Cache-Control': 'no-cache' } }
  }

  function route(method: string, url: URL): Reply {
    const path = url.pathname
    const isApi = path === '/api' || path.startsWith('/api/')
    const known = isApi || path in STATIC_FILES || /^\/articles\/[^/]+$/.test(path)
    if (!known) throw new HttpError(404, 'not_found', `No such page: ${path.slice(0, 200)}`)
    if (method !== 'GET' && method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', `Expected GET or HEAD, received ${method.slice(0, 20)}`)
    }
    if (!isApi) return staticFile(path.startsWith('/articles/') ? '/' : path)

    if (path === '/api/articles') return json(200, list.map(summarise))
    const one = /^\/api\/articles\/([^/]+)$/.exec(path)
    if (one) {
      let id: string
      try {
        id = decodeURIComponent(one[1]!)
      } catch {
        throw new HttpError(400, 'bad_path', 'Expected a URL-encoded article id')
      }
      const article = byId.get(id)
      if (!article) throw new HttpError(404, 'article_not_found', `No article with id \`${id.slice(0, 200)}\``)
      return json(200, article)
    }
    if (path === '/api/search') {
      const q = readQuery(url, 'q', true)!
      return json(200, search(list, q, readLimit(url)))
    }
    if (path === '/api/entities') {
      const q = readQuery(url, 'q', false)
      const type = readQuery(url, 'type', false)
      if (type !== null && !ENTITY_TYPES.includes(type)) {
        throw new HttpError(400, 'bad_type', `Expected \`type\` to be one of ${ENTITY_TYPES.join(', ')}, received \`${type}\``)
      }
      const limit = readLimit(url)
      merged ??= mergeEntities(list)
      const needle = q === null ? null : normaliseName(q)
      const qLower = q === null ? null : fold(q)
      const hits = merged.filter(
        (e) =>
          (type === null || e.type === type) &&
          (needle === null ||
            (needle !== '' && e.key.includes(needle)) ||
            fold(e.name).includes(qLower!) ||
            e.aliases.some((alias) => fold(alias).includes(qLower!))),
      )
      return json(200, { q, total: hits.length, entities: hits.slice(0, limit) })
    }
    throw new HttpError(404, 'not_found', `No such API route: ${path.slice(0, 200)}`)
  }

  return http.createServer((req, res) => {
    let reply: Reply
    const method = req.method ?? 'GET'
    try {
      // A fixed base: the Host header is not trusted and not needed.
      const url = new URL(req.url ?? '/', 'http://localhost')
      reply = route(method, url)
    } catch (err) {
      if (err instanceof HttpError) {
        reply = json(err.status, { error: { code: err.code, message: err.message } }, err.status === 405 ? { Allow: 'GET, HEAD' } : undefined)
      } else {
        process.stderr.write(`newsgraph: internal error serving ${method} ${String(req.url).slice(0, 200)}: ${(err as Error)?.stack ?? String(err)}\n`)
        reply = json(500, { error: { code: 'internal', message: 'Internal server error' } })
      }
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body
    res.writeHead(reply.status, {
      ...SECURITY_HEADERS,
      'Content-Type': reply.type,
      'Content-Length': String(body.length),
      ...(reply.type.startsWith('application/json') ? { 'Cache-Control': 'no-store' } : {}),
      ...reply.headers,
    })
    res.end(method === 'HEAD' ? undefined : body)
  })
}
