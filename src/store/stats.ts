import type { Analysis } from '../core/types.js'
import type { ArticleRows } from './rows.js'
import type { SqlRunner, SqlValue } from './sql-store.js'

/**
 * Running totals kept beside the rows, so that the questions asked on every page (how many
 * articles, the most named entities, an entity's names and roles, an outlet's sourcing) are an
 * index lookup instead of a scan of every article's rows:
 *
 *   store_stats    counts of the store (articles, near-duplicates, quotes, quotes with a source,
 *                  write transactions)
 *   entity_stats   per entity name (lower case): its display name and type, articles, mentions
 *   entity_norms   per name or alias (lower case): articles and mentions of the entities bearing it
 *   entity_facets  per name or alias: the names (and their `entity_stats` keys), types, aliases
 *                  and roles of those entities, and the outlets naming them, with the number of
 *                  articles each appears in
 *   outlet_stats   per outlet and month of publication: articles, those resting on an anonymous
 *                  source, quotes, anonymous quotes, and sources by kind
 *
 * An article adds its contribution when stored (not as a near-duplicate), and takes it back when
 * its analysis is replaced, in the same transaction: the totals always equal a count over the rows
 * (`test/store/stats.test.ts` checks this on both dialects).
 */
export interface ArticleStats {
  quotes: number
  /** Quotes that rest on a known source. */
  sourced: number
  /** Per distinct lower-case entity name: its first name and type as spelled here, mentions. */
  names: { norm: string; name: string; type: string; mentions: number }[]
  /** Per distinct name or alias: the mentions of the entities bearing it. */
  norms: { norm: string; mentions: number }[]
  /**
   * Distinct (name or alias, facet, value): the entity's names, types, aliases and roles, `key`,
   * its name in lower case (the `entity_stats` row it counts in), and `outlet`, the article's
   * outlet ('' when it has none).
   */
  facets: { norm: string; facet: 'name' | 'key' | 'type' | 'alias' | 'role' | 'outlet'; value: string }[]
  outlet: OutletContribution | null
}

export interface OutletContribution {
  outlet: string
  /** YYYY-MM of publication, '' when undated. */
  month: string
  anonymous: boolean
  quotes: number
  anonymousQuotes: number
  kinds: Record<SourceKindColumn, number>
}

export const SOURCE_KIND_COLUMNS = ['named', 'organization', 'outlet', 'document', 'anonymous'] as const
export type SourceKindColumn = (typeof SOURCE_KIND_COLUMNS)[number]

/** One article's contribution to the running totals: `rows` as `articleRows(analysis)` gives them. */
export function articleStats(analysis: Analysis, rows: ArticleRows): ArticleStats {
  const names = new Map<string, { norm: string; name: string; type: string; mentions: number }>()
  for (const e of rows.entities) {
    const norm = e.name.toLowerCase()
    const seen = names.get(norm)
    if (seen) seen.mentions += e.mentions
    else names.set(norm, { norm, name: e.name, type: e.type, mentions: e.mentions })
  }
  const byId = new Map(analysis.entities.map((e) => [e.id, e]))
  const norms = new Map<string, number>()
  const facets = new Map<string, ArticleStats['facets'][number]>()
  const facet = (norm: string, f: ArticleStats['facets'][number]['facet'], value: string) => {
    facets.set(`${norm}\u0000${f}\u0000${value}`, { norm, facet: f, value })
  }
  for (const { entityId, norm } of rows.names) {
    const e = byId.get(entityId)
    if (!e) continue
    norms.set(norm, (norms.get(norm) ?? 0) + e.mentions.length)
    facet(norm, 'name', e.name)
    facet(norm, 'key', e.name.toLowerCase())
    facet(norm, 'type', e.type)
    for (const a of e.aliases) facet(norm, 'alias', a)
    for (const r of e.roles) facet(norm, 'role', r)
    facet(norm, 'outlet', rows.outlet ?? '')
  }
  let outlet: OutletContribution | null = null
  if (rows.outlet) {
    const kinds = Object.fromEntries(SOURCE_KIND_COLUMNS.map((k) => [k, 0])) as Record<SourceKindColumn, number>
    for (const s of rows.sources) if (s.kind in kinds) kinds[s.kind as SourceKindColumn]++
    outlet = {
      outlet: rows.outlet,
      month: rows.published ? rows.published.slice(0, 7) : '',
      anonymous: kinds.anonymous > 0,
      quotes: rows.quotes.length,
      anonymousQuotes: rows.quotes.filter((q) => q.sourceKind === 'anonymous').length,
      kinds,
    }
  }
  return {
    quotes: rows.quotes.length,
    sourced: rows.quotes.filter((q) => q.sourceKind !== 'unknown').length,
    names: [...names.values()],
    norms: [...norms].map(([norm, mentions]) => ({ norm, mentions })),
    facets: [...facets.values()],
    outlet,
  }
}

/** Adds (`sign` 1) or takes back (`sign` -1) one article's contribution. */
export async function applyStats(tx: SqlRunner, stats: ArticleStats, sign: 1 | -1): Promise<void> {
  await bump(tx, 'store_stats', ['key'], ['n'], [
    ['articles', sign],
    ['quotes', sign * stats.quotes],
    ['sourced', sign * stats.sourced],
  ])
  if (sign > 0) {
    // The display name and type are the first article's; later ones only add to the counts.
    await upsertMany(
      tx,
      'insert into entity_stats (norm, name, type, articles, mentions) values ',
      stats.names.map((n) => [n.norm, n.name, n.type, 1, n.mentions]),
      ' on conflict (norm) do update set articles = entity_stats.articles + excluded.articles, mentions = entity_stats.mentions + excluded.mentions',
    )
  } else {
    await bump(tx, 'entity_stats', ['norm'], ['articles', 'mentions'], stats.names.map((n) => [n.norm, -1, -n.mentions]), false)
  }
  await bump(tx, 'entity_norms', ['norm'], ['articles', 'mentions'], stats.norms.map((n) => [n.norm, sign, sign * n.mentions]))
  await bump(tx, 'entity_facets', ['norm', 'facet', 'value'], ['n'], stats.facets.map((f) => [f.norm, f.facet, f.value, sign]))
  const o = stats.outlet
  if (o) {
    await bump(tx, 'outlet_stats', ['outlet', 'month'], ['articles', 'anonymous_articles', 'quotes', 'anonymous_quotes', ...SOURCE_KIND_COLUMNS.map((k) => `src_${k}`)], [
      [o.outlet, o.month, sign, sign * (o.anonymous ? 1 : 0), sign * o.quotes, sign * o.anonymousQuotes, ...SOURCE_KIND_COLUMNS.map((k) => sign * o.kinds[k])],
    ])
  }
  if (sign < 0) {
    // Rows whose count fell to zero go, so that lists never show what no article holds.
    await deleteEmpty(tx, 'entity_stats', ['norm'], 'articles', stats.names.map((n) => [n.norm]))
    await deleteEmpty(tx, 'entity_norms', ['norm'], 'articles', stats.norms.map((n) => [n.norm]))
    await deleteEmpty(tx, 'entity_facets', ['norm', 'facet', 'value'], 'n', stats.facets.map((f) => [f.norm, f.facet, f.value]))
    if (o) await deleteEmpty(tx, 'outlet_stats', ['outlet', 'month'], 'articles', [[o.outlet, o.month]])
  }
}

/** Counts a near-duplicate stored (1) or gone (-1). */
export async function bumpNearDuplicates(tx: SqlRunner, sign: 1 | -1): Promise<void> {
  await bump(tx, 'store_stats', ['key'], ['n'], [['near', sign]])
}

/**
 * Counts one more write transaction (`store_stats` key `writes`): a store version that every
 * process writing to the store moves on, for caches of reads (PostgreSQL's `Store.version`).
 */
export async function countWrite(tx: SqlRunner): Promise<void> {
  await bump(tx, 'store_stats', ['key'], ['n'], [['writes', 1]])
}

/** Adds each row's numbers to the row with its key, inserting it when absent (unless `insert` is false). */
async function bump(tx: SqlRunner, table: string, keys: string[], cols: string[], rows: SqlValue[][], insert = true): Promise<void> {
  if (rows.length === 0) return
  if (!insert) {
    for (const r of rows) {
      await tx.all(
        `update ${table} set ${cols.map((c) => `${c} = ${c} + ?`).join(', ')} where ${keys.map((k) => `${k} = ?`).join(' and ')}`,
        [...r.slice(keys.length), ...r.slice(0, keys.length)],
      )
    }
    return
  }
  await upsertMany(
    tx,
    `insert into ${table} (${[...keys, ...cols].join(', ')}) values `,
    rows,
    ` on conflict (${keys.join(', ')}) do update set ${cols.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
  )
}

async function deleteEmpty(tx: SqlRunner, table: string, keys: string[], col: string, rows: SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200)
    // Row values on the left need a subquery on the right in SQLite: `(a, b) in (values (?, ?), …)`.
    const sql =
      keys.length === 1
        ? `delete from ${table} where ${col} <= 0 and ${keys[0]} in (${chunk.map(() => '?').join(', ')})`
        : `delete from ${table} where ${col} <= 0 and (${keys.join(', ')}) in (values ${chunk.map(() => `(${keys.map(() => '?').join(', ')})`).join(', ')})`
    await tx.all(sql, chunk.flat())
  }
}

/** Multi-row upserts, 200 rows a statement (the rows' keys must be distinct). */
async function upsertMany(tx: SqlRunner, head: string, rows: SqlValue[][], tail: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200)
    const one = `(${chunk[0]!.map(() => '?').join(', ')})`
    await tx.all(head + chunk.map(() => one).join(', ') + tail, chunk.flat())
  }
}
