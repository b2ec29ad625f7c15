/**
 * Ingest benchmark: N articles (default 10,000; `--limit N`) built from the texts in ../shared/data
 * (PolNeAR, ECB+, the Zyte benchmark's ground truth), repeated with small variations to reach N,
 * analysed once each and stored into SQLite and into PostgreSQL (when it answers). Prints one
 * summary line: articles/s per store (analysis + store), store-only puts/s, store size per article,
 * peak RSS, and the PostgreSQL/SQLite ratio.
 *
 * Usage: node --import tsx scripts/bench-ingest.ts [--limit N] [--pg postgres://...]
 * Data folder: ../shared/data or NEWSGRAPH_DATA. Scratch stores go to the OS temp folder (the
 * PostgreSQL one in its own schema) and are removed at the end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { analyzeArticle } from '../src/pipeline.js'
import { openStore } from '../src/store/open-store.js'
import type { PutStatus, Store } from '../src/store/store.js'

const dataDir = process.env.NEWSGRAPH_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const limit = Number(opt('limit') ?? 10_000)
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`bench-ingest: --limit expects a positive integer, received \`${opt('limit')}\``)
  process.exit(2)
}
const pgUrl = opt('pg') ?? process.env.NEWSGRAPH_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test'

interface Base {
  title: string | null
  text: string
}

function loadTexts(): Base[] {
  const out: Base[] = []
  const jsonl = (p: string) =>
    existsSync(p)
      ? readFileSync(p, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { title?: string; text?: string })
      : []
  for (const d of jsonl(join(dataDir, 'quotes/polnear/dev.jsonl'))) if (d.text) out.push({ title: null, text: d.text })
  for (const d of jsonl(join(dataDir, 'stories/ecbplus/dev.jsonl'))) if (d.text) out.push({ title: d.title ?? null, text: d.text })
  const zyte = join(dataDir, 'extraction/zyte-benchmark/ground-truth.json')
  if (existsSync(zyte))
    for (const d of Object.values(JSON.parse(readFileSync(zyte, 'utf8')) as Record<string, { articleBody?: string }>))
      if (d.articleBody) out.push({ title: null, text: d.articleBody })
  return out
}

/** Copy `round` of a text: round 0 as is; later rounds swap in another text's first paragraph and a dateline. */
function variant(bases: Base[], i: number): { id: string; title: string | null; text: string } {
  const n = bases.length
  const base = bases[i % n]!
  const round = Math.floor(i / n)
  if (round === 0) return { id: `b${i}`, title: base.title, text: base.text }
  const other = bases[(i * 7 + round) % n]!.text.split('\n').find((p) => p.trim().length > 40) ?? ''
  const paragraphs = base.text.split('\n')
  paragraphs.splice(Math.min(paragraphs.length, 1 + (round % 3)), 0, other)
  return { id: `b${i}`, title: base.title, text: `(Update ${round}) ${paragraphs.join('\n')}` }
}

async function postgresStore(schema: string): Promise<Store | null> {
  const probe = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 })
  try {
    await probe.connect()
  } catch {
    return null
  } finally {
    await probe.end().catch(() => undefined)
  }
  return openStore(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`)
}

const bases = loadTexts()
if (bases.length === 0) {
  console.error(`bench-ingest: no texts under ${dataDir} (set NEWSGRAPH_DATA to the shared/data folder)`)
  process.exit(1)
}
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'))
const sqlitePath = join(dir, 'bench.db')
const schema = `newsgraph_bench_${process.pid}`
const sqlite = await openStore(sqlitePath)
const postgres = await postgresStore(schema)

// Warm up (models, JIT) outside the timings.
for (const b of bases.slice(0, 3)) analyzeArticle({ text: b.text })

const statuses: Record<PutStatus, number> = { stored: 0, duplicate: 0, 'near-duplicate': 0 }
let analysisMs = 0
let sqliteMs = 0
let postgresMs = 0
for (let i = 0; i < limit; i++) {
  const v = variant(bases, i)
  let t = performance.now()
  const analysis = analyzeArticle(v)
  analysisMs += performance.now() - t
  t = performance.now()
  const r = await sqlite.put(analysis, { source: `bench:${i}` })
  sqliteMs += performance.now() - t
  statuses[r.status]++
  if (postgres) {
    t = performance.now()
    await postgres.put(analysis, { source: `bench:${i}` })
    postgresMs += performance.now() - t
  }
  if ((i + 1) % 1000 === 0) process.stderr.write(`bench-ingest: ${i + 1}/${limit}\n`)
}
await sqlite.close()
const sqliteBytes = ['', '-wal', '-shm'].reduce((s, ext) => s + (existsSync(sqlitePath + ext) ? statSync(sqlitePath + ext).size : 0), 0)
let pgBytes = 0
if (postgres) {
  await postgres.close()
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  const r = await c.query<{ bytes: string }>(
    `select coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)), 0) as bytes from pg_tables where schemaname = $1`,
    [schema],
  )
  pgBytes = Number(r.rows[0]!.bytes)
  await c.query(`drop schema ${schema} cascade`)
  await c.end()
}
rmSync(dir, { recursive: true, force: true })

const perSec = (ms: number) => (ms > 0 ? limit / (ms / 1000) : 0)
const kb = (b: number) => (b / limit / 1024).toFixed(1)
const parts = [
  `bench-ingest: ${limit} articles (${statuses.stored} stored, ${statuses['near-duplicate']} near-duplicate, ${statuses.duplicate} duplicate; from ${bases.length} texts)`,
  `analysis ${perSec(analysisMs).toFixed(1)}/s`,
  `sqlite ${perSec(analysisMs + sqliteMs).toFixed(1)} articles/s (puts ${perSec(sqliteMs).toFixed(0)}/s), ${kb(sqliteBytes)} KB/article`,
  postgres
    ? `postgres ${perSec(analysisMs + postgresMs).toFixed(1)} articles/s (puts ${perSec(postgresMs).toFixed(0)}/s), ${kb(pgBytes)} KB/article, put time postgres/sqlite ${(postgresMs / sqliteMs).toFixed(2)}x`
    : 'postgres not reachable',
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  `1 process, no worker threads`,
]
console.log(parts.join(' · '))
