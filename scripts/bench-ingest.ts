/**
 * Ingest benchmark: N articles (default 10,000; `--limit N`) built from the texts in ../shared/data
 * (PolNeAR, ECB+, the Zyte benchmark's ground truth), repeated with small variations to reach N,
 * written to one JSON Lines file and ingested with `ingest()` (the code behind `newsgraph ingest`):
 * into SQLite with 1 worker (analysis in the main thread) and with 2 worker threads, then into
 * PostgreSQL (when it answers) with 2 workers. Prints one summary line: articles/s for each run, the
 * 1 → 2 worker scaling, store size per article, peak RSS (all threads), PostgreSQL vs SQLite.
 *
 * Usage: node --import tsx scripts/bench-ingest.ts [--limit N] [--workers N] [--pg postgres://...]
 * (`--workers` sets the second run's thread count, default 2.) Data folder: ../shared/data or
 * NEWSGRAPH_DATA. Scratch stores go to the OS temp folder (the PostgreSQL one in its own schema) and
 * are removed at the end. Builds dist/ first (the worker threads run the built worker).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { parseJsonlRecord } from '../src/cli/main.js'
import { decodeInput, readInputBytes } from '../src/cli/read-input.js'
import { ingest, type IngestSummary } from '../src/ingest/ingest.js'
import { openStore } from '../src/store/open-store.js'
import type { Store } from '../src/store/store.js'

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
const workers = Number(opt('workers') ?? 2)
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

// Worker threads run the built worker (dist/): build it from the current sources first.
execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
})

const bases = loadTexts()
if (bases.length === 0) {
  console.error(`bench-ingest: no texts under ${dataDir} (set NEWSGRAPH_DATA to the shared/data folder)`)
  process.exit(1)
}
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'))
const input = join(dir, 'bench.jsonl')
writeFileSync(input, Array.from({ length: limit }, (_, i) => JSON.stringify(variant(bases, i))).join('\n') + '\n')
const io = { readBytes: (a: string) => readInputBytes(a), decode: decodeInput, parseJsonlRecord }

/** Resident memory at each quarter of the 1-worker run: flat if the store's growth costs no memory. */
const rssQuarters: number[] = []

async function run(store: Store, n: number, label: string): Promise<IngestSummary> {
  let last = Date.now()
  const progress = {
    update(s: { done: number }) {
      if (n === 1 && s.done >= ((rssQuarters.length + 1) * limit) / 4) rssQuarters.push(process.memoryUsage().rss)
      if (Date.now() - last > 10_000) {
        last = Date.now()
        process.stderr.write(`bench-ingest: ${label}: ${s.done}/${limit}\n`)
      }
    },
    clear() {},
  }
  const summary = await ingest([input], { store, io, workers: n, progress })
  if (summary.failed) process.stderr.write(`bench-ingest: ${label}: ${summary.failed} failed, first: ${JSON.stringify(summary.problems[0])}\n`)
  process.stderr.write(`bench-ingest: ${label}: ${(limit / summary.seconds).toFixed(1)} articles/s\n`)
  return summary
}

const sqliteBytes = (path: string) => ['', '-wal', '-shm'].reduce((s, ext) => s + (existsSync(path + ext) ? statSync(path + ext).size : 0), 0)

const path1 = join(dir, 'one.db')
const one = await openStore(path1)
const s1 = await run(one, 1, 'sqlite, 1 worker')
await one.close()
const path2 = join(dir, 'two.db')
const two = await openStore(path2)
const s2 = await run(two, workers, `sqlite, ${workers} workers`)
await two.close()
const bytes = sqliteBytes(path2)

const schema = `newsgraph_bench_${process.pid}`
const postgres = await postgresStore(schema)
let sp: IngestSummary | null = null
let pgBytes = 0
if (postgres) {
  sp = await run(postgres, workers, `postgres, ${workers} workers`)
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

const rate = (s: IngestSummary) => limit / s.seconds
const kb = (b: number) => (b / limit / 1024).toFixed(1)
const parts = [
  `bench-ingest: ${limit} articles (${s2.stored} stored, ${s2.nearDuplicate} near-duplicate, ${s2.duplicate} duplicate, ${s2.failed} failed; from ${bases.length} texts)`,
  `sqlite 1 worker ${rate(s1).toFixed(1)} articles/s`,
  `${workers} workers ${rate(s2).toFixed(1)} articles/s (scaling ${(rate(s2) / rate(s1)).toFixed(2)}x)`,
  `${kb(bytes)} KB/article`,
  sp
    ? `postgres ${workers} workers ${rate(sp).toFixed(1)} articles/s, ${kb(pgBytes)} KB/article, postgres/sqlite throughput ${(rate(sp) / rate(s2)).toFixed(2)}x`
    : 'postgres not reachable',
  `RSS at 25/50/75/100% of the 1-worker run ${rssQuarters.map((b) => (b / 1048576).toFixed(0)).join('/')} MB`,
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (all threads)`,
  `${availableParallelism()} cores`,
]
console.log(parts.join(' · '))
