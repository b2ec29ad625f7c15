import type { Analysis, QuoteAct, QuoteKind, SourceKind, SpeakerKind } from '../core/types.js'
import type { ArticleInput } from '../pipeline.js'

/**
 * The store: analyses of articles, kept by content hash, queried by quote, entity and full text.
 *
 * Two adapters implement it, each in its own folder (`sqlite/`, `postgres/`), and one test suite
 * runs on both (`test/store/store.test.ts`). The core never asks "is this SQLite?": it reads
 * `capabilities`.
 *
 * @example
 * const store = await openStore('./data/newsgraph.db')
 * const r = await store.put(analysis, { source: 'feeds/a.xml#3' })
 * // r.status: 'stored' | 'duplicate' | 'near-duplicate'
 * await store.close()
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  readonly capabilities: StoreCapabilities
  /** Where the store is, for messages (a path or a URL without its password). */
  readonly location: string
  /**
   * Stores one analysis in one transaction, keyed by the hash of its text: the same text twice is
   * stored once (status `duplicate`, with the id of the stored copy). A near-duplicate (SimHash over
   * word shingles within `NEAR_DUPLICATE_BITS`) is stored and linked to the first copy through
   * `duplicateOf`, and left out of counts and queries.
   */
  put(analysis: Analysis, options?: PutOptions): Promise<PutResult>
  /** Whether an input with this hash (`inputHash` of an earlier `put`) is already stored. */
  hasInput(inputHash: string): Promise<boolean>
  get(id: string): Promise<StoredArticle | null>
  list(options?: ListOptions): Promise<ArticleSummary[]>
  counts(): Promise<StoreCounts>
  /** Full-text search over title and text (FTS5 on SQLite, tsvector on PostgreSQL), best first. */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>
  quotes(query?: QuoteQuery): Promise<QuoteRow[]>
  /** The entities named in the most articles (merged by name), most first. */
  topEntities(options?: { limit?: number; type?: string }): Promise<EntityRow[]>
  /**
   * One entity across the store (matched by name or alias, ignoring case), or null: from the
   * running totals, its names, type, aliases, roles and outlets, and (unless `quotes` is false)
   * its first 50 quotes.
   */
  entity(name: string, options?: { quotes?: boolean }): Promise<EntityDetail | null>
  /**
   * Articles whose stored pipeline `version` differs from `version` (every article with `all`), in
   * the order stored, each with the input to analyse again.
   */
  staleArticles(version: string, options?: { all?: boolean }): AsyncIterable<StaleArticle>
  /**
   * Replaces an article's analysis and everything derived from it (quotes, entities, full text,
   * version) in one transaction, keeping its id, source, input and place in the order. Its
   * near-duplicate link is not recomputed.
   */
  replaceAnalysis(id: string, analysis: Analysis): Promise<void>
  /**
   * The people (PERSON entities merged across articles, see `people.ts`) a name is linked to, by
   * normalised name (a bare surname: every person with it), each with the names it goes by and
   * the evidence: which article's entity was linked, by which rule.
   */
  people(name: string): Promise<PersonDetail[]>
  /**
   * Undoes a wrong merge: the mentions of person `personId` under `name` move to a new person
   * (split from it). Fails with `SplitError` when the person or the name is not there.
   */
  splitPerson(personId: number, name: string): Promise<{ personId: number; moved: number }>
  /**
   * Entities whose name or an alias contains `query` (ignoring case), merged by name, named in the
   * most articles first.
   */
  findEntities(query: string, options?: { limit?: number; type?: string }): Promise<EntityRow[]>
  /**
   * The articles naming an entity (by name or alias, ignoring case, as `entity`), widened to every
   * mention of the people those mentions are linked to (see `people`), newest stored first, each
   * with its analysis and the ids of the entity in it. At most `limit` articles (default 200).
   */
  entityArticles(name: string, options?: { limit?: number }): Promise<EntityArticle[]>
  /**
   * What an entity page shows of the articles naming an entity (found as `entityArticles` finds
   * them), newest first, `limit` (default 100) after `offset`, from indexed rows (no analysis is
   * parsed): the entity's names, aliases and roles in each, its quotes, and its events with those
   * denying them (as `events({ actor })`); `total` counts every such article.
   */
  entityPage(name: string, options?: { limit?: number; offset?: number }): Promise<EntityPage>
  /** The outlets of the stored articles (site name, else URL host), most articles first, from running totals. */
  outlets(options?: { limit?: number }): Promise<OutletSummary[]>
  /** One outlet's sourcing: totals, by month, the commonest anonymous-source descriptions, its newest articles. Null when unknown. */
  outlet(name: string): Promise<OutletDetail | null>
  /** The sources statements rest on, newest article first, filtered by outlet (exact), kind, and text or description (contains, ignoring case). */
  sources(query?: SourceQuery): Promise<SourceRow[]>
  /** Quotes whose text or speaker contains `query` (ignoring case; three characters or more, else none), in the order stored. */
  searchQuotes(query: string, options?: { limit?: number }): Promise<QuoteRow[]>
  /**
   * Events (from the stored analyses), newest stored article first: of one `type`, and/or those an
   * entity (`actor`, by name or alias) takes part in, as actor or target, with the events that
   * deny or dispute them. Without `actor`, looks through the newest `scan` articles (default 5000).
   */
  events(query?: EventQuery): Promise<EventRow[]>
  /**
   * A token that changes whenever the stored data may have changed (a write by this process or any
   * other), so answers computed from the store can be kept while it stays the same; null when the
   * adapter cannot tell (PostgreSQL), so nothing is kept.
   */
  version(): Promise<string | null>
  /** Every stored article, in the order stored (near-duplicates too, with `duplicateOf`). */
  export(): AsyncIterable<StoredArticle>
  close(): Promise<void>
}

/** What an adapter can do. */
export interface StoreCapabilities {
  readonly fullText: 'fts5' | 'tsvector'
  /** Whether several processes may write at once (PostgreSQL: yes; SQLite: one writer at a time). */
  readonly concurrentWriters: boolean
}

export interface PutOptions {
  /** Where the article came from: a path, `file.jsonl:12`, `file.warc.gz@offset`, a URL. */
  source?: string | null
  /** Hash of the raw input, so a re-run can skip analysing what is already stored. */
  inputHash?: string | null
  /** The input the analysis came from, kept so `reanalyze` can run a newer pipeline on it. */
  input?: ArticleInput | null
}

/** A person across articles: the names it goes by, and each linked mention with its rule. */
export interface PersonDetail {
  id: number
  /** The name it was first seen under. */
  name: string
  /** The person it was split from (by `splitPerson`), if any. */
  splitFrom: number | null
  aliases: string[]
  articles: number
  links: { articleId: string; entityId: string; name: string; rule: 'same-name' | 'given-name-variant' | 'surname-only' | 'new' | 'split' }[]
}

/** A split that cannot be done (no such person, or not under that name). */
export class SplitError extends Error {
  override readonly name = 'SplitError'
}

/** A stored article to analyse again, and its input. */
export interface StaleArticle {
  id: string
  version: string
  input: ArticleInput
  /** No input was stored (stored before inputs were kept): `input` is the analysed text. */
  fromText: boolean
}

export type PutStatus = 'stored' | 'duplicate' | 'near-duplicate'

export interface PutResult {
  status: PutStatus
  /** The id the article is stored under (for `duplicate`: the stored copy's id). */
  id: string
  /** For `near-duplicate`: the first copy. */
  duplicateOf?: string
}

export interface StoredArticle {
  id: string
  /** SHA-256 of the analysed text, hex. */
  hash: string
  /** The pipeline version that produced the analysis. */
  version: string
  source: string | null
  duplicateOf: string | null
  storedAt: string
  analysis: Analysis
}

export interface ListOptions {
  limit?: number
  offset?: number
  /** Include near-duplicates. Default false. */
  duplicates?: boolean
}

export interface ArticleSummary {
  id: string
  title: string | null
  url: string | null
  site: string | null
  published: string | null
  version: string
  duplicateOf: string | null
}

export interface StoreCounts {
  /** Articles, not counting near-duplicates. */
  articles: number
  nearDuplicates: number
  quotes: number
  /** Distinct entity names. */
  entities: number
  /** Quotes that rest on a known source (named, organisation, outlet, document, anonymous). */
  sources: number
}

export interface SearchHit {
  id: string
  title: string | null
  url: string | null
  published: string | null
  /** A short excerpt of the text around the first matching word. */
  snippet: string
}

/** The kind of source a quote rests on; `unknown` when neither a source nor a speaker is known. */
export type QuoteSourceKind = SourceKind | 'unknown'

export interface QuoteQuery {
  /** Speaker name (entity name or the speaker's words), substring, ignoring case. */
  speaker?: string
  /** The outlet that published the article (site name or URL host), substring, ignoring case. */
  outlet?: string
  /** The kind of source the quote rests on. */
  kind?: QuoteSourceKind
  /**
   * What the attribution does: one act, `statement` (the five statement acts), or a comma list of
   * those ("deny,accuse"); see `quoteActs`. Quotes stored before acts were kept (act null) match none.
   */
  act?: string
  /** Articles published on or after this date (YYYY-MM-DD). */
  since?: string
  limit?: number
}

export interface QuoteRow {
  articleId: string
  quoteId: string
  kind: QuoteKind
  /** What the attribution does; null for a quote stored before acts were kept (`newsgraph reanalyze` fills it). */
  act: QuoteAct | null
  text: string
  speaker: string | null
  speakerKind: SpeakerKind
  sourceKind: QuoteSourceKind
  outlet: string | null
  published: string | null
  url: string | null
}

export interface EntityRow {
  name: string
  type: string
  /** Articles naming it. */
  articles: number
  mentions: number
}

export interface EntityDetail extends EntityRow {
  aliases: string[]
  roles: string[]
  quotes: QuoteRow[]
  /** The outlets of the articles naming it (by name or alias), most articles first; null: no outlet known. */
  outlets: { outlet: string | null; articles: number }[]
}

/** Two SimHashes this many bits apart or fewer mark near-duplicates (of 64; see `simhash.ts`). */
export const NEAR_DUPLICATE_BITS = 6

export const QUOTE_SOURCE_KINDS: readonly QuoteSourceKind[] = ['named', 'organization', 'outlet', 'document', 'anonymous', 'unknown']

/** Every quote act (see `QuoteAct`), statements first. */
export const QUOTE_ACTS: readonly QuoteAct[] = ['speech', 'report', 'deny', 'accuse', 'claim', 'belief', 'stance', 'other']

/** The acts that state something, which the filter value `statement` stands for. */
export const STATEMENT_ACTS: readonly QuoteAct[] = ['speech', 'report', 'deny', 'accuse', 'claim']

/** What an act filter may name: an act, or `statement`. */
export const QUOTE_ACT_FILTERS: readonly string[] = [...QUOTE_ACTS, 'statement']

/**
 * The acts an act filter names (`QuoteQuery.act`): one act, `statement`, or a comma list of those,
 * in the order first named; else the first name that is none of those (`unknown`).
 *
 * @example
 * quoteActs('deny,accuse') // { acts: ['deny', 'accuse'] }
 * quoteActs('statement') // { acts: ['speech', 'report', 'deny', 'accuse', 'claim'] }
 * quoteActs('speech,rumour') // { unknown: 'rumour' }
 */
export function quoteActs(filter: string): { acts: QuoteAct[] } | { unknown: string } {
  const acts = new Set<QuoteAct>()
  for (const raw of filter.split(',')) {
    const name = raw.trim()
    if (name === 'statement') for (const a of STATEMENT_ACTS) acts.add(a)
    else if (QUOTE_ACTS.includes(name as QuoteAct)) acts.add(name as QuoteAct)
    else return { unknown: name }
  }
  return { acts: [...acts] }
}

/** An article naming an entity: its analysis and the ids the entity has in it. */
export interface EntityArticle {
  id: string
  outlet: string | null
  analysis: Analysis
  entityIds: string[]
}

/** See `Store.entityPage`. */
export interface EntityPage {
  /** Articles naming the entity, in all. */
  total: number
  articles: EntityPageArticle[]
}

export interface EntityPageArticle {
  id: string
  title: string | null
  outlet: string | null
  /** As the analysis gives it. */
  published: string | null
  /** The entity's ids in the article. */
  entityIds: string[]
  /** Those entities' names, aliases and roles. */
  entities: { id: string; name: string; aliases: string[]; roles: string[] }[]
  /** Quotes by the entity, in the article's order; `citedKind`: the kind of the source cited, if any; `act`: as `QuoteRow.act`. */
  quotes: { quoteId: string; kind: QuoteKind; act: QuoteAct | null; text: string; citedKind: QuoteSourceKind | null }[]
  /** Its events and those denying them, in the article's order, with `involves`. */
  events: EventRow[]
}

export interface EventQuery {
  /** Our event type: meet, statement, deny, accuse, … */
  type?: string
  /** An entity name or alias: events it takes part in, and the events denying those. */
  actor?: string
  limit?: number
  /** Without `actor`: how many of the newest articles to look through. Default 5000. */
  scan?: number
}

/** One event, with the names of its participants and the sources it rests on. */
export interface EventRow {
  articleId: string
  title: string | null
  outlet: string | null
  published: string | null
  eventId: string
  type: string
  stance: string
  text: string
  /** ISO 8601 value of the event's time, else null. */
  time: string | null
  place: string | null
  actors: string[]
  targets: string[]
  according: { kind: string; text: string }[]
  /** The earlier event telling of the same happening (a meeting told twice), if any. */
  sameAs: string | null
  /** The event this one denies or disputes, if any. */
  denies: { eventId: string; type: string; text: string; actors: string[] } | null
  /** For an `actor` query: whether the actor takes part (false: an event denying one it takes part in). */
  involves?: boolean
}

/** Sources by kind (see `SourceKind`). */
export type SourceKindCounts = Record<'named' | 'organization' | 'outlet' | 'document' | 'anonymous', number>

/** How an outlet's articles are sourced (near-duplicates left out). */
export interface OutletSummary {
  outlet: string
  articles: number
  /** Articles resting on at least one anonymous source. */
  anonymousArticles: number
  sources: SourceKindCounts
  quotes: number
  /** Quotes whose speaker or cited source is anonymous. */
  anonymousQuotes: number
}

export interface OutletDetail extends OutletSummary {
  /** By month of publication (YYYY-MM), oldest first; undated articles last, as month null. */
  months: { month: string | null; articles: number; anonymousArticles: number }[]
  /** The commonest descriptions of its anonymous sources ("former officials"), most first. */
  descriptions: { description: string; count: number }[]
  /** Its 20 newest articles (by publication date, undated ones last, then stored last first), with their sources counted. */
  recent: { articleId: string; title: string | null; published: string | null; sources: number; anonymous: number }[]
}

export interface SourceQuery {
  outlet?: string
  kind?: string
  /** Contained in the source's text or description, ignoring case. */
  q?: string
  limit?: number
}

export interface SourceRow {
  articleId: string
  title: string | null
  outlet: string | null
  published: string | null
  sourceId: string
  kind: string
  text: string
  /** For anonymous sources: how many people ("four former officials" → 4). */
  count: number | null
  description: string | null
  /** The entity the source is, by name. */
  entity: string | null
}
