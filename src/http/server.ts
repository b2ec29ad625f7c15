/**
 * The HTTP JSON API and web UI over a `Store` (SQLite or PostgreSQL). Every route is described in
 * the OpenAPI document served at `/api/openapi.json` (see `openapi.ts`):
 *
 *   GET  /api/articles?limit&offset     the stored articles, oldest first, paginated
 *   POST /api/articles                  analyse {text}|{html}|{url} and store it (Bearer token)
 *   GET  /api/articles/:id              one article's full analysis (the JSON contract of PRODUCT.md)
 *   GET  /api/entities?q=&type=&limit=  entities by name or alias (the most named without q)
 *   GET  /api/entities/:name?limit&offset   one entity: aliases, roles, outlets; quotes, meetings, events from its newest articles
 *   GET  /api/quotes?speaker&outlet&kind&act&since&limit   act: one act, `statement`, or a comma list
 *   GET  /api/events?type&actor&limit
 *   GET  /api/outlets?limit             outlets, most articles first, with how their articles are sourced
 *   GET  /api/outlets/:name             one outlet: sourcing by month, anonymous-source descriptions, newest articles
 *   GET  /api/sources?outlet&kind&q&limit   the sources statements rest on (named, organization, outlet, document, anonymous)
 *   GET  /api/search?q=&limit           articles (full text), entities and quotes
 *   GET  /api/export?format=jsonl|csv   the whole store
 *   GET  /, /articles/:id, /entities/:name, /outlets, /outlets/:name, /search   the web UI (static files from src/web/)
 *
 * Expected errors are JSON `{error: {code, message}}` (400, 401, 404, 405, 413, 415, 422); anything
 * unexpected is logged and answered with a bare 500, never with a stack trace. Every response
 * carries a strict Content-Security-Policy and `X-Content-Type-Options: nosniff`.
 * All offsets in analyses are UTF-16 code units into `text`, as everywhere in newsgraph.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Analysis } from '../core/types.js'
import { analyzeArticle, type ArticleInput } from '../pipeline.js'
import { exportLines } from '../store/export-lines.js'
import { QUOTE_ACT_FILTERS, QUOTE_SOURCE_KINDS, quoteActs, type QuoteSourceKind, type Store } from '../store/store.js'
import { entityProfile } from './entity-profile.js'
import { HttpError } from './http-error.js'
import { openApiDocument } from './openapi.js'

export { HttpError } from './http-error.js'

/** A page fetched for `POST /api/articles {url}`: its decoded text, and whether it is HTML. */
export interface FetchedPage {
  url: string | null
  text: string
  isHtml: boolean
}

export interface ServerOptions {
  /** The Bearer token that `POST /api/articles` needs. Without one, writes are refused (403). */
  token?: string
  /** Fetches a URL for `POST /api/articles {url}` (the CLI passes its safe fetcher). Without it, `{url}` is refused. */
  fetchPage?: (url: string) => Promise<FetchedPage>
  /** Largest request body, in bytes. Default 1 MB. */
  maxBodyBytes?: number
  /** Analyses a POSTed article (the CLI passes worker threads). Default: `analyzeArticle` in this thread. */
  analyze?: (input: ArticleInput) => Promise<Analysis>
  /**
   * Read answers kept while the store is unchanged (most recently used first, 32 MB at most in
   * all). Default 256; 0 turns the cache off.
   */
  cacheEntries?: number
  /** Where unexpected errors are logged. Default process.stderr. */
  log?: { write(s: string): unknown }
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
const MAX_QUERY_LENGTH = 200
const DEFAULT_LIMIT = 50
/** Articles an entity page reads by default for quotes, meetings and events (newest first; `offset` pages on). */
const ENTITY_PAGE_ARTICLES = 20
const MAX_LIMIT = 500
/** Read answers kept by default (see `cached`). */
const CACHED_READS = 256
const CACHED_BYTES = 32 * 1024 * 1024
const ENTITY_TYPES: readonly string[] = ['PERSON', 'ORG', 'LOC', 'MISC']
const SOURCE_KINDS = ['named', 'organization', 'outlet', 'document', 'anonymous'] as const
const DATE = /^\d{4}-\d{2}-\d{2}$/

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
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
  '/graph.js': { file: 'graph.js', type: 'text/javascript; charset=utf-8' },
  '/chart.js': { file: 'chart.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
}

/**
 * The UI's libraries, served from the installed packages (no network beyond this server):
 * Cytoscape.js draws the network of meetings, Chart.js the outlet charts.
 */
const VENDOR_FILES: Record<string, { pkg: string; file: string; type: string }> = {
  '/vendor/cytoscape.min.js': { pkg: 'cytoscape', file: 'cytoscape.min.js', type: 'text/javascript; charset=utf-8' },
  '/vendor/chart.umd.min.js': { pkg: 'chart.js', file: 'chart.umd.min.js', type: 'text/javascript; charset=utf-8' },
}
const requireFromHere = createRequire(import.meta.url)
const vendorCache = new Map<string, Buffer>()
function vendorFile(path: string): Buffer {
  let body = vendorCache.get(path)
  if (!body) {
    // Neither package exports its browser build: it sits beside the main file, in dist/.
    const { pkg, file } = VENDOR_FILES[path]!
    body = readFileSync(join(dirname(requireFromHere.resolve(pkg)), file))
    vendorCache.set(path, body)
  }
  return body
}

/** UI pages: each is index.html; app.js renders the page from the path. */
const UI_PAGE = /^\/(?:search|outlets|articles\/[^/]+|entities\/[^/]+|outlets\/[^/]+)$/

interface Reply {
  status: number
  type: string
  body: string | Buffer | AsyncIterable<string>
  headers?: Record<string, string>
}

function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value), ...(headers ? { headers } : {}) }
}

/** The query parameters of one route: unknown or repeated ones are a 400 that lists what is expected. */
class Query {
  constructor(
    private readonly url: URL,
    allowed: readonly string[],
  ) {
    for (const name of new Set(url.searchParams.keys())) {
      if (!allowed.includes(name))
        throw new HttpError(400, 'unknown_parameter', `Unknown parameter \`${name.slice(0, 40)}\` for ${url.pathname}, expected ${allowed.length ? allowed.map((a) => `\`${a}\``).join(', ') : 'none'}`)
      const n = url.searchParams.getAll(name).length
      if (n > 1) throw new HttpError(400, 'bad_query', `Expected at most one \`${name}\` parameter, received ${n}`)
    }
  }

  string(name: string, required = false): string | null {
    const value = (this.url.searchParams.get(name) ?? '').trim()
    if (!value) {
      if (required) throw new HttpError(400, 'missing_query', `Expected a non-empty \`${name}\` parameter, e.g. ${this.url.pathname}?${name}=Lavrov`)
      return null
    }
    if (value.length > MAX_QUERY_LENGTH) throw new HttpError(400, 'query_too_long', `Expected \`${name}\` of at most ${MAX_QUERY_LENGTH} characters, received ${value.length}`)
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const v = this.string(name)
    if (v !== null && !allowed.includes(v as T)) throw new HttpError(400, `bad_${name}`, `Expected \`${name}\` to be one of ${allowed.join(', ')}, received \`${v.slice(0, 40)}\``)
    return v as T | null
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.url.searchParams.get(name)
    if (raw === null) return fallback
    const n = Number(raw)
    if (!/^\d+$/.test(raw) || n < min || n > max) throw new HttpError(400, `bad_${name}`, `Expected \`${name}\` to be an integer from ${min} to ${max}, received \`${raw.slice(0, 20)}\``)
    return n
  }

  limit(fallback = DEFAULT_LIMIT): number {
    return this.int('limit', fallback, 1, MAX_LIMIT)
  }

  date(name: string): string | null {
    const v = this.string(name)
    if (v !== null && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) throw new HttpError(400, `bad_${name}`, `Expected \`${name}\` to be a date YYYY-MM-DD, received \`${v.slice(0, 40)}\``)
    return v
  }
}

function pathParam(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'bad_path', `Expected a URL-encoded ${what}`)
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest()

/**
 * Reads a request body. Past `max` bytes it keeps reading but drops the rest, and answers 413 at
 * the end, so the client sees the answer rather than a reset; past 16 × `max` it hangs up.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  const tooLarge = () => new HttpError(413, 'body_too_large', `Expected a body of at most ${max} bytes, received ${declared > max ? declared : 'more'}`)
  if (declared > 16 * max) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= max) chunks.push(chunk)
      else if (size > 16 * max) {
        reject(tooLarge())
        req.destroy()
      }
    })
    req.on('end', () => (size > max ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))))
    req.on('error', reject)
  })
}


/** Checks a `POST /api/articles` body: one of text, html, url (strings), with optional title and published. */
function articleInput(body: string): { input: ArticleInput; url: string | null } {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (err) {
    throw new HttpError(400, 'bad_json', `Expected a JSON object like {"text": "..."}, received invalid JSON (${(err as Error).message.slice(0, 100)})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'bad_body', `Expected a JSON object like {"text": "..."}, received ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`)
  const o = value as Record<string, unknown>
  const allowed = ['text', 'html', 'url', 'title', 'published', 'id']
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new HttpError(400, 'bad_body', `Unknown field \`${k.slice(0, 40)}\`, expected ${allowed.join(', ')}`)
  for (const k of allowed) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') throw new HttpError(400, 'bad_body', `Expected \`${k}\` to be a string, received ${typeof o[k]}`)
  }
  const given = ['text', 'html', 'url'].filter((k) => typeof o[k] === 'string' && (o[k] as string).trim() !== '')
  if (given.length !== 1)
    throw new HttpError(400, 'bad_body', `Expected exactly one non-empty field of text, html, url, received ${given.length ? given.join(' and ') : 'none'}`)
  const published = (o.published as string | undefined) ?? null
  if (published !== null && Number.isNaN(Date.parse(published))) throw new HttpError(400, 'bad_body', `Expected \`published\` to be an ISO 8601 date, received \`${published.slice(0, 40)}\``)
  const url = (o.url as string | undefined) ?? null
  if (url !== null && !/^https?:\/\//i.test(url)) throw new HttpError(400, 'bad_body', `Expected \`url\` to be an http(s) URL, received \`${url.slice(0, 80)}\``)
  return {
    url,
    input: {
      id: (o.id as string | undefined) ?? null,
      title: (o.title as string | undefined) ?? null,
      published,
      text: (o.text as string | undefined) ?? null,
      html: (o.html as string | undefined) ?? null,
    },
  }
}

/**
 * Serves the API and the UI over `store`. Call `.listen()` on the result. Reads are answered from
 * the store, and kept (see `cached`) until the store's version moves on.
 *
 * @example createServer(await openStore('./data/newsgraph.db'), { token }).listen(8080, '127.0.0.1')
 */
export function createServer(store: Store, options: ServerOptions = {}): http.Server {
  const web = webRoot()
  const log = options.log ?? process.stderr
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const token = options.token ? sha256(options.token) : null

  function staticFile(path: string): Reply {
    const entry = STATIC_FILES[path] ?? STATIC_FILES['/']!
    // Read on each request (a few small files): an edit shows on reload.
    const body = readFileSync(join(web, entry.file))
    return { status: 200, type: entry.type, body, headers: { 'Cache-Control': 'no-cache' } }
  }

  function authorize(req: http.IncomingMessage): void {
    if (!token) throw new HttpError(403, 'writes_disabled', 'This server accepts no writes: start it with a token (NEWSGRAPH_TOKEN)')
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!m) throw new HttpError(401, 'unauthorized', 'Expected an `Authorization: Bearer <token>` header', { 'WWW-Authenticate': 'Bearer' })
    if (!timingSafeEqual(sha256(m[1]!), token)) throw new HttpError(401, 'unauthorized', 'The Bearer token is not the one this server was started with', { 'WWW-Authenticate': 'Bearer error="invalid_token"' })
  }

  async function postArticle(req: http.IncomingMessage): Promise<Reply> {
    authorize(req)
    const type = String(req.headers['content-type'] ?? '')
    if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', `Expected Content-Type application/json, received \`${type.slice(0, 60) || 'none'}\``)
    const { input, url } = articleInput(await readBody(req, maxBody))
    let article: ArticleInput = input
    if (url !== null) {
      if (!options.fetchPage) throw new HttpError(400, 'bad_body', 'This server does not fetch URLs; send {"text"} or {"html"}')
      let page: FetchedPage
      try {
        page = await options.fetchPage(url)
      } catch (err) {
        throw new HttpError(502, 'fetch_failed', (err as Error).message)
      }
      article = { ...input, url: page.url ?? url, ...(page.isHtml ? { html: page.text, text: null } : { text: page.text, html: null }) }
    }
    const analysis: Analysis = options.analyze ? await options.analyze(article) : analyzeArticle(article)
    const refused = analysis.messages.find((m) => m.severity === 'error')
    if (refused) throw new HttpError(422, 'unprocessable', refused.reason)
    if (!analysis.text.trim()) throw new HttpError(422, 'no_text', 'No article text found in the input')
    const r = await store.put(analysis, { source: url ?? 'api', input: article })
    return json(r.status === 'duplicate' ? 200 : 201, { id: r.id, status: r.status, ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}) })
  }

  /**
   * Answers to reads, kept while the store is unchanged (`Store.version`: a store that cannot tell
   * is never cached). The most recently used `CACHED_READS` are kept, at most `CACHED_BYTES` in all.
   */
  const cacheEntries = options.cacheEntries ?? CACHED_READS
  const cache = new Map<string, { version: string; reply: Reply }>()
  let cachedBytes = 0
  function forget(key: string): void {
    const hit = cache.get(key)
    if (!hit) return
    cachedBytes -= (hit.reply.body as string).length
    cache.delete(key)
  }
  async function cached(key: string, read: () => Promise<Reply>): Promise<Reply> {
    if (cacheEntries === 0) return read()
    const version = await store.version()
    if (version === null) return read()
    const hit = cache.get(key)
    if (hit && hit.version === version) {
      cache.delete(key)
      cache.set(key, hit)
      return hit.reply
    }
    const reply = await read()
    if (reply.status === 200 && typeof reply.body === 'string' && reply.body.length <= CACHED_BYTES / 16 && (await store.version()) === version) {
      forget(key)
      cache.set(key, { version, reply })
      cachedBytes += reply.body.length
      while (cache.size > cacheEntries || cachedBytes > CACHED_BYTES) forget(cache.keys().next().value!)
    }
    return reply
  }

  async function api(method: string, path: string, url: URL, req: http.IncomingMessage): Promise<Reply> {
    if (path === '/api/articles' && method === 'POST') return postArticle(req)
    if (path !== '/api/export') return cached(url.pathname + url.search, () => read(path, url))
    return read(path, url)
  }

  async function read(path: string, url: URL): Promise<Reply> {
    if (path === '/api/openapi.json') {
      new Query(url, [])
      return json(200, openApiDocument())
    }
    if (path === '/api/articles') {
      const q = new Query(url, ['limit', 'offset'])
      const limit = q.limit()
      const offset = q.int('offset', 0, 0, 1e9)
      const [articles, counts] = await Promise.all([store.list({ limit, offset }), store.counts()])
      return json(200, { total: counts.articles, limit, offset, articles })
    }
    const one = /^\/api\/articles\/([^/]+)$/.exec(path)
    if (one) {
      new Query(url, [])
      const id = pathParam(one[1]!, 'article id')
      const article = await store.get(id)
      if (!article) throw new HttpError(404, 'article_not_found', `No article with id \`${id.slice(0, 200)}\``)
      return json(200, article.analysis)
    }
    if (path === '/api/entities') {
      const q = new Query(url, ['q', 'type', 'limit'])
      const text = q.string('q')
      const type = q.oneOf('type', ENTITY_TYPES)
      const limit = q.limit()
      const filter = { limit, ...(type ? { type } : {}) }
      const entities = text === null ? await store.topEntities(filter) : await store.findEntities(text, filter)
      return json(200, { q: text, entities })
    }
    const entity = /^\/api\/entities\/([^/]+)$/.exec(path)
    if (entity) {
      const q = new Query(url, ['limit', 'offset'])
      const limit = q.limit(ENTITY_PAGE_ARTICLES)
      const offset = q.int('offset', 0, 0, 1e9)
      const name = pathParam(entity[1]!, 'entity name')
      if (name.length > MAX_QUERY_LENGTH) throw new HttpError(400, 'query_too_long', `Expected an entity name of at most ${MAX_QUERY_LENGTH} characters, received ${name.length}`)
      const profile = await entityProfile(store, name, { limit, offset })
      if (!profile) throw new HttpError(404, 'entity_not_found', `No entity named \`${name}\` (by name or alias)`)
      return json(200, profile)
    }
    if (path === '/api/quotes') {
      const q = new Query(url, ['speaker', 'outlet', 'kind', 'act', 'since', 'limit'])
      const speaker = q.string('speaker')
      const outlet = q.string('outlet')
      const kind = q.oneOf<QuoteSourceKind>('kind', QUOTE_SOURCE_KINDS)
      const act = q.string('act')
      const acts = act === null ? null : quoteActs(act)
      if (acts && 'unknown' in acts)
        throw new HttpError(400, 'bad_act', `Expected \`act\` to be one of ${QUOTE_ACT_FILTERS.join(', ')} (or a comma list of them), received \`${acts.unknown.slice(0, 40)}\``)
      const since = q.date('since')
      const quotes = await store.quotes({
        limit: q.limit(),
        ...(speaker ? { speaker } : {}),
        ...(outlet ? { outlet } : {}),
        ...(kind ? { kind } : {}),
        ...(act ? { act } : {}),
        ...(since ? { since } : {}),
      })
      return json(200, { quotes })
    }
    if (path === '/api/events') {
      const q = new Query(url, ['type', 'actor', 'limit'])
      const type = q.string('type')
      const actor = q.string('actor')
      const events = await store.events({ limit: q.limit(), ...(type ? { type } : {}), ...(actor ? { actor } : {}) })
      return json(200, { events })
    }
    if (path === '/api/outlets') {
      const q = new Query(url, ['limit'])
      return json(200, { outlets: await store.outlets({ limit: q.limit() }) })
    }
    const outlet = /^\/api\/outlets\/([^/]+)$/.exec(path)
    if (outlet) {
      new Query(url, [])
      const name = pathParam(outlet[1]!, 'outlet name')
      if (name.length > MAX_QUERY_LENGTH) throw new HttpError(400, 'query_too_long', `Expected an outlet name of at most ${MAX_QUERY_LENGTH} characters, received ${name.length}`)
      const detail = await store.outlet(name)
      if (!detail) throw new HttpError(404, 'outlet_not_found', `No articles from an outlet named \`${name}\` (see /api/outlets)`)
      return json(200, detail)
    }
    if (path === '/api/sources') {
      const q = new Query(url, ['outlet', 'kind', 'q', 'limit'])
      const outletName = q.string('outlet')
      const kind = q.oneOf('kind', SOURCE_KINDS)
      const text = q.string('q')
      const sources = await store.sources({ limit: q.limit(), ...(outletName ? { outlet: outletName } : {}), ...(kind ? { kind } : {}), ...(text ? { q: text } : {}) })
      return json(200, { sources })
    }
    if (path === '/api/search') {
      const q = new Query(url, ['q', 'limit'])
      const text = q.string('q', true)!
      const limit = q.limit(20)
      const [articles, entities, quotes] = await Promise.all([store.search(text, { limit }), store.findEntities(text, { limit }), store.searchQuotes(text, { limit })])
      return json(200, { q: text, articles, entities, quotes })
    }
    if (path === '/api/export') {
      const q = new Query(url, ['format'])
      const format = q.oneOf('format', ['jsonl', 'csv'] as const) ?? 'jsonl'
      return {
        status: 200,
        type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        body: exportLines(store, format),
        headers: { 'Content-Disposition': `attachment; filename="newsgraph.${format}"` },
      }
    }
    throw new HttpError(404, 'not_found', `No such API route: ${path.slice(0, 200)}`)
  }

  async function route(req: http.IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET'
    const path = url.pathname
    const isApi = path === '/api' || path.startsWith('/api/')
    const known = isApi || path in STATIC_FILES || path in VENDOR_FILES || UI_PAGE.test(path)
    if (!known) throw new HttpError(404, 'not_found', `No such page: ${path.slice(0, 200)}`)
    const allow = path === '/api/articles' ? 'GET, HEAD, POST' : 'GET, HEAD'
    if (!allow.split(', ').includes(method)) {
      throw new HttpError(405, 'method_not_allowed', `Expected ${allow.replace(/, (\w+)$/, ' or $1')}, received ${method.slice(0, 20)}`, { Allow: allow })
    }
    if (path in VENDOR_FILES) return { status: 200, type: VENDOR_FILES[path]!.type, body: vendorFile(path), headers: { 'Cache-Control': 'public, max-age=86400' } }
    if (!isApi) return staticFile(UI_PAGE.test(path) ? '/' : path)
    return api(method, path, url, req)
  }

  return http.createServer(async (req, res) => {
    let reply: Reply
    const method = req.method ?? 'GET'
    try {
      // A fixed base: the Host header is not trusted and not needed.
      const url = new URL(req.url ?? '/', 'http://localhost')
      reply = await route(req, url)
    } catch (err) {
      if (err instanceof HttpError) {
        reply = json(err.status, { error: { code: err.code, message: err.message } }, err.headers)
      } else {
        log.write(`newsgraph: internal error serving ${method} ${String(req.url).slice(0, 200)}: ${(err as Error)?.stack ?? String(err)}\n`)
        reply = json(500, { error: { code: 'internal', message: 'Internal server error' } })
      }
    }
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': reply.type,
      ...(reply.type.startsWith('application/json') ? { 'Cache-Control': 'no-store' } : {}),
      ...reply.headers,
    }
    // A request body not read (an early error): drain it, and do not keep the connection.
    if (!req.complete) {
      headers.Connection = 'close'
      req.resume()
    }
    if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) {
      const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body
      res.writeHead(reply.status, { ...headers, 'Content-Length': String(body.length) })
      res.end(method === 'HEAD' ? undefined : body)
      return
    }
    res.writeHead(reply.status, headers)
    if (method === 'HEAD') {
      res.end()
      return
    }
    try {
      for await (const chunk of reply.body) {
        if (!res.write(chunk)) await new Promise((r) => (res.once('drain', r), res.once('close', r)))
        if (res.destroyed) return
      }
      res.end()
    } catch (err) {
      log.write(`newsgraph: internal error streaming ${String(req.url).slice(0, 200)}: ${(err as Error)?.stack ?? String(err)}\n`)
      res.destroy()
    }
  })
}
