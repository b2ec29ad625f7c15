/**
 * API benchmark: a store of N articles (default 10,000; `--limit N`), served by the real binary
 * (`newsgraph serve --db`) on loopback, loaded by C concurrent clients (default 50; `--clients C`)
 * for S seconds per route (default 10; `--seconds S`): entity pages' API calls
 * (`/api/entities/:name`) and searches (`/api/search?q=`). Each request picks its entity among the
 * 200 most named (any type), and its query among 200 (those entities' names, then their single
 * words), by a Zipf law (rank r drawn with weight 1/r, seeded), as readers favour the prominent.
 * Every route is loaded twice: by the server as it runs by default (its read cache on, cold at the
 * start), and with `--cache 0`, every answer read from the store. Then the first paint and the
 * time to the highlighted text of an article page in headless Chromium (when /usr/bin/chromium
 * exists). Prints one summary line: requests/s, p50 and p95 for each route and mode.
 *
 * The store is built without re-running the pipeline 10,000 times: the bundled sample is analysed
 * once, and each copy gets a unique prefix of filler words (as long as the article, so no copy is a
 * near-duplicate of another), every offset shifted by its length.
 *
 * Usage: npm run build && node --import tsx scripts/bench-api.ts [--limit N] [--clients C] [--seconds S] [--db PATH]
 * Loopback only; the scratch store goes to the OS temp folder and is removed at the end (with
 * `--db`, it is built at PATH, or reused when PATH exists, and kept).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Analysis } from '../src/core/types.js'
import { samplePath } from '../src/http/serve-command.js'
import { analyzeArticle } from '../src/pipeline.js'
import { openStore } from '../src/store/open-store.js'

const args = process.argv.slice(2)
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  const v = i >= 0 ? Number(args[i + 1]) : fallback
  if (!Number.isInteger(v) || v < 1 || v > 1_000_000) {
    console.error(`bench-api: --${name} expects a positive integer, received \`${args[i + 1]}\``)
    process.exit(2)
  }
  return v
}
const limit = opt('limit', 10_000)
const clients = Math.min(opt('clients', 50), 500)
const seconds = Math.min(opt('seconds', 10), 120)
const root = fileURLToPath(new URL('../', import.meta.url))
const bin = join(root, 'bin/newsgraph.js')
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('bench-api: run `npm run build` first (the server runs from dist/)')
  process.exit(2)
}

/** Every span of an analysis moved `by` code units to the right (a prefix of that length was added). */
function shifted(a: Analysis, prefix: string, id: string): Analysis {
  const by = prefix.length
  const s = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by })
  const maybe = <T extends { start: number; end: number }>(x: T | undefined) => (x ? s(x) : undefined)
  return {
    ...a,
    id,
    text: prefix + a.text,
    removed: a.removed.map(s),
    sentences: [{ start: 0, end: by - 1 }, ...a.sentences.map(s)],
    entities: a.entities.map((e) => ({ ...e, mentions: e.mentions.map(s), roleMentions: e.roleMentions.map(s) })),
    times: a.times.map(s),
    quotes: a.quotes.map((q) => {
      const speaker = q.speaker.start !== undefined && q.speaker.end !== undefined ? { ...q.speaker, start: q.speaker.start + by, end: q.speaker.end + by } : q.speaker
      const cue = maybe(q.cue)
      return { ...s(q), speaker, ...(cue ? { cue } : {}), ...(q.fragments ? { fragments: q.fragments.map(s) } : {}) }
    }),
    sources: a.sources.map(s),
    events: a.events.map(s),
  }
}

const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' ')
function filler(seed: number, length: number): string {
  // A 32-bit LCG in exact integer arithmetic (Math.imul), so every seed gives its own words.
  let x = (Math.imul(seed, 2654435761) + 1) >>> 0
  const out: string[] = []
  let n = 0
  while (n < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    const w = WORDS[x % WORDS.length]! + (x % 97)
    out.push(w)
    n += w.length + 1
  }
  return out.join(' ') + '.\n'
}

async function buildStore(db: string): Promise<void> {
  const bases = readFileSync(samplePath(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; title?: string; text?: string; html?: string; url?: string; published?: string })
    .map((r) => analyzeArticle(r))
  const store = await openStore(db)
  const t0 = Date.now()
  for (let i = 0; i < limit; i++) {
    const base = bases[i % bases.length]!
    await store.put(i < bases.length ? base : shifted(base, filler(i, Math.max(400, base.text.length)), `${base.id}-${i}`))
    if (i % 2000 === 1999) process.stderr.write(`bench-api: stored ${i + 1}/${limit}\n`)
  }
  const counts = await store.counts()
  await store.close()
  process.stderr.write(`bench-api: store of ${counts.articles} articles (${counts.nearDuplicates} near-duplicates) built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`)
}

function startServer(db: string, extra: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', ...extra], { env: { ...process.env, NEWSGRAPH_TOKEN: 'bench-token-not-secret' }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m)
        resolve({
          url: m[1]!,
          stop: () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))),
        })
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
}

/** Picks among `paths` by a Zipf law (weight 1/rank), from a seeded generator: the same run, the same requests. */
function zipf(paths: string[], seed: number): () => string {
  const cum: number[] = []
  let total = 0
  for (let r = 1; r <= paths.length; r++) cum.push((total += 1 / r))
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    const u = (x / 2 ** 32) * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! < u) lo = mid + 1
      else hi = mid
    }
    return paths[lo]!
  }
}

/** `clients` loops requesting `next()` paths for `seconds`; latencies in ms. */
async function load(url: string, next: () => string): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  let errors = 0
  const end = Date.now() + seconds * 1000
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now()
      const req = http.get(new URL(next(), url), { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - t)
          else errors++
          resolve()
        })
      })
      req.on('error', () => {
        errors++
        resolve()
      })
    })
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) await one()
    }),
  )
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
  return { rps: latencies.length / seconds, p50: q(0.5), p95: q(0.95), errors }
}

async function firstPaint(url: string, articleId: string): Promise<string> {
  if (!existsSync('/usr/bin/chromium')) return 'no /usr/bin/chromium: first paint not measured'
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  try {
    const page = await browser.newPage()
    const runs: { fcp: number; text: number }[] = []
    for (let i = 0; i < 5; i++) {
      const t = Date.now()
      await page.goto(new URL('articles/' + encodeURIComponent(articleId), url).href)
      await page.waitForSelector('#article-text .q')
      const text = Date.now() - t
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
      runs.push({ fcp, text })
    }
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    return `article page: first contentful paint ${med(runs.map((r) => r.fcp)).toFixed(0)} ms, highlighted text shown ${med(runs.map((r) => r.text))} ms (median of 5)`
  } finally {
    await browser.close()
  }
}

// `--db PATH`: build the store there (or reuse it when it exists) and keep it, to look into it afterwards.
const dbArg = args.indexOf('--db') >= 0 ? args[args.indexOf('--db') + 1] : undefined
const dir = dbArg ? null : mkdtempSync(join(tmpdir(), 'newsgraph-bench-api-'))
const db = dbArg ?? join(dir!, 'bench.db')
let server: { url: string; stop: () => Promise<void> } | null = null
try {
  if (!dbArg || !existsSync(db)) await buildStore(db)
  server = await startServer(db)
  const top = (await (await fetch(new URL('api/entities?limit=200', server.url))).json()) as { entities: { name: string; articles: number }[] }
  const names = top.entities.map((e) => e.name)
  const words = [...new Set(names.flatMap((n) => n.toLowerCase().match(/\p{L}{3,}/gu) ?? []))]
  const queries = [...new Set([...names, ...words])].slice(0, 200)
  const entityPaths = names.map((n) => 'api/entities/' + encodeURIComponent(n))
  const searchPaths = queries.map((q) => 'api/search?q=' + encodeURIComponent(q))
  const f = (r: Awaited<ReturnType<typeof load>>) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms${r.errors ? `, ${r.errors} errors` : ''}`
  const cached = { entity: await load(server.url, zipf(entityPaths, 1)), search: await load(server.url, zipf(searchPaths, 2)) }
  const paint = await firstPaint(server.url, 'backchannel-report')
  await server.stop()
  server = await startServer(db, ['--cache', '0'])
  const uncached = { entity: await load(server.url, zipf(entityPaths, 1)), search: await load(server.url, zipf(searchPaths, 2)) }
  console.log(
    `bench-api: ${limit} articles, ${clients} clients, ${seconds} s each, Zipf over the ${entityPaths.length} most named entities (top: ${top.entities[0]!.name}, ${top.entities[0]!.articles} articles) and ${searchPaths.length} queries: ` +
      `entity page ${f(cached.entity)}; search ${f(cached.search)} | without the read cache (--cache 0): entity page ${f(uncached.entity)}; search ${f(uncached.search)} | ${paint}`,
  )
} finally {
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
}
