/**
 * `npm run bench`: articles per second for the whole analysis (no extraction) over the PolNeAR dev
 * texts, in one process, with peak memory. Prints one summary line.
 * `npm run bench -- analyze [--limit N]` (the default) or `npm run bench -- ingest [--limit N]`
 * (scripts/bench-ingest.ts: SQLite and PostgreSQL) or `npm run bench -- api` (scripts/bench-api.ts: API
 * latency under 50 clients and first paint in Chromium). Data folder: ../shared/data or NEWSGRAPH_DATA.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { analyzeArticle } from '../src/pipeline.js'

const dataDir = process.env.NEWSGRAPH_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url))
const args = process.argv.slice(2)
const part = args.find((a) => !a.startsWith('--')) ?? 'analyze'
const limitAt = args.indexOf('--limit')
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity
if (part === 'ingest' || part === 'api') {
  if (part === 'api') {
    // It ingests with worker threads, which run the built worker (dist/): build from the sources first.
    const { execFileSync } = await import('node:child_process')
    execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: 'inherit',
    })
  }
  await import(part === 'ingest' ? './bench-ingest.js' : './bench-api.js')
  process.exit(0)
}
if (part !== 'analyze') {
  console.error(`Unknown benchmark \`${part}\`, expected: analyze, ingest, api`)
  process.exit(2)
}
const file = `${dataDir}/quotes/polnear/dev.jsonl`
if (!existsSync(file)) {
  console.error(`bench: ${file} not found (set NEWSGRAPH_DATA to the shared/data folder)`)
  process.exit(1)
}
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, limit)
  .map((l) => JSON.parse(l) as { id: string; text: string; meta?: { publication_date?: string } })
// Warm up: load models, JIT.
for (const d of docs.slice(0, 5)) analyzeArticle({ id: d.id, text: d.text }, { raw: true })
let peak = process.memoryUsage().rss
let chars = 0
let quotes = 0
let entities = 0
const t0 = performance.now()
for (const d of docs) {
  const a = analyzeArticle({ id: d.id, text: d.text, published: d.meta?.publication_date ?? null }, { raw: true })
  chars += d.text.length
  quotes += a.quotes.length
  entities += a.entities.length
  peak = Math.max(peak, process.memoryUsage().rss)
}
const secs = (performance.now() - t0) / 1000
console.log(
  `bench analyze: ${docs.length} PolNeAR dev articles in ${secs.toFixed(1)} s = ${(docs.length / secs).toFixed(1)} articles/s ` +
    `(${(chars / secs / 1e6).toFixed(2)} MB/s, one process), ${quotes} quotes, ${entities} entities, peak RSS ${(peak / 1048576).toFixed(0)} MB`,
)
