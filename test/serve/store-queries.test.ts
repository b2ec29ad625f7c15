// The read-only queries the API added to the Store, on each dialect: SQLite always, PostgreSQL
// when it answers (NEWSGRAPH_TEST_PG, else the local server), in a schema of its own.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { eventRows } from '../../src/store/event-rows.js'
import { openStore } from '../../src/store/open-store.js'
import type { EntityPage, Store } from '../../src/store/store.js'
import { PG_URL, testSchema } from '../store/test-postgres.js'
import { lavrovArticle, xssArticle, zakharovaArticle } from './fixtures.js'

const { up: pgUp, schema: PG_SCHEMA } = await testSchema('newsgraph_api', ['_b'])

const dialects: [string, () => Promise<Store>][] = [['sqlite', () => openStore(':memory:')]]
if (pgUp) dialects.push(['postgres', () => openStore(`${PG_URL}?schema=${PG_SCHEMA}`)])

// Stores that are opened twice (to backfill on the second opening): an SQLite file, a PostgreSQL schema.
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-queries-'))
const reopenable: [string, string][] = [['sqlite', join(tmp, 'store.db')]]
if (pgUp) reopenable.push(['postgres', `${PG_URL}?schema=${PG_SCHEMA}_b`])

/** What `entityPage` should say, computed the slow way: from each article's analysis. */
async function pageFromAnalyses(store: Store, name: string): Promise<EntityPage['articles']> {
  return (await store.entityArticles(name, { limit: 100 })).map((a) => {
    const ids = new Set(a.entityIds)
    const cited = new Map(a.analysis.sources.map((s) => [s.id, s.kind]))
    return {
      id: a.id,
      title: a.analysis.title,
      outlet: a.outlet,
      published: a.analysis.published,
      entityIds: a.entityIds,
      entities: a.analysis.entities.filter((e) => ids.has(e.id)).map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, roles: e.roles })),
      quotes: a.analysis.quotes
        .filter((q) => q.speaker.entity && ids.has(q.speaker.entity))
        .map((q) => ({ quoteId: q.id, kind: q.kind, act: q.act, text: q.text, citedKind: (q.source ? cited.get(q.source) : undefined) ?? null })),
      events: eventRows(a, { entityIds: ids }),
    }
  })
}

describe.each(reopenable)('indexed rows for the API (%s)', (_name, spec) => {
  it('tells by its version whether the data may have changed, by this connection or another', async () => {
    const one = await openStore(spec)
    const two = await openStore(spec)
    try {
      const v0 = await one.version()
      expect(v0).not.toBeNull()
      expect(await one.version()).toBe(v0)
      await one.get('lavrov')
      expect(await one.version()).toBe(v0)
      await two.put({ ...xssArticle(), id: 'other', text: xssArticle().text + ' Written by another connection.' })
      const v1 = await one.version()
      expect(v1).not.toBe(v0)
      await one.put({ ...xssArticle(), id: 'mine', text: xssArticle().text + ' Written by this one.' })
      expect(await one.version()).not.toBe(v1)
    } finally {
      await one.close()
      await two.close()
    }
  })

  it('answers an entity page from indexed rows as from the analyses, pages it, and backfills a store stored before them', async () => {
    let store = await openStore(spec)
    try {
      for (const a of [lavrovArticle(), zakharovaArticle(), xssArticle()]) await store.put(a)
      const expected = await pageFromAnalyses(store, 'Sergey Lavrov')
      expect(expected.length).toBe(2)
      expect(await store.entityPage('Sergey Lavrov')).toEqual({ total: 2, articles: expected })
      expect(await store.entityPage('sergei lavrov', { limit: 1, offset: 1 })).toEqual({ total: 2, articles: [expected[1]] })
      expect(await store.entityPage('Nobody Atall')).toEqual({ total: 0, articles: [] })
      const detail = await store.entity('Sergey Lavrov')
      const search = [await store.findEntities('zakhar'), await store.searchQuotes('SUCH talks'), await store.events({ type: 'deny' })]
      // As a store written before these rows existed: empty them, and mark the backfill pending.
      const raw = store as unknown as { driver: { all(sql: string, params?: unknown[]): Promise<unknown[]> } }
      for (const table of ['entity_names', 'entity_terms', 'events', 'sources', 'store_stats', 'entity_stats', 'entity_norms', 'entity_facets', 'outlet_stats'])
        await raw.driver.all(`delete from ${table}`)
      if (store.dialect === 'sqlite') await raw.driver.all(`delete from quotes_fts`)
      await raw.driver.all('update quotes set ord = null, cited_kind = null')
      await raw.driver.all('update articles set raw_published = null')
      await raw.driver.all(`insert into backfills (name) values ('api-index')`)
      expect(await store.entity('Sergey Lavrov')).toBeNull()
      await store.close()
      store = await openStore(spec)
      expect(await store.entityPage('Sergey Lavrov')).toEqual({ total: 2, articles: expected })
      expect(await store.entity('Sergey Lavrov')).toEqual(detail)
      expect([await store.findEntities('zakhar'), await store.searchQuotes('SUCH talks'), await store.events({ type: 'deny' })]).toEqual(search)
      // Reanalysis rewrites the rows (people are linked again, so compare with the analyses anew).
      await store.replaceAnalysis('lavrov', { ...lavrovArticle(), title: 'Retitled' })
      const again = await pageFromAnalyses(store, 'Sergey Lavrov')
      expect(again.map((a) => a.title)).toContain('Retitled')
      expect(await store.entityPage('Sergey Lavrov')).toEqual({ total: again.length, articles: again })
    } finally {
      await store.close()
    }
  })
})

describe.each(dialects)('store queries for the API (%s)', (_name, open) => {
  it('finds entities, quotes and events, and the articles naming a person', async () => {
    const store = await open()
    try {
      for (const a of [lavrovArticle(), zakharovaArticle(), xssArticle()]) await store.put(a)
      expect((await store.findEntities('zakhar')).map((e) => e.name).sort()).toEqual(['Maria Zakharova', 'María Zakharova'])
      expect((await store.findEntities('nbc news')).map((e) => e.name)).toEqual(['NBC'])
      expect((await store.findEntities('york', { type: 'PERSON' }))).toEqual([])
      expect(await store.findEntities('%')).toEqual([])
      expect((await store.searchQuotes('SUCH talks')).map((q) => [q.articleId, q.quoteId])).toEqual([['zakharova-2', 'q1']])
      expect((await store.searchQuotes('zakharova')).map((q) => q.articleId)).toEqual(['lavrov', 'zakharova-2'])
      expect(await store.searchQuotes('_')).toEqual([])
      // Too short to search quotes by (nearly every one would match): none.
      expect(await store.searchQuotes('ta')).toEqual([])
      expect((await store.searchQuotes('tal')).length).toBeGreaterThan(0)
      const articles = await store.entityArticles('Sergey Lavrov')
      expect(articles.map((a) => [a.id, a.entityIds])).toEqual([
        ['zakharova-2', ['e2']],
        ['lavrov', ['e1']],
      ])
      expect(articles[1]!.analysis).toEqual(lavrovArticle())
      expect((await store.events({ type: 'deny' })).map((e) => [e.articleId, e.eventId, e.denies?.eventId])).toEqual([['lavrov', 'ev2', 'ev1']])
      expect((await store.events({ actor: 'sergei lavrov' })).map((e) => [e.eventId, e.involves])).toEqual([
        ['ev1', true],
        ['ev2', false],
      ])
      expect(await store.events({ type: 'accuse' })).toEqual([])
    } finally {
      await store.close()
    }
  })
})
