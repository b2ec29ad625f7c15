import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analysisSchema } from '../../src/core/schema.js'
import type { Analysis } from '../../src/core/types.js'
import { analyzeArticle } from '../../src/pipeline.js'
import { openStore } from '../../src/store/open-store.js'
import { hammingDistance, simhash } from '../../src/store/simhash.js'
import { NEAR_DUPLICATE_BITS, type Store } from '../../src/store/store.js'
import { PIPELINE_VERSION } from '../../src/version.js'
import { PG_URL, testSchema } from './test-postgres.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-store-'))

const { up: pgUp, schema: PG_SCHEMA } = await testSchema('newsgraph_test')

// Articles: the bridge story (plain text and HTML) and a longer text for near-duplicates.
const bridgeText = readFileSync(join(root, 'fixtures/cli/article.txt'), 'utf8')
const bridgeHtml = readFileSync(join(root, 'fixtures/cli/article.html'), 'utf8')
const bridge = analyzeArticle({ id: 'bridge', text: bridgeText, url: 'https://www.riverside-gazette.example/bridge', published: '2024-03-14' })
const page = analyzeArticle({ id: 'page', html: bridgeHtml })
const long = [
  'Foreign ministers from both countries met in Geneva on Tuesday to discuss the ceasefire, the exchange of prisoners and the reopening of the border crossings that have been closed since the spring.',
  '"The talks were useful and frank," Sergei Lavrov, the Russian Foreign Minister, told a news conference after the meeting.',
  'Officials on both sides said that a second round of talks could take place next month, although no date has been agreed and several questions remain open.',
  'The ministers also discussed grain shipments across the Black Sea, which have been disrupted for months, and the fate of the nuclear power plant near the front line.',
  'Analysts said the meeting was the most substantial contact between the two governments in more than a year, and that both sides had reasons to keep talking.',
  'Diplomats familiar with the preparations said the meeting had been arranged quietly over several weeks through intermediaries in Turkey and Switzerland, and that neither government wanted to announce it in advance.',
  'The foreign ministry in Kyiv declined to comment on the details of the talks, saying only that any agreement would have to respect the country\'s borders and the wishes of its people.',
  'In Moscow, a Kremlin spokesman said the president had been briefed on the results and would decide on the next steps after consulting the security council later this week.',
].join('\n\n')
const talks = analyzeArticle({ id: 'talks', text: long, url: 'https://wire.example/talks', published: '2023-07-08' })
// A syndicated copy: another dateline word and a credit line at the end.
const talksCopy = analyzeArticle({ id: 'talks-copy', text: long.replace('on Tuesday', 'on Wednesday') + '\n\nReporting by Anna Petrova; editing by John Smith.', url: 'https://other.example/talks', published: '2023-07-09' })
const sameId = analyzeArticle({ id: 'bridge', text: 'An entirely different article that happens to carry the same id in its JSON Lines file.' })
const ferry = analyzeArticle({
  id: 'ferry',
  text: 'Councillor Tom Reyes said on Friday that the ferries would keep running across the river. "We will not leave anyone stranded," Reyes told reporters.',
  url: 'https://www.valley-news.example/ferry',
  published: '2024-04-02',
})

interface Dialect {
  name: string
  spec: () => string
}

const dialects: Dialect[] = [{ name: 'sqlite', spec: () => join(tmp, 'nested', 'folder', 'store.db') }]
if (pgUp) dialects.push({ name: 'postgres', spec: () => `${PG_URL}?schema=${PG_SCHEMA}` })

describe('simhash', () => {
  it('puts a syndicated copy within NEAR_DUPLICATE_BITS and an unrelated text far away', () => {
    const a = simhash(talks.text)!
    const b = simhash(talksCopy.text)!
    const c = simhash(page.text)!
    expect(hammingDistance(a.hex, b.hex)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS)
    expect(hammingDistance(a.hex, c.hex)).toBeGreaterThan(10)
    expect(simhash('too short to say')).toBeNull()
  })
})

describe('openStore', () => {
  it('refuses anything but a path or a postgres:// URL, naming it', async () => {
    await expect(openStore('mysql://db/news')).rejects.toThrow('cannot open store "mysql://db/news": expected a file path or a postgres:// URL')
  })
})

describe.each(dialects)('store on $name', ({ name, spec }) => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(spec())
  })
  afterAll(async () => {
    await store?.close()
  })

  it('states its capabilities', () => {
    expect(store.dialect).toBe(name)
    expect(store.capabilities.fullText).toBe(name === 'sqlite' ? 'fts5' : 'tsvector')
    if (name === 'sqlite') expect(existsSync(join(tmp, 'nested', 'folder', 'store.db'))).toBe(true)
  })

  it('stores an analysis once, keyed by its text, and gives it back unchanged with its version', async () => {
    expect(await store.put(bridge, { source: 'bridge.txt', inputHash: 'h-bridge' })).toEqual({ status: 'stored', id: 'bridge' })
    expect(await store.put(bridge, { source: 'again.txt' })).toEqual({ status: 'duplicate', id: 'bridge' })
    expect(await store.put({ ...bridge, id: 'other-id' })).toEqual({ status: 'duplicate', id: 'bridge' })
    const got = await store.get('bridge')
    expect(got?.analysis).toEqual(bridge)
    expect(analysisSchema.parse(got?.analysis)).toBeTruthy()
    expect(got?.version).toBe(PIPELINE_VERSION)
    expect(got?.source).toBe('bridge.txt')
    expect(got?.duplicateOf).toBeNull()
    expect(await store.hasInput('h-bridge')).toBe(true)
    expect(await store.hasInput('h-nope')).toBe(false)
    expect(await store.get('nope')).toBeNull()
  })

  it('keeps two different articles that carry the same id apart', async () => {
    const r = await store.put(sameId)
    expect(r.status).toBe('stored')
    expect(r.id).toMatch(/^bridge-[0-9a-f]{10}$/)
    expect((await store.get(r.id))?.analysis.id).toBe(r.id)
  })

  it('links a near-duplicate to the first copy and leaves it out of counts', async () => {
    // The same article as a web page and as scraped text: the same analysed text, stored once.
    expect(page.text).toBe(bridge.text)
    expect(await store.put(page)).toEqual({ status: 'duplicate', id: 'bridge' })
    expect(await store.put(ferry)).toEqual({ status: 'stored', id: 'ferry' })
    expect(await store.put(talks)).toEqual({ status: 'stored', id: 'talks' })
    expect(await store.put(talksCopy)).toEqual({ status: 'near-duplicate', id: 'talks-copy', duplicateOf: 'talks' })
    const counts = await store.counts()
    expect(counts.articles).toBe(4)
    expect(counts.nearDuplicates).toBe(1)
    expect(counts.quotes).toBe(bridge.quotes.length + ferry.quotes.length + talks.quotes.length + sameId.quotes.length)
    expect((await store.list()).map((a) => a.id)).toEqual(['bridge', expect.stringMatching(/^bridge-/), 'ferry', 'talks'])
    expect((await store.list({ duplicates: true })).at(-1)).toMatchObject({ id: 'talks-copy', duplicateOf: 'talks' })
  })

  it(`searches the full text (${name === 'sqlite' ? 'FTS5' : 'tsvector'}), stemming words`, async () => {
    const hits = await store.search('bridges')
    expect(hits.map((h) => h.id)).toEqual(['bridge'])
    expect(hits[0]!.snippet.toLowerCase()).toContain('bridge')
    expect((await store.search('ferry river')).map((h) => h.id)).toEqual(['ferry'])
    expect((await store.search('ceasefire Geneva')).map((h) => h.id)).toEqual(['talks'])
    expect(await store.search('"; drop table articles; --')).toEqual([])
    expect(await store.search('   ')).toEqual([])
  })

  it('queries quotes by speaker, outlet, source kind and date', async () => {
    const lavrov = await store.quotes({ speaker: 'lavrov' })
    expect(lavrov.length).toBeGreaterThan(0)
    expect(lavrov.every((q) => q.articleId === 'talks')).toBe(true)
    expect(lavrov[0]).toMatchObject({ speaker: 'Sergei Lavrov', kind: 'direct', outlet: 'wire.example', sourceKind: 'named' })
    const anonymous = await store.quotes({ kind: 'anonymous' })
    expect(anonymous.map((q) => q.articleId)).toContain('bridge')
    expect(anonymous.every((q) => q.sourceKind === 'anonymous')).toBe(true)
    expect((await store.quotes({ outlet: 'riverside' })).every((q) => q.articleId === 'bridge')).toBe(true)
    expect((await store.quotes({ outlet: 'riverside' })).length).toBe(bridge.quotes.length)
    const since = await store.quotes({ since: '2024-01-01' })
    expect(new Set(since.map((q) => q.articleId))).toEqual(new Set(['bridge', 'ferry']))
    expect(await store.quotes({ speaker: 'nobody at all' })).toEqual([])
  })

  it('stores what each quote\'s attribution does, and filters by it: one act, a comma list, statement', async () => {
    const all = await store.quotes({ limit: 1000 })
    const sorted = (rows: { articleId: string; quoteId: string; act: string | null }[]) => rows.map((q) => `${q.articleId}/${q.quoteId}:${q.act}`).sort()
    expect(sorted(all.filter((q) => q.articleId === 'bridge'))).toEqual(sorted(bridge.quotes.map((q) => ({ articleId: 'bridge', quoteId: q.id, act: q.act }))))
    // The bridge story has a speech, a denial and a report (so the filters below have something to tell apart).
    expect(new Set(bridge.quotes.map((q) => q.act))).toEqual(new Set(['speech', 'deny', 'report']))
    const denials = await store.quotes({ act: 'deny', limit: 1000 })
    expect(denials.length).toBeGreaterThan(0)
    expect(denials).toEqual(all.filter((q) => q.act === 'deny'))
    const two = await store.quotes({ act: 'deny, report', limit: 1000 })
    expect(two).toEqual(all.filter((q) => q.act === 'deny' || q.act === 'report'))
    expect(two.length).toBeGreaterThan(denials.length)
    const statements = await store.quotes({ act: 'statement', limit: 1000 })
    expect(statements).toEqual(all.filter((q) => ['speech', 'report', 'deny', 'accuse', 'claim'].includes(q.act!)))
    const attitudes = await store.quotes({ act: 'belief,stance,other', limit: 1000 })
    expect(statements.length + attitudes.length).toBe(all.length)
    expect(await store.quotes({ act: 'deny', outlet: 'wire.example' })).toEqual([])
    await expect(store.quotes({ act: 'speech,rumour' })).rejects.toThrow('unknown quote act `rumour`')
  })

  it('ranks entities and describes one across articles', async () => {
    const top = await store.topEntities({ limit: 50 })
    expect(top.length).toBeGreaterThan(2)
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.articles).toBeGreaterThanOrEqual(top[i]!.articles)
    expect(top.find((e) => e.name === 'Tom Reyes')).toMatchObject({ type: 'PERSON', articles: 2 })
    const reyes = await store.entity('reyes') // an alias
    expect(reyes).toMatchObject({ name: 'Tom Reyes', type: 'PERSON', articles: 2 })
    expect(reyes!.aliases).toContain('Reyes')
    expect(reyes!.quotes.length).toBeGreaterThan(0)
    expect(reyes!.quotes.every((q) => q.speaker?.includes('Reyes'))).toBe(true)
    const lavrov = await store.entity('Sergei Lavrov')
    expect(lavrov?.roles.join(' ')).toMatch(/Foreign Minister/)
    expect(await store.entity('Nobody Atall')).toBeNull()
  })

  it('exports every article in the order stored, near-duplicates included', async () => {
    const all: string[] = []
    for await (const a of store.export()) {
      all.push(a.id)
      expect(a.analysis.id).toBe(a.id)
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(all).toEqual(['bridge', expect.stringMatching(/^bridge-/), 'ferry', 'talks', 'talks-copy'])
  })

  it('stores concurrent puts of the same text once', async () => {
    const x = analyzeArticle({ id: 'race', text: 'Twelve workers stored the same short article at the same moment, said the clerk.' })
    const results = await Promise.all(Array.from({ length: 6 }, () => store.put(x)))
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(1)
    expect(results.every((r) => r.id === 'race')).toBe(true)
  })
})

export type { Analysis }
