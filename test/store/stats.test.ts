import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/core/types.js'
import { analyzeArticle } from '../../src/pipeline.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/store.js'
import { lavrovArticle, xssArticle, zakharovaArticle } from '../serve/fixtures.js'
import { PG_URL, testSchema } from './test-postgres.js'

// The running totals (src/store/stats.ts) must always equal a count over the stored rows: after
// puts, near-duplicates, a reanalysis that changes the entities, and a backfill from nothing.

const root = fileURLToPath(new URL('../../', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-stats-'))
const { up: pgUp, schema } = await testSchema('newsgraph_stats', ['_1', '_2'])

const samples = readFileSync(join(root, 'samples/articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 12)
  .map((l) => JSON.parse(l) as { id: string; title?: string; text: string; url?: string; published?: string })
const analysed: Analysis[] = samples.map((s, i) =>
  analyzeArticle({ ...s, url: s.url ?? `https://${['wire', 'daily', 'herald'][i % 3]}.example/${s.id}`, published: s.published ?? (i % 4 === 0 ? null : `2023-0${1 + (i % 5)}-1${i % 9}`) }),
)
const fixtures = [lavrovArticle(), zakharovaArticle(), xssArticle()].map((a, i) => ({ ...a, url: `https://daily.example/f${i}`, site: null }))

type Raw = { driver: { all<T>(sql: string, params?: unknown[]): Promise<T[]> } }

/** Everything the totals answer, recomputed from the rows with plain aggregates. */
async function recomputed(store: Store) {
  const raw = (store as unknown as Raw).driver
  const n = async (sql: string) => Number((await raw.all<{ n: number | string }>(sql))[0]!.n)
  const live = 'from articles a where a.duplicate_of is null'
  const counts = {
    articles: await n(`select count(*) as n ${live}`),
    nearDuplicates: await n('select count(*) as n from articles where duplicate_of is not null'),
    quotes: await n(`select count(*) as n from quotes q join articles a on a.seq = q.article_seq where a.duplicate_of is null`),
    entities: await n(`select count(*) as n from (select distinct lower(e.name) as k from entities e join articles a on a.seq = e.article_seq where a.duplicate_of is null) x`),
    sources: await n(`select count(*) as n from quotes q join articles a on a.seq = q.article_seq where a.duplicate_of is null and q.source_kind <> 'unknown'`),
  }
  const perName = await raw.all<{ k: string; articles: number | string; mentions: number | string }>(
    `select lower(e.name) as k, count(distinct e.article_seq) as articles, sum(e.mentions) as mentions
     from entities e join articles a on a.seq = e.article_seq where a.duplicate_of is null group by lower(e.name)`,
  )
  const outlets = await raw.all<{ outlet: string; articles: number | string; anon: number | string; srcs: number | string }>(
    `select a.outlet, count(*) as articles,
       sum(case when exists (select 1 from sources s where s.article_seq = a.seq and s.kind = 'anonymous') then 1 else 0 end) as anon,
       sum((select count(*) from sources s where s.article_seq = a.seq and s.kind <> 'unknown')) as srcs
     ${live} and a.outlet is not null group by a.outlet`,
  )
  return {
    counts,
    perName: new Map(perName.map((r) => [r.k, { articles: Number(r.articles), mentions: Number(r.mentions) }])),
    outlets: new Map(outlets.map((r) => [r.outlet, { articles: Number(r.articles), anonymousArticles: Number(r.anon), sources: Number(r.srcs) }])),
  }
}

async function expectTotalsMatch(store: Store): Promise<void> {
  const want = await recomputed(store)
  expect(await store.counts()).toEqual(want.counts)
  const top = await store.topEntities({ limit: 10_000 })
  expect(top.length).toBe(want.perName.size)
  for (const e of top) expect({ articles: e.articles, mentions: e.mentions }).toEqual(want.perName.get(e.name.toLowerCase()))
  const outlets = await store.outlets({ limit: 1000 })
  expect(new Map(outlets.map((o) => [o.outlet, { articles: o.articles, anonymousArticles: o.anonymousArticles, sources: Object.values(o.sources).reduce((x, y) => x + y, 0) }]))).toEqual(want.outlets)
  for (const o of outlets) {
    const d = (await store.outlet(o.outlet))!
    expect(d.months.reduce((x, m) => x + m.articles, 0)).toBe(o.articles)
    expect(d.recent.length).toBe(Math.min(20, o.articles))
  }
}

// Each test its own store: a fresh file, or a fresh schema.
const dialects: [string, (test: 1 | 2) => string][] = [['sqlite', (test) => join(tmp, `store-${test}.db`)]]
if (pgUp) dialects.push(['postgres', (test) => `${PG_URL}?schema=${schema}_${test}`])

describe.each(dialects)('running totals (%s)', (_name, spec) => {
  it('equal a recount after puts, near-duplicates, reanalysis and a backfill', async () => {
    let store = await openStore(spec(1))
    try {
      for (const a of [...analysed, ...fixtures]) await store.put(a)
      // A near-duplicate: the same text with one word changed is stored but not counted.
      const copy = { ...analysed[1]!, id: 'copy', text: analysed[1]!.text.replace(/\bthe\b/, 'a') }
      expect((await store.put(copy)).status).toBe('near-duplicate')
      await expectTotalsMatch(store)
      const before = await store.counts()
      expect(before.articles).toBe(analysed.length + fixtures.length)
      expect(before.nearDuplicates).toBe(1)
      expect((await store.outlets()).length).toBeGreaterThanOrEqual(3)

      // Reanalysis with other entities: the old contribution goes, the new one comes.
      const lavrov = (await store.topEntities({ limit: 10_000 })).find((e) => e.name === 'Sergey Lavrov')!
      await store.replaceAnalysis(analysed[0]!.id, { ...fixtures[2]!, text: fixtures[2]!.text + ' ' })
      await store.replaceAnalysis(fixtures[0]!.id, { ...fixtures[0]!, entities: [], quotes: [], events: [], sources: [] })
      await expectTotalsMatch(store)
      const after = (await store.topEntities({ limit: 10_000 })).find((e) => e.name === 'Sergey Lavrov')
      expect(after?.articles ?? 0).toBeLessThan(lavrov.articles)

      // A backfill sums everything again from nothing, to the same totals.
      const raw = (store as unknown as Raw).driver
      const snapshot = [await store.counts(), await store.topEntities({ limit: 50 }), await store.outlets()]
      await raw.all(`delete from entity_facets`)
      await raw.all(`insert into backfills (name) values ('api-index')`)
      await store.close()
      store = await openStore(spec(1))
      expect([await store.counts(), await store.topEntities({ limit: 50 }), await store.outlets()]).toEqual(snapshot)
      await expectTotalsMatch(store)
    } finally {
      await store.close()
    }
  })

  it('answers entity, outlet and source queries from the totals', async () => {
    const store = await openStore(spec(2))
    try {
      for (const a of fixtures) await store.put(a)
      const lavrov = (await store.entity('sergei lavrov'))!
      expect(lavrov.name).toBe('Sergey Lavrov')
      expect(lavrov.aliases).toContain('Lavrov')
      const bearing = fixtures.flatMap((a) => a.entities).filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === 'sergei lavrov'))
      expect(bearing.length).toBeGreaterThan(0)
      expect(lavrov.roles).toEqual([...new Set(bearing.flatMap((e) => e.roles))].sort())
      expect(lavrov.outlets).toEqual([{ outlet: 'daily.example', articles: lavrov.articles }])
      expect(await store.entity('Nobody Atall')).toBeNull()
      const found = await store.findEntities('lavro')
      expect(found.map((e) => e.name)).toContain('Sergey Lavrov')
      expect(await store.findEntities('lavro', { type: 'ORG' })).toEqual([])
      const outlet = (await store.outlet('daily.example'))!
      expect(outlet.articles).toBe(fixtures.length)
      expect(await store.outlet('nowhere.example')).toBeNull()
      const anonymous = await store.sources({ kind: 'anonymous' })
      const expected = fixtures.flatMap((a) => a.sources.filter((s) => s.kind === 'anonymous'))
      expect(anonymous.length).toBe(expected.length)
      for (const s of anonymous) expect(s.kind).toBe('anonymous')
      if (expected.length) {
        const desc = expected.find((s) => s.description)?.description
        if (desc) expect(outlet.descriptions.map((d) => d.description)).toContain(desc)
        expect(outlet.anonymousArticles).toBeGreaterThan(0)
      }
      expect(await store.sources({ outlet: 'nowhere.example' })).toEqual([])
    } finally {
      await store.close()
    }
  })
})
