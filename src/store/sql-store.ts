import type { Analysis, QuoteKind, SpeakerKind } from '../core/types.js'
import { articleRows, ftsWords, snippetOf, type ArticleRows } from './rows.js'
import { hammingDistance } from './simhash.js'
import {
  NEAR_DUPLICATE_BITS,
  type ArticleSummary,
  type EntityDetail,
  type EntityRow,
  type ListOptions,
  type PutOptions,
  type PutResult,
  type QuoteQuery,
  type QuoteRow,
  type QuoteSourceKind,
  type SearchHit,
  type Store,
  type StoreCapabilities,
  type StoreCounts,
  type StoredArticle,
} from './store.js'

/** A value a query parameter may take in both dialects. */
export type SqlValue = string | number | null

/** Runs SQL written with `?` placeholders (the PostgreSQL driver numbers them). */
export interface SqlRunner {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
}

/**
 * The part of a store that differs between databases. Everything else (what is stored, how a
 * duplicate is found, every query) is shared in `SqlStore`, so both dialects answer alike.
 */
export interface SqlDriver extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres'
  readonly capabilities: StoreCapabilities
  readonly location: string
  /** Runs `fn` in one transaction: all of it is stored, or none. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>
  /** Inserts the article row and its full-text entry; returns the row's `seq`. */
  insertArticle(tx: SqlRunner, row: ArticleInsert): Promise<number>
  /** SQL for full-text search: parameters (query, limit); columns id, title, url, published, analysis. */
  searchSql: string
  /** The query as the search SQL takes it, or null when it has no words. */
  searchParam(query: string): string | null
  /** Whether an error is a unique-key violation (a concurrent writer stored the same text first). */
  isUniqueViolation(err: unknown): boolean
  close(): Promise<void>
}

export interface ArticleInsert extends Omit<ArticleRows, 'quotes' | 'entities'> {
  inputHash: string | null
  source: string | null
  duplicateOf: string | null
  storedAt: string
  text: string
}

interface ArticleRow {
  id: string
  hash: string
  version: string
  source: string | null
  duplicate_of: string | null
  stored_at: string
  analysis: string
}

interface QuoteDbRow {
  article_id: string
  quote_id: string
  kind: string
  text: string
  speaker: string | null
  speaker_kind: string
  source_kind: string
  outlet: string | null
  published: string | null
  url: string | null
}

const QUOTE_COLUMNS = `a.id as article_id, q.quote_id, q.kind, q.text, q.speaker, q.speaker_kind, q.source_kind, a.outlet, a.published, a.url`

const DEFAULT_LIMIT = 100
const EXPORT_PAGE = 200

/** The `Store` over any `SqlDriver`. */
export class SqlStore implements Store {
  readonly dialect: 'sqlite' | 'postgres'
  readonly capabilities: StoreCapabilities
  readonly location: string

  constructor(private readonly driver: SqlDriver) {
    this.dialect = driver.dialect
    this.capabilities = driver.capabilities
    this.location = driver.location
  }

  async put(analysis: Analysis, options: PutOptions = {}): Promise<PutResult> {
    const rows = articleRows(analysis)
    try {
      return await this.driver.transaction((tx) => this.putIn(tx, analysis, rows, options))
    } catch (err) {
      if (!this.driver.isUniqueViolation(err)) throw err
      const [existing] = await this.driver.all<{ id: string }>('select id from articles where hash = ?', [rows.hash])
      if (existing) return { status: 'duplicate', id: existing.id }
      throw err
    }
  }

  private async putIn(tx: SqlRunner, analysis: Analysis, rows: ArticleRows, options: PutOptions): Promise<PutResult> {
    const [existing] = await tx.all<{ id: string }>('select id from articles where hash = ?', [rows.hash])
    if (existing) return { status: 'duplicate', id: existing.id }
    // Ids come from the input (a JSON Lines id, say) and may repeat across inputs: the hash tells them apart.
    let id = rows.id
    const [taken] = await tx.all('select 1 as x from articles where id = ?', [id])
    if (taken) id = `${id}-${rows.hash.slice(0, 10)}`
    let duplicateOf: string | null = null
    if (rows.simhash) {
      const candidates = await tx.all<{ id: string; simhash: string }>(
        `select id, simhash from articles where duplicate_of is null and (${rows.simhash.bands.map((_, i) => `sh${i} = ?`).join(' or ')}) order by seq limit 1000`,
        rows.simhash.bands,
      )
      duplicateOf = candidates.find((c) => hammingDistance(c.simhash, rows.simhash!.hex) <= NEAR_DUPLICATE_BITS)?.id ?? null
    }
    const seq = await this.driver.insertArticle(tx, {
      ...rows,
      id,
      inputHash: options.inputHash ?? null,
      source: options.source ?? null,
      duplicateOf,
      storedAt: new Date().toISOString(),
      json: id === analysis.id ? rows.json : JSON.stringify({ ...analysis, id }),
      text: analysis.text,
    })
    await insertMany(
      tx,
      'insert into quotes (article_seq, quote_id, kind, text, speaker, speaker_kind, speaker_entity, source_kind) values ',
      rows.quotes.map((q) => [seq, q.quoteId, q.kind, q.text, q.speaker, q.speakerKind, q.speakerEntity, q.sourceKind]),
    )
    await insertMany(
      tx,
      'insert into entities (article_seq, entity_id, name, type, aliases, roles, mentions) values ',
      rows.entities.map((e) => [seq, e.entityId, e.name, e.type, e.aliases, e.roles, e.mentions]),
    )
    return duplicateOf ? { status: 'near-duplicate', id, duplicateOf } : { status: 'stored', id }
  }

  async hasInput(inputHash: string): Promise<boolean> {
    return (await this.driver.all('select 1 as x from articles where input_hash = ? limit 1', [inputHash])).length > 0
  }

  async get(id: string): Promise<StoredArticle | null> {
    const [row] = await this.driver.all<ArticleRow>(
      'select id, hash, version, source, duplicate_of, stored_at, analysis from articles where id = ?',
      [id],
    )
    return row ? toStored(row) : null
  }

  async list(options: ListOptions = {}): Promise<ArticleSummary[]> {
    const rows = await this.driver.all<Record<string, string | null>>(
      `select id, title, url, outlet, published, version, duplicate_of from articles
       ${options.duplicates ? '' : 'where duplicate_of is null'} order by seq limit ? offset ?`,
      [options.limit ?? DEFAULT_LIMIT, options.offset ?? 0],
    )
    return rows.map((r) => ({
      id: r.id!,
      title: r.title ?? null,
      url: r.url ?? null,
      site: r.outlet ?? null,
      published: r.published ?? null,
      version: r.version!,
      duplicateOf: r.duplicate_of ?? null,
    }))
  }

  async counts(): Promise<StoreCounts> {
    const [r] = await this.driver.all<Record<string, number | string>>(`select
      (select count(*) from articles where duplicate_of is null) as articles,
      (select count(*) from articles where duplicate_of is not null) as near,
      (select count(*) from quotes q join articles a on a.seq = q.article_seq where a.duplicate_of is null) as quotes,
      (select count(*) from quotes q join articles a on a.seq = q.article_seq where a.duplicate_of is null and q.source_kind <> 'unknown') as sources,
      (select count(distinct lower(e.name)) from entities e join articles a on a.seq = e.article_seq where a.duplicate_of is null) as entities`)
    return {
      articles: Number(r!.articles),
      nearDuplicates: Number(r!.near),
      quotes: Number(r!.quotes),
      entities: Number(r!.entities),
      sources: Number(r!.sources),
    }
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const param = this.driver.searchParam(query)
    if (param === null) return []
    const rows = await this.driver.all<{ id: string; title: string | null; url: string | null; published: string | null; analysis: string }>(
      this.driver.searchSql,
      [param, options.limit ?? 20],
    )
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      url: r.url,
      published: r.published,
      snippet: snippetOf((JSON.parse(r.analysis) as Analysis).text, query),
    }))
  }

  async quotes(query: QuoteQuery = {}): Promise<QuoteRow[]> {
    const where = ['a.duplicate_of is null']
    const params: SqlValue[] = []
    if (query.speaker) {
      where.push(`lower(q.speaker) like ?`)
      params.push(`%${query.speaker.toLowerCase()}%`)
    }
    if (query.outlet) {
      where.push(`(lower(a.outlet) like ? or lower(a.url) like ?)`)
      params.push(`%${query.outlet.toLowerCase()}%`, `%${query.outlet.toLowerCase()}%`)
    }
    if (query.kind) {
      where.push('q.source_kind = ?')
      params.push(query.kind)
    }
    if (query.since) {
      where.push('a.published >= ?')
      params.push(query.since)
    }
    params.push(query.limit ?? DEFAULT_LIMIT)
    const rows = await this.driver.all<QuoteDbRow>(
      `select ${QUOTE_COLUMNS} from quotes q join articles a on a.seq = q.article_seq
       where ${where.join(' and ')} order by a.seq, q.quote_id limit ?`,
      params,
    )
    return rows.map(toQuoteRow)
  }

  async topEntities(options: { limit?: number; type?: string } = {}): Promise<EntityRow[]> {
    const params: SqlValue[] = []
    let typeFilter = ''
    if (options.type) {
      typeFilter = 'and e.type = ?'
      params.push(options.type)
    }
    params.push(options.limit ?? 20)
    const rows = await this.driver.all<{ name: string; type: string; articles: number | string; mentions: number | string }>(
      `select min(e.name) as name, min(e.type) as type, count(distinct e.article_seq) as articles, sum(e.mentions) as mentions
       from entities e join articles a on a.seq = e.article_seq
       where a.duplicate_of is null ${typeFilter}
       group by lower(e.name) order by articles desc, mentions desc, lower(e.name) limit ?`,
      params,
    )
    return rows.map((r) => ({ name: r.name, type: r.type, articles: Number(r.articles), mentions: Number(r.mentions) }))
  }

  async entity(name: string): Promise<EntityDetail | null> {
    const lname = name.toLowerCase()
    // Aliases are stored as a JSON array of strings: match the quoted alias inside it.
    const match = `(lower(e.name) = ? or lower(e.aliases) like ?)`
    const aliasPattern = `%${JSON.stringify(lname).replace(/[%_]/g, '')}%`
    const rows = await this.driver.all<{ article_seq: number; entity_id: string; name: string; type: string; aliases: string; roles: string; mentions: number }>(
      `select e.article_seq, e.entity_id, e.name, e.type, e.aliases, e.roles, e.mentions
       from entities e join articles a on a.seq = e.article_seq
       where a.duplicate_of is null and ${match} order by a.seq`,
      [lname, aliasPattern],
    )
    if (rows.length === 0) return null
    const names = new Map<string, number>()
    const aliases = new Set<string>()
    const roles = new Set<string>()
    const types = new Map<string, number>()
    let mentions = 0
    for (const r of rows) {
      names.set(r.name, (names.get(r.name) ?? 0) + 1)
      types.set(r.type, (types.get(r.type) ?? 0) + 1)
      for (const a of JSON.parse(r.aliases) as string[]) aliases.add(a)
      for (const x of JSON.parse(r.roles) as string[]) roles.add(x)
      mentions += Number(r.mentions)
    }
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]![0]
    const canonical = top(names)
    for (const n of names.keys()) if (n !== canonical) aliases.add(n)
    aliases.delete(canonical)
    const quoteRows = await this.driver.all<QuoteDbRow>(
      `select ${QUOTE_COLUMNS} from quotes q join articles a on a.seq = q.article_seq
       join entities e on e.article_seq = q.article_seq and e.entity_id = q.speaker_entity
       where a.duplicate_of is null and ${match} order by a.seq, q.quote_id limit ?`,
      [lname, aliasPattern, DEFAULT_LIMIT],
    )
    return {
      name: canonical,
      type: top(types),
      articles: new Set(rows.map((r) => String(r.article_seq))).size,
      mentions,
      aliases: [...aliases].sort(),
      roles: [...roles].sort(),
      quotes: quoteRows.map(toQuoteRow),
    }
  }

  async *export(): AsyncIterable<StoredArticle> {
    let after = 0
    for (;;) {
      const rows = await this.driver.all<ArticleRow & { seq: number | string }>(
        'select seq, id, hash, version, source, duplicate_of, stored_at, analysis from articles where seq > ? order by seq limit ?',
        [after, EXPORT_PAGE],
      )
      for (const r of rows) yield toStored(r)
      if (rows.length < EXPORT_PAGE) return
      after = Number(rows[rows.length - 1]!.seq)
    }
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}

/** Inserts rows with multi-row VALUES lists (one round trip per 200 rows, not per row). */
async function insertMany(tx: SqlRunner, head: string, rows: SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200)
    const one = `(${chunk[0]!.map(() => '?').join(', ')})`
    await tx.all(head + chunk.map(() => one).join(', '), chunk.flat())
  }
}

function toStored(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    hash: r.hash,
    version: r.version,
    source: r.source,
    duplicateOf: r.duplicate_of,
    storedAt: r.stored_at,
    analysis: JSON.parse(r.analysis) as Analysis,
  }
}

function toQuoteRow(r: QuoteDbRow): QuoteRow {
  return {
    articleId: r.article_id,
    quoteId: r.quote_id,
    kind: r.kind as QuoteKind,
    text: r.text,
    speaker: r.speaker,
    speakerKind: r.speaker_kind as SpeakerKind,
    sourceKind: r.source_kind as QuoteSourceKind,
    outlet: r.outlet,
    published: r.published,
    url: r.url,
  }
}
