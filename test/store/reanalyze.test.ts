import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { parseJsonlRecord } from '../../src/cli/main.js'
import { decodeInput, readInputBytes } from '../../src/cli/read-input.js'
import { ingest } from '../../src/ingest/ingest.js'
import { reanalyze } from '../../src/ingest/reanalyze.js'
import { analyzeArticle } from '../../src/pipeline.js'
import { openStore } from '../../src/store/open-store.js'
import { PIPELINE_VERSION } from '../../src/version.js'
import { PG_URL, pgClient, testSchema } from './test-postgres.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-reanalyze-'))
const io = { readBytes: (a: string) => readInputBytes(a), decode: decodeInput, parseJsonlRecord }
const { up: probe, schema: PG_SCHEMA } = await testSchema('newsgraph_reanalyze')

/** Runs SQL on the store's database directly, to fake what an older pipeline left behind. */
type RawSql = (sql: string) => Promise<void>
const dialects: { name: string; spec: string; raw: RawSql }[] = [
  {
    name: 'sqlite',
    spec: join(tmp, 'store.db'),
    raw: async (sql) => {
      const db = new Database(join(tmp, 'store.db'))
      db.exec(sql)
      db.close()
    },
  },
]
if (probe)
  dialects.push({
    name: 'postgres',
    spec: `${PG_URL}?schema=${PG_SCHEMA}`,
    raw: async (sql) => {
      const c = (await pgClient())!
      await c.query(`set search_path to ${PG_SCHEMA}`)
      await c.query(sql)
      await c.end()
    },
  })

describe.each(dialects)('reanalyze on $name', ({ spec, raw }) => {
  it('analyses again the articles of an older version, from the stored input; a second run does nothing', async () => {
    const store = await openStore(spec)
    try {
      const s = await ingest([join(root, 'fixtures/ingest/articles.jsonl'), join(root, 'fixtures/cli/article.html')], { store, io })
      expect(s.stored).toBeGreaterThanOrEqual(3)
      const before = await store.quotes({ limit: 1000 })
      const [first, second] = await store.list()
      expect(before.every((q) => q.act !== null)).toBe(true)
      // An older pipeline: another version, no quotes found, a stale full-text entry; quotes stored
      // before acts were kept (act null, as migration 6 leaves them).
      await raw(`update articles set version = '0.0.1' where id in ('${first!.id}', '${second!.id}');
        delete from quotes where article_seq in (select seq from articles where id = '${first!.id}');
        update quotes set act = null where article_seq in (select seq from articles where id = '${second!.id}')`)
      expect((await store.quotes({ limit: 1000 })).length).toBeLessThan(before.length)
      const unknownAct = (await store.quotes({ limit: 1000 })).filter((q) => q.act === null)
      expect(unknownAct.length).toBeGreaterThan(0)
      expect((await store.quotes({ act: 'statement', limit: 1000 })).some((q) => unknownAct.some((u) => u.articleId === q.articleId && u.quoteId === q.quoteId))).toBe(false)

      const r1 = await reanalyze(store)
      expect(r1).toMatchObject({ updated: 2, current: s.stored - 2, failed: 0, fromText: 0, version: PIPELINE_VERSION })
      expect((await store.get(first!.id))!.version).toBe(PIPELINE_VERSION)
      expect(await store.quotes({ limit: 1000 })).toEqual(before)
      // The full-text entry was replaced, not doubled.
      const hits = await store.search((await store.get(first!.id))!.analysis.text.split(/\s+/).slice(0, 3).join(' '))
      expect(hits.filter((h) => h.id === first!.id)).toHaveLength(1)

      const r2 = await reanalyze(store)
      expect(r2).toMatchObject({ updated: 0, current: s.stored, failed: 0 })

      // With --all, every article; an article stored without its input is analysed from its text.
      await raw(`update articles set input = null where id = '${second!.id}'`)
      let calls = 0
      const r3 = await reanalyze(store, { all: true, analyze: (input) => (calls++, analyzeArticle(input)) })
      expect(r3).toMatchObject({ updated: s.stored, current: 0, fromText: 1, failed: 0 })
      expect(calls).toBe(s.stored)
    } finally {
      await store.close()
    }
  })
})

describe('newsgraph reanalyze', () => {
  it('prints a summary, and --help', async () => {
    const { spawnSync } = await import('node:child_process')
    const bin = join(root, 'bin/newsgraph.js')
    const db = join(tmp, 'cli.db')
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmp })
    run(['ingest', join(root, 'fixtures/ingest/articles.jsonl'), '--db', db, '-q', '--workers', '1']) // exits 1: the fixture has bad lines too
    const d = new Database(db)
    d.exec(`update articles set version = '0.0.1'`)
    const stored = (d.prepare('select count(*) as n from articles').get() as { n: number }).n
    d.close()
    const r = run(['reanalyze', '--db', db, '-q'])
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ updated: stored, current: 0, failed: 0 })
    expect(r.stderr).toMatch(new RegExp(`^reanalyze: ${stored} updated, 0 already at ${PIPELINE_VERSION.replace(/\./g, '\\.')}, 0 failed in [\\d.]+ s in .*cli\\.db\\n$`))
    expect(JSON.parse(run(['reanalyze', '--db', db]).stdout)).toMatchObject({ updated: 0, current: stored })
    expect(run(['reanalyze', '--help']).stdout).toMatch(/^Usage: newsgraph reanalyze/)
  })
})
