import type { Analysis, QuoteAct, QuoteKind, SpeakerKind } from '../core/types.js'
import { articleRows, snippetOf, type ArticleRows, type QuoteRowData } from './rows.js'
import { choosePerson, nameParts, normalizeName, type LinkRule } from './people.js'
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
  QUOTE_ACT_FILTERS,
  quoteActs,
  type SearchHit,
  type Store,
  type StoreCapabilities,
  type StoreCounts,
  type PersonDetail,
  SplitError,
  type StaleArticle,
  type StoredArticle,
  type EntityArticle,
  type EventQuery,
  type EventRow,
  type EntityPage,
  type EntityPageArticle,
  type OutletDetail,
  type OutletSummary,
  type SourceQuery,
  type SourceRow,
} from './store.js'
import { eventRows } from './event-rows.js'
import { applyStats, articleStats, bumpNearDuplicates, countWrite, SOURCE_KIND_COLUMNS } from './stats.js'
import type { ArticleInput } from '../pipeline.js'

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
  /** Replaces the derived columns of an article row and its full-text entry (`old`: what was indexed). */
  updateArticle(tx: SqlRunner, seq: number, row: ArticleUpdate, old: { title: string | null; text: string }): Promise<void>
  /** SQL for full-text search: parameters (query, limit); columns id, title, url, published, text (the analysed text). */
  searchSql: string
  /** The query as the search SQL takes it, or null when it has no words. */
  searchParam(query: string): string | null
  /** Adds an article's quotes to the quote-text index, when the dialect keeps one apart from `quotes`. */
  indexQuotes(tx: SqlRunner, seq: number, quotes: readonly QuoteRowData[]): Promise<void>
  /** Removes an article's quotes from that index (called before its `quotes` rows are deleted). */
  unindexQuotes(tx: SqlRunner, seq: number): Promise<void>
  /** SQL for quote search through that index: parameters (match, limit), columns as `QuoteDbRow`; null: LIKE on `quotes`. */
  quoteSearchSql: string | null
  /** The query as `quoteSearchSql` takes it, or null to use LIKE. */
  quoteSearchParam(query: string): string | null
  /** See `Store.version`. */
  version(): Promise<string | null>
  /** Whether an error is a unique-key violation (a concurrent writer stored the same text first). */
  isUniqueViolation(err: unknown): boolean
  close(): Promise<void>
}

export interface ArticleInsert extends Omit<ArticleRows, 'quotes' | 'entities' | 'names'> {
  inputHash: string | null
  source: string | null
  duplicateOf: string | null
  storedAt: string
  text: string
  /** The original input (an `ArticleInput`) as JSON, for reanalyze. */
  input: string | null
}

/** What reanalyze rewrites in an article row: the analysis and everything derived from it. */
export type ArticleUpdate = Omit<ArticleRows, 'quotes' | 'entities' | 'names' | 'id'> & { text: string }

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
  act: string | null
  text: string
  speaker: string | null
  speaker_kind: string
  source_kind: string
  outlet: string | null
  published: string | null
  url: string | null
}

/** The columns of a `QuoteDbRow` (`quotes q` joined to `articles a`). */
export const QUOTE_COLUMNS = `a.id as article_id, q.quote_id, q.kind, q.act, q.text, q.speaker, q.speaker_kind, q.source_kind, a.outlet, a.published, a.url`

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
      input: options.input ? JSON.stringify(options.input) : null,
    })
    await this.insertDerived(tx, seq, rows, { id, outlet: rows.outlet, analysis })
    if (!duplicateOf) await this.linkPeople(tx, seq, analysis)
    if (duplicateOf) await bumpNearDuplicates(tx, 1)
    else await applyStats(tx, articleStats(analysis, rows), 1)
    await countWrite(tx)
    return duplicateOf ? { status: 'near-duplicate', id, duplicateOf } : { status: 'stored', id }
  }

  /**
   * The rows derived from an analysis: quotes (and their text index), entities, their names and
   * aliases in lower case (`entity_names`, and the distinct ones in `entity_terms`), and its events
   * resolved to names (`events`), so that queries need not parse analyses.
   */
  private async insertDerived(tx: SqlRunner, seq: number, rows: ArticleRows, article: { id: string; outlet: string | null; analysis: Analysis }): Promise<void> {
    await insertMany(
      tx,
      'insert into quotes (article_seq, quote_id, kind, act, text, speaker, speaker_kind, speaker_entity, source_kind, ord, cited_kind) values ',
      rows.quotes.map((q) => [seq, q.quoteId, q.kind, q.act, q.text, q.speaker, q.speakerKind, q.speakerEntity, q.sourceKind, q.ord, q.citedKind]),
    )
    await this.driver.indexQuotes(tx, seq, rows.quotes)
    await insertMany(
      tx,
      'insert into entities (article_seq, entity_id, name, type, aliases, roles, mentions) values ',
      rows.entities.map((e) => [seq, e.entityId, e.name, e.type, e.aliases, e.roles, e.mentions]),
    )
    // Two entities of one article may share an alias: one row per (name, entity).
    const names = [...new Map(rows.names.map((n) => [`${n.norm}\u0000${n.entityId}`, n])).values()]
    await insertMany(tx, 'insert into entity_names (norm, article_seq, entity_id) values ', names.map((n) => [n.norm, seq, n.entityId]))
    await insertMany(
      tx,
      'insert into sources (article_seq, ord, source_id, kind, text, entity, count, description) values ',
      rows.sources.map((s) => [seq, s.ord, s.sourceId, s.kind, s.text, s.entity, s.count, s.description]),
    )
    const terms = [...new Set(names.map((n) => n.norm))]
    await insertMany(tx, 'insert into entity_terms (norm) values ', terms.map((t) => [t]), ' on conflict do nothing')
    const a = article.analysis
    const byId = new Map(a.events.map((e) => [e.id, e]))
    const eventRowsOf = eventRows(article)
    await insertMany(
      tx,
      'insert into events (article_seq, ord, event_id, type, ids, denied_ids, row) values ',
      a.events.map((e, ord) => {
        const denied = e.denies ? byId.get(e.denies) : undefined
        return [seq, ord, e.id, e.type, JSON.stringify([...e.actors, ...e.targets]), denied ? JSON.stringify([...denied.actors, ...denied.targets]) : null, JSON.stringify(eventRowsOf[ord])]
      }),
    )
    // Which events an entity page reads: those the entity takes part in, and the denials of those.
    await insertMany(
      tx,
      'insert into event_entities (article_seq, entity_id, ord) values ',
      a.events.flatMap((e, ord) => {
        const denied = e.denies ? byId.get(e.denies) : undefined
        const ids = new Set([...e.actors, ...e.targets, ...(denied ? [...denied.actors, ...denied.targets] : [])])
        return [...ids].map((id) => [seq, id, ord])
      }),
    )
  }

  /** Removes what `insertDerived` wrote for an article (its people links stay). */
  private async deleteDerived(tx: SqlRunner, seq: number): Promise<void> {
    await this.driver.unindexQuotes(tx, seq)
    await tx.all('delete from quotes where article_seq = ?', [seq])
    await tx.all('delete from entities where article_seq = ?', [seq])
    await tx.all('delete from entity_names where article_seq = ?', [seq])
    await tx.all('delete from events where article_seq = ?', [seq])
    await tx.all('delete from sources where article_seq = ?', [seq])
    await tx.all('delete from event_entities where article_seq = ?', [seq])
  }

  /**
   * Fills the rows a migration added for articles stored before it (`backfills` lists what is
   * pending): each article's derived rows written again from its analysis, a page per
   * transaction. Run when the store is opened; a no-op once done.
   */
  async backfill(): Promise<void> {
    const [pending] = await this.driver.all<{ name: string }>(`select name from backfills where name = 'api-index'`)
    if (!pending) return
    // The running totals are summed again from nothing (a backfill cut short starts over).
    await this.driver.transaction(async (tx) => {
      for (const table of ['store_stats', 'entity_stats', 'entity_norms', 'entity_facets', 'outlet_stats']) await tx.all(`delete from ${table}`)
    })
    let after = 0
    for (;;) {
      const rows = await this.driver.all<{ seq: number | string; id: string; outlet: string | null; analysis: string; duplicate_of: string | null }>(
        'select seq, id, outlet, analysis, duplicate_of from articles where seq > ? order by seq limit ?',
        [after, EXPORT_PAGE],
      )
      await this.driver.transaction(async (tx) => {
        for (const r of rows) {
          const seq = Number(r.seq)
          const analysis = JSON.parse(r.analysis) as Analysis
          const derived = articleRows(analysis)
          await this.deleteDerived(tx, seq)
          await this.insertDerived(tx, seq, derived, { id: r.id, outlet: r.outlet, analysis })
          await tx.all('update articles set raw_published = ? where seq = ?', [derived.rawPublished, seq])
          if (r.duplicate_of) await bumpNearDuplicates(tx, 1)
          else await applyStats(tx, articleStats(analysis, derived), 1)
        }
        await countWrite(tx)
      })
      if (rows.length < EXPORT_PAGE) break
      after = Number(rows[rows.length - 1]!.seq)
    }
    await this.driver.all(`delete from backfills where name = 'api-index'`)
  }

  async *staleArticles(version: string, options: { all?: boolean } = {}): AsyncIterable<StaleArticle> {
    let after = 0
    for (;;) {
      const rows = await this.driver.all<{ seq: number | string; id: string; version: string; input: string | null; analysis: string }>(
        `select seq, id, version, input, analysis from articles where seq > ? ${options.all ? '' : 'and version <> ?'} order by seq limit ?`,
        options.all ? [after, EXPORT_PAGE] : [after, version, EXPORT_PAGE],
      )
      for (const r of rows) {
        let input: ArticleInput | null = r.input ? (JSON.parse(r.input) as ArticleInput) : null
        let fromText = false
        if (!input) {
          // Stored before inputs were kept: the analysed text is the best input there is.
          const a = JSON.parse(r.analysis) as Analysis
          input = { id: r.id, text: a.text, url: a.url, title: a.title, published: a.published }
          fromText = true
        }
        yield { id: r.id, version: r.version, input, fromText }
      }
      if (rows.length < EXPORT_PAGE) return
      after = Number(rows[rows.length - 1]!.seq)
    }
  }

  async replaceAnalysis(id: string, analysis: Analysis): Promise<void> {
    const stored: Analysis = { ...analysis, id }
    const rows = articleRows(stored)
    await this.driver.transaction(async (tx) => {
      const [old] = await tx.all<{ seq: number | string; title: string | null; analysis: string; duplicate_of: string | null }>(
        'select seq, title, analysis, duplicate_of from articles where id = ?',
        [id],
      )
      if (!old) throw new Error(`no article ${id} in the store`)
      const seq = Number(old.seq)
      const { quotes: _q, entities: _e, id: _id, ...row } = rows
      await this.driver.updateArticle(tx, seq, { ...row, text: stored.text }, { title: old.title, text: (JSON.parse(old.analysis) as Analysis).text })
      await tx.all('delete from person_links where article_seq = ?', [seq])
      await this.deleteDerived(tx, seq)
      await this.insertDerived(tx, seq, rows, { id, outlet: rows.outlet, analysis: stored })
      if (!old.duplicate_of) {
        await this.linkPeople(tx, seq, stored)
        const before = JSON.parse(old.analysis) as Analysis
        await applyStats(tx, articleStats(before, articleRows(before)), -1)
        await applyStats(tx, articleStats(stored, rows), 1)
      }
      await countWrite(tx)
    })
  }

  /** Links each PERSON entity of an article to a person across articles (see `people.ts`). */
  private async linkPeople(tx: SqlRunner, seq: number, analysis: Analysis): Promise<void> {
    for (const e of analysis.entities) {
      if (e.type !== 'PERSON') continue
      const norm = normalizeName(e.name)
      if (!norm) continue
      const { given, surname } = nameParts(norm)
      const exact = await tx.all<{ person_id: number | string }>('select distinct person_id from person_links where norm = ?', [norm])
      const rows = await tx.all<{ person_id: number | string; given: string }>('select distinct person_id, given from person_links where surname = ?', [surname])
      const bySurname = new Map<number, string[]>()
      for (const r of rows) bySurname.set(Number(r.person_id), [...(bySurname.get(Number(r.person_id)) ?? []), r.given])
      const chosen = choosePerson(
        norm,
        exact.map((r) => Number(r.person_id)),
        [...bySurname].map(([personId, givens]) => ({ personId, givens })),
      )
      let personId = chosen?.personId
      if (personId === undefined) {
        const [created] = await tx.all<{ id: number | string }>('insert into people (name, split_from, created_at) values (?, null, ?) returning id', [e.name, new Date().toISOString()])
        personId = Number(created!.id)
      }
      await tx.all('insert into person_links (article_seq, entity_id, person_id, name, norm, given, surname, rule) values (?, ?, ?, ?, ?, ?, ?, ?)', [
        seq,
        e.id,
        personId,
        e.name,
        norm,
        given,
        surname,
        chosen?.rule ?? 'new',
      ])
    }
  }

  async people(name: string): Promise<PersonDetail[]> {
    const norm = normalizeName(name)
    if (!norm) return []
    const single = !norm.includes(' ')
    const ids = await this.driver.all<{ person_id: number | string }>(
      `select distinct person_id from person_links where norm = ? ${single ? 'or surname = ?' : ''} order by person_id`,
      single ? [norm, norm] : [norm],
    )
    const out: PersonDetail[] = []
    for (const { person_id } of ids) {
      const [p] = await this.driver.all<{ id: number | string; name: string; split_from: number | string | null }>('select id, name, split_from from people where id = ?', [person_id])
      const links = await this.driver.all<{ article_id: string; entity_id: string; name: string; rule: string }>(
        `select a.id as article_id, l.entity_id, l.name, l.rule from person_links l join articles a on a.seq = l.article_seq
         where l.person_id = ? order by a.seq, l.entity_id`,
        [person_id],
      )
      out.push({
        id: Number(p!.id),
        name: p!.name,
        splitFrom: p!.split_from === null ? null : Number(p!.split_from),
        aliases: [...new Set(links.map((l) => l.name))].sort(),
        articles: new Set(links.map((l) => l.article_id)).size,
        links: links.map((l) => ({ articleId: l.article_id, entityId: l.entity_id, name: l.name, rule: l.rule as LinkRule })),
      })
    }
    return out
  }

  async splitPerson(personId: number, name: string): Promise<{ personId: number; moved: number }> {
    const norm = normalizeName(name)
    return this.driver.transaction(async (tx) => {
      const links = await tx.all<{ norm: string; name: string }>('select norm, name from person_links where person_id = ?', [personId])
      if (links.length === 0) throw new SplitError(`no person ${personId} in the store`)
      const moving = links.filter((l) => l.norm === norm)
      if (moving.length === 0)
        throw new SplitError(`person ${personId} is never named "${name}"; its names: ${[...new Set(links.map((l) => l.name))].sort().join(', ')}`)
      if (moving.length === links.length) throw new SplitError(`person ${personId} is only ever named "${name}": nothing to split from`)
      const [created] = await tx.all<{ id: number | string }>('insert into people (name, split_from, created_at) values (?, ?, ?) returning id', [
        moving[0]!.name,
        personId,
        new Date().toISOString(),
      ])
      const id = Number(created!.id)
      await tx.all(`update person_links set person_id = ?, rule = 'split' where person_id = ? and norm = ?`, [id, personId, norm])
      await countWrite(tx)
      return { personId: id, moved: moving.length }
    })
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
    // Running totals (see stats.ts), not a scan.
    const rows = await this.driver.all<{ key: string; n: number | string }>(`select key, n from store_stats union all select 'entities' as key, count(*) as n from entity_stats`)
    const n = (key: string) => Number(rows.find((r) => r.key === key)?.n ?? 0)
    return { articles: n('articles'), nearDuplicates: n('near'), quotes: n('quotes'), entities: n('entities'), sources: n('sourced') }
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const param = this.driver.searchParam(query)
    if (param === null) return []
    const rows = await this.driver.all<{ id: string; title: string | null; url: string | null; published: string | null; text: string }>(
      this.driver.searchSql,
      [param, options.limit ?? 20],
    )
    return rows.map((r) => ({ id: r.id, title: r.title, url: r.url, published: r.published, snippet: snippetOf(r.text, query) }))
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
    if (query.act) {
      const named = quoteActs(query.act)
      if ('unknown' in named) throw new Error(`unknown quote act \`${named.unknown}\`, expected one of ${QUOTE_ACT_FILTERS.join(', ')}`)
      where.push(`q.act in (${named.acts.map(() => '?').join(', ')})`)
      params.push(...named.acts)
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
      typeFilter = 'where type = ?'
      params.push(options.type)
    }
    params.push(options.limit ?? 20)
    const rows = await this.driver.all<{ name: string; type: string; articles: number | string; mentions: number | string }>(
      `select name, type, articles, mentions from entity_stats ${typeFilter} order by articles desc, mentions desc, norm limit ?`,
      params,
    )
    return rows.map((r) => ({ name: r.name, type: r.type, articles: Number(r.articles), mentions: Number(r.mentions) }))
  }

  async entity(name: string, options: { quotes?: boolean } = {}): Promise<EntityDetail | null> {
    const lname = name.toLowerCase()
    // The entities bearing this name or alias, from the running totals (see stats.ts): their
    // names, types, aliases and roles, each with the number of articles it appears in.
    const [norm] = await this.driver.all<{ articles: number | string; mentions: number | string }>('select articles, mentions from entity_norms where norm = ?', [lname])
    if (!norm) return null
    const facets = await this.driver.all<{ facet: string; value: string; n: number | string }>('select facet, value, n from entity_facets where norm = ?', [lname])
    const names = new Map<string, number>()
    const types = new Map<string, number>()
    const aliases = new Set<string>()
    const roles = new Set<string>()
    const outlets: { outlet: string | null; articles: number }[] = []
    for (const f of facets) {
      if (f.facet === 'name') names.set(f.value, Number(f.n))
      else if (f.facet === 'outlet') outlets.push({ outlet: f.value || null, articles: Number(f.n) })
      else if (f.facet === 'type') types.set(f.value, Number(f.n))
      else if (f.facet === 'alias') aliases.add(f.value)
      else if (f.facet === 'role') roles.add(f.value)
    }
    if (names.size === 0) return null
    // Most articles first; ties to the name first in sort order, so the answer never depends on row order.
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0]
    const canonical = top(names)
    for (const n of names.keys()) if (n !== canonical) aliases.add(n)
    aliases.delete(canonical)
    const quoteRows =
      options.quotes === false
        ? []
        : await this.driver.all<QuoteDbRow>(
            `select ${QUOTE_COLUMNS} from entity_names m join quotes q on q.article_seq = m.article_seq and q.speaker_entity = m.entity_id
             join articles a on a.seq = q.article_seq
             where m.norm = ? and a.duplicate_of is null order by m.article_seq, q.quote_id limit ?`,
            [lname, DEFAULT_LIMIT],
          )
    return {
      name: canonical,
      type: top(types),
      articles: Number(norm.articles),
      mentions: Number(norm.mentions),
      aliases: [...aliases].sort(),
      roles: [...roles].sort(),
      quotes: quoteRows.map(toQuoteRow),
      outlets: outlets.sort((a, b) => b.articles - a.articles || ((a.outlet ?? '') < (b.outlet ?? '') ? -1 : (a.outlet ?? '') > (b.outlet ?? '') ? 1 : 0)),
    }
  }

  async findEntities(query: string, options: { limit?: number; type?: string } = {}): Promise<EntityRow[]> {
    // The distinct names and aliases (`entity_terms`) are few next to their mentions: match those,
    // then the names of the entities bearing them (`entity_facets`), counted in `entity_stats`.
    const params: SqlValue[] = [`%${escapeLike(query.toLowerCase())}%`]
    let typeFilter = ''
    if (options.type) {
      typeFilter = 'and s.type = ?'
      params.push(options.type)
    }
    params.push(options.limit ?? 20)
    const rows = await this.driver.all<{ name: string; type: string; articles: number | string; mentions: number | string }>(
      `select s.name, s.type, s.articles, s.mentions from entity_stats s
       where s.norm in (
         select f.value from entity_facets f
         where f.facet = 'key' and f.norm in (select t.norm from entity_terms t where t.norm like ? escape '\\')
       ) ${typeFilter}
       order by s.articles desc, s.mentions desc, s.norm limit ?`,
      params,
    )
    return rows.map((r) => ({ name: r.name, type: r.type, articles: Number(r.articles), mentions: Number(r.mentions) }))
  }

  /**
   * The mentions an entity name stands for: matched by name or alias, then every mention of the
   * people those are linked to. `linked` is SQL over them (columns article_seq, entity_id) and its
   * parameters.
   */
  private async linkedMentions(name: string): Promise<{ sql: string; params: SqlValue[] }> {
    const lname = name.toLowerCase()
    const persons = await this.driver.all<{ person_id: number | string }>(
      `select distinct l.person_id from entity_names m join person_links l on l.article_seq = m.article_seq and l.entity_id = m.entity_id where m.norm = ?`,
      [lname],
    )
    const ids = persons.map((p) => Number(p.person_id))
    if (ids.length === 0) return { sql: 'select article_seq, entity_id from entity_names where norm = ?', params: [lname] }
    return {
      sql: `select article_seq, entity_id from entity_names where norm = ?
            union select article_seq, entity_id from person_links where person_id in (${ids.map(() => '?').join(', ')})`,
      params: [lname, ...ids],
    }
  }

  /** The newest articles (after `offset`) naming an entity, as `entityArticles` finds them, with the entity's ids in each. */
  private async linkedArticles(name: string, options: { limit?: number; offset?: number } = {}): Promise<{ total: number; articles: { seq: number; entityIds: string[] }[] }> {
    const linked = await this.linkedMentions(name)
    const [count] = await this.driver.all<{ n: number | string }>(
      `select count(distinct l.article_seq) as n from (${linked.sql}) l join articles a on a.seq = l.article_seq where a.duplicate_of is null`,
      linked.params,
    )
    const total = Number(count!.n)
    if (total === 0) return { total, articles: [] }
    const seqs = await this.driver.all<{ seq: number | string }>(
      `select distinct l.article_seq as seq from (${linked.sql}) l join articles a on a.seq = l.article_seq where a.duplicate_of is null order by seq desc limit ? offset ?`,
      [...linked.params, Math.min(options.limit ?? 200, 1000), options.offset ?? 0],
    )
    if (seqs.length === 0) return { total, articles: [] }
    const inList = seqs.map(() => '?').join(', ')
    const rows = await this.driver.all<{ article_seq: number | string; entity_id: string }>(
      `select l.article_seq, l.entity_id from (${linked.sql}) l where l.article_seq in (${inList}) order by l.article_seq desc, l.entity_id`,
      [...linked.params, ...seqs.map((r) => Number(r.seq))],
    )
    const bySeq = new Map<number, string[]>(seqs.map((r) => [Number(r.seq), []]))
    for (const r of rows) bySeq.get(Number(r.article_seq))?.push(r.entity_id)
    return { total, articles: [...bySeq].map(([seq, entityIds]) => ({ seq, entityIds })) }
  }

  async entityArticles(name: string, options: { limit?: number } = {}): Promise<EntityArticle[]> {
    const { articles } = await this.linkedArticles(name, { limit: options.limit ?? 200 })
    const out: EntityArticle[] = []
    for (const { seq, entityIds } of articles) {
      const [a] = await this.driver.all<{ id: string; outlet: string | null; analysis: string }>('select id, outlet, analysis from articles where seq = ?', [seq])
      if (a) out.push({ id: a.id, outlet: a.outlet, analysis: JSON.parse(a.analysis) as Analysis, entityIds })
    }
    return out
  }

  async entityPage(name: string, options: { limit?: number; offset?: number } = {}): Promise<EntityPage> {
    const { total, articles } = await this.linkedArticles(name, { limit: options.limit ?? 100, offset: options.offset ?? 0 })
    if (articles.length === 0) return { total, articles: [] }
    const seqs = articles.map((a) => a.seq)
    const inList = seqs.map(() => '?').join(', ')
    // The entity's ids across these articles (copies share ids): a coarse filter, made exact below.
    const entityIds = [...new Set(articles.flatMap((a) => a.entityIds))]
    const idList = entityIds.map(() => '?').join(', ')
    const meta = await this.driver.all<{ seq: number | string; id: string; title: string | null; outlet: string | null; raw_published: string | null }>(
      `select seq, id, title, outlet, raw_published from articles where seq in (${inList})`,
      seqs,
    )
    const entities = await this.driver.all<{ article_seq: number | string; entity_id: string; name: string; aliases: string; roles: string }>(
      `select article_seq, entity_id, name, aliases, roles from entities where article_seq in (${inList}) and entity_id in (${idList}) order by article_seq, entity_id`,
      [...seqs, ...entityIds],
    )
    const quotes = await this.driver.all<{ article_seq: number | string; quote_id: string; kind: string; act: string | null; text: string; speaker_entity: string; cited_kind: string | null }>(
      `select article_seq, quote_id, kind, act, text, speaker_entity, cited_kind from quotes where article_seq in (${inList}) and speaker_entity in (${idList}) order by article_seq, ord`,
      [...seqs, ...entityIds],
    )
    // Only the events naming one of the entity's ids (`event_entities`); exact per article below.
    const events = await this.driver.all<{ article_seq: number | string; ids: string; denied_ids: string | null; row: string }>(
      `select e.article_seq, e.ids, e.denied_ids, e.row from events e
       where e.article_seq in (${inList})
         and exists (select 1 from event_entities x where x.article_seq = e.article_seq and x.ord = e.ord and x.entity_id in (${idList}))
       order by e.article_seq, e.ord`,
      [...seqs, ...entityIds],
    )
    const out = new Map<number, EntityPageArticle>()
    const idsOf = new Map<number, Set<string>>()
    const metaBySeq = new Map(meta.map((m) => [Number(m.seq), m]))
    for (const a of articles) {
      const m = metaBySeq.get(a.seq)
      if (!m) continue
      idsOf.set(a.seq, new Set(a.entityIds))
      out.set(a.seq, { id: m.id, title: m.title, outlet: m.outlet, published: m.raw_published, entityIds: a.entityIds, entities: [], quotes: [], events: [] })
    }
    for (const e of entities) {
      const seq = Number(e.article_seq)
      if (!idsOf.get(seq)?.has(e.entity_id)) continue
      out.get(seq)!.entities.push({ id: e.entity_id, name: e.name, aliases: JSON.parse(e.aliases) as string[], roles: JSON.parse(e.roles) as string[] })
    }
    for (const q of quotes) {
      const seq = Number(q.article_seq)
      if (!idsOf.get(seq)?.has(q.speaker_entity)) continue
      out.get(seq)!.quotes.push({ quoteId: q.quote_id, kind: q.kind as QuoteKind, act: q.act as QuoteAct | null, text: q.text, citedKind: q.cited_kind as QuoteSourceKind | null })
    }
    for (const e of events) {
      const seq = Number(e.article_seq)
      const ids = idsOf.get(seq)
      if (!ids) continue
      const involves = (JSON.parse(e.ids) as string[]).some((x) => ids.has(x))
      if (!involves && !(e.denied_ids !== null && (JSON.parse(e.denied_ids) as string[]).some((x) => ids.has(x)))) continue
      out.get(seq)!.events.push({ ...(JSON.parse(e.row) as EventRow), involves })
    }
    return { total, articles: [...out.values()] }
  }

  async outlets(options: { limit?: number } = {}): Promise<OutletSummary[]> {
    const rows = await this.driver.all<OutletStatsRow>(
      `select outlet, ${OUTLET_SUMS} from outlet_stats group by outlet order by sum(articles) desc, outlet limit ?`,
      [options.limit ?? DEFAULT_LIMIT],
    )
    return rows.map(toOutletSummary)
  }

  async outlet(name: string): Promise<OutletDetail | null> {
    const months = await this.driver.all<OutletStatsRow & { month: string }>(`select outlet, month, ${OUTLET_SUMS} from outlet_stats where outlet = ? group by outlet, month order by month`, [name])
    if (months.length === 0) return null
    const total = toOutletSummary({ ...months[0]!, ...sumRows(months) })
    const descriptions = await this.driver.all<{ description: string; n: number | string }>(
      `select s.description, count(*) as n from articles a join sources s on s.article_seq = a.seq
       where a.outlet = ? and a.duplicate_of is null and s.kind = 'anonymous' and s.description is not null
       group by s.description order by count(*) desc, s.description limit 20`,
      [name],
    )
    const recent = await this.driver.all<{ id: string; title: string | null; raw_published: string | null; sources: number | string; anonymous: number | string }>(
      `select a.id, a.title, a.raw_published,
         (select count(*) from sources s where s.article_seq = a.seq) as sources,
         (select count(*) from sources s where s.article_seq = a.seq and s.kind = 'anonymous') as anonymous
       from articles a where a.outlet = ? and a.duplicate_of is null
       order by case when a.published is null then 1 else 0 end, a.published desc, a.seq desc limit 20`,
      [name],
    )
    const dated = months.filter((m) => m.month !== '')
    const undated = months.filter((m) => m.month === '')
    return {
      ...total,
      months: [...dated, ...undated].map((m) => ({ month: m.month || null, articles: Number(m.articles), anonymousArticles: Number(m.anonymous_articles) })),
      descriptions: descriptions.map((d) => ({ description: d.description, count: Number(d.n) })),
      recent: recent.map((r) => ({ articleId: r.id, title: r.title, published: r.raw_published, sources: Number(r.sources), anonymous: Number(r.anonymous) })),
    }
  }

  async sources(query: SourceQuery = {}): Promise<SourceRow[]> {
    const where = ['a.duplicate_of is null']
    const params: SqlValue[] = []
    if (query.outlet) {
      where.push('a.outlet = ?')
      params.push(query.outlet)
    }
    if (query.kind) {
      where.push('s.kind = ?')
      params.push(query.kind)
    }
    if (query.q) {
      const needle = `%${escapeLike(query.q.toLowerCase())}%`
      where.push(`(lower(s.text) like ? escape '\\' or lower(s.description) like ? escape '\\')`)
      params.push(needle, needle)
    }
    params.push(query.limit ?? DEFAULT_LIMIT)
    const rows = await this.driver.all<{
      id: string
      title: string | null
      outlet: string | null
      raw_published: string | null
      source_id: string
      kind: string
      text: string
      count: number | string | null
      description: string | null
      entity: string | null
    }>(
      `select a.id, a.title, a.outlet, a.raw_published, s.source_id, s.kind, s.text, s.count, s.description, s.entity
       from sources s join articles a on a.seq = s.article_seq
       where ${where.join(' and ')} order by s.article_seq desc, s.ord limit ?`,
      params,
    )
    return rows.map((r) => ({
      articleId: r.id,
      title: r.title,
      outlet: r.outlet,
      published: r.raw_published,
      sourceId: r.source_id,
      kind: r.kind,
      text: r.text,
      count: r.count === null ? null : Number(r.count),
      description: r.description,
      entity: r.entity,
    }))
  }

  async searchQuotes(query: string, options: { limit?: number } = {}): Promise<QuoteRow[]> {
    const limit = options.limit ?? DEFAULT_LIMIT
    // Under three characters no trigram index can help, and a substring that short matches nearly every quote.
    if ([...query.trim()].length < 3) return []
    const param = this.driver.quoteSearchSql ? this.driver.quoteSearchParam(query) : null
    if (param !== null && this.driver.quoteSearchSql) return (await this.driver.all<QuoteDbRow>(this.driver.quoteSearchSql, [param, limit])).map(toQuoteRow)
    const needle = `%${escapeLike(query.toLowerCase())}%`
    const rows = await this.driver.all<QuoteDbRow>(
      `select ${QUOTE_COLUMNS} from quotes q join articles a on a.seq = q.article_seq
       where a.duplicate_of is null and (lower(q.text) like ? escape '\\' or lower(q.speaker) like ? escape '\\')
       order by a.seq, q.ord limit ?`,
      [needle, needle, limit],
    )
    return rows.map(toQuoteRow)
  }

  async events(query: EventQuery = {}): Promise<EventRow[]> {
    const limit = query.limit ?? DEFAULT_LIMIT
    if (query.actor) {
      const out: EventRow[] = []
      for (const a of (await this.entityPage(query.actor, { limit: 200 })).articles) {
        out.push(...(query.type ? a.events.filter((e) => e.type === query.type) : a.events))
        if (out.length >= limit) break
      }
      return out.slice(0, limit)
    }
    // The events of the newest `scan` articles, from the precomputed `events` rows.
    const params: SqlValue[] = [query.scan ?? 5000]
    let typeFilter = ''
    if (query.type) {
      typeFilter = 'and e.type = ?'
      params.push(query.type)
    }
    params.push(limit)
    const rows = await this.driver.all<{ row: string }>(
      `select e.row from events e
       where e.article_seq in (select seq from articles where duplicate_of is null order by seq desc limit ?) ${typeFilter}
       order by e.article_seq desc, e.ord limit ?`,
      params,
    )
    return rows.map((r) => JSON.parse(r.row) as EventRow)
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

  version(): Promise<string | null> {
    return this.driver.version()
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}

/** A store over `driver`, with pending backfills done (closed again if they fail). */
export async function openSqlStore(driver: SqlDriver): Promise<SqlStore> {
  const store = new SqlStore(driver)
  try {
    await store.backfill()
  } catch (err) {
    await store.close()
    throw err
  }
  return store
}

/** Inserts rows with multi-row VALUES lists (one round trip per 200 rows, not per row). */
async function insertMany(tx: SqlRunner, head: string, rows: SqlValue[][], tail = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200)
    const one = `(${chunk[0]!.map(() => '?').join(', ')})`
    await tx.all(head + chunk.map(() => one).join(', ') + tail, chunk.flat())
  }
}

const OUTLET_COLUMNS = ['articles', 'anonymous_articles', 'quotes', 'anonymous_quotes', ...SOURCE_KIND_COLUMNS.map((k) => `src_${k}`)]
const OUTLET_SUMS = OUTLET_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', ')
type OutletStatsRow = { outlet: string } & Record<string, number | string>

function sumRows(rows: Record<string, number | string>[]): Record<string, number> {
  return Object.fromEntries(OUTLET_COLUMNS.map((c) => [c, rows.reduce((n, r) => n + Number(r[c]), 0)]))
}

function toOutletSummary(r: OutletStatsRow): OutletSummary {
  return {
    outlet: r.outlet,
    articles: Number(r.articles),
    anonymousArticles: Number(r.anonymous_articles),
    sources: Object.fromEntries(SOURCE_KIND_COLUMNS.map((k) => [k, Number(r[`src_${k}`])])) as OutletSummary['sources'],
    quotes: Number(r.quotes),
    anonymousQuotes: Number(r.anonymous_quotes),
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c)
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
    act: r.act as QuoteAct | null,
    text: r.text,
    speaker: r.speaker,
    speakerKind: r.speaker_kind as SpeakerKind,
    sourceKind: r.source_kind as QuoteSourceKind,
    outlet: r.outlet,
    published: r.published,
    url: r.url,
  }
}
