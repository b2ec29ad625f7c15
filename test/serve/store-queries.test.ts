// The read-only queries the API added to the Store, on each dialect: SQLite always, PostgreSQL
// when it answers (NEWSGRAPH_TEST_PG, else the local server), in a schema of its own.
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/store.js'
import { lavrovArticle, xssArticle, zakharovaArticle } from './fixtures.js'

const PG_URL = process.env.NEWSGRAPH_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test'
const PG_SCHEMA = `newsgraph_api_${process.pid}_${Date.now().toString(36)}`

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}
const pgUp = await postgresReachable()

afterAll(async () => {
  if (!pgUp) return
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  await client.query(`drop schema if exists ${PG_SCHEMA} cascade`)
  await client.end()
})

const dialects: [string, () => Promise<Store>][] = [['sqlite', () => openStore(':memory:')]]
if (pgUp) dialects.push(['postgres', () => openStore(`${PG_URL}?schema=${PG_SCHEMA}`)])

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
