import { toCsv, type FlatRow } from './format-rows.js'
import type { Store } from './store.js'

/** The CSV columns of an export: one row per stored article. */
export const EXPORT_COLUMNS = ['id', 'url', 'title', 'site', 'published', 'language', 'version', 'duplicateOf', 'source', 'quotes', 'entities', 'sources', 'events'] as const

/**
 * The whole store as lines of text, streamed: JSON Lines (each analysis with its hash, duplicateOf,
 * source and storedAt) or CSV (a header, then one row per article with its counts). Used by
 * `newsgraph export` and `GET /api/export`.
 */
export async function* exportLines(store: Store, format: 'jsonl' | 'csv'): AsyncIterable<string> {
  if (format === 'csv') yield EXPORT_COLUMNS.join(',') + '\n'
  for await (const a of store.export()) {
    if (format === 'jsonl') {
      yield JSON.stringify({ ...a.analysis, hash: a.hash, duplicateOf: a.duplicateOf, source: a.source, storedAt: a.storedAt }) + '\n'
      continue
    }
    const x = a.analysis
    const row: FlatRow = {
      id: a.id,
      url: x.url,
      title: x.title,
      site: x.site,
      published: x.published,
      language: x.language,
      version: a.version,
      duplicateOf: a.duplicateOf,
      source: a.source,
      quotes: x.quotes.length,
      entities: x.entities.length,
      sources: x.sources.length,
      events: x.events.length,
    }
    yield toCsv([row], EXPORT_COLUMNS).split('\n')[1] + '\n'
  }
}
