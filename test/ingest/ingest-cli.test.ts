import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { analysisSchema } from '../../src/core/schema.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/newsgraph.js')
const fixture = (p: string) => join(root, 'fixtures', p)
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-cli-'))

/** Runs the real binary (built by `npm test` before the tests), as a user would. */
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: tmp, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const jsonLines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

describe('newsgraph ingest and the query commands', () => {
  const db = join(tmp, 'news.db')
  const dir = join(tmp, 'inputs')
  mkdirSync(dir)
  writeFileSync(join(dir, 'bridge.txt'), readFileSync(fixture('cli/article.txt')))
  writeFileSync(join(dir, 'feed.rss'), readFileSync(fixture('ingest/feed.rss')))
  writeFileSync(join(dir, 'articles.jsonl'), readFileSync(fixture('ingest/articles.jsonl')))

  it('ingests, reports bad input with its place, logs progress, and exits 1 when something failed', () => {
    const r = run(['ingest', dir, '--db', db, '--log-every', '2'])
    expect(r.code, r.stderr).toBe(1)
    expect(jsonLines(r.stdout)).toEqual([{ stored: 5, duplicate: 1, nearDuplicate: 0, skipped: 1, failed: 2, seconds: expect.any(Number) }])
    const lines = r.stderr.trim().split('\n')
    expect(lines).toContainEqual(expect.stringMatching(/^newsgraph: .*articles\.jsonl:3: not valid JSON/))
    expect(lines).toContainEqual(expect.stringMatching(/^newsgraph: .*articles\.jsonl:4: has neither "text" nor "html"/))
    expect(lines.filter((l) => /^ingest: \d+ items \(\d+ stored\), [\d.]+\/s, file \d+\/3, ETA /.test(l)).length).toBeGreaterThanOrEqual(3)
    expect(lines.at(-1)).toMatch(/^ingest: 5 stored, 1 duplicate, 0 near-duplicate, 1 skipped, 2 failed in [\d.]+ s \([\d.]+ items\/s\) into .*news\.db$/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('adds nothing on a re-run; stdin and a clean input exit 0', () => {
    const again = run(['ingest', dir, '--db', db, '-q'])
    expect(jsonLines(again.stdout)[0]).toMatchObject({ stored: 0, duplicate: 6, failed: 2 })
    const stdin = run(['ingest', '-', '--db', db, '-q'], 'The harbour reopened on Sunday after the storm, the port authority said. "Ships are moving again," a spokesman said.')
    expect(stdin.code, stdin.stderr).toBe(0)
    expect(jsonLines(stdin.stdout)[0]).toMatchObject({ stored: 1, failed: 0 })
  })

  it('quotes: by speaker, outlet, source kind, date; JSON lines, table or CSV', () => {
    const park = run(['quotes', '--db', db, '--speaker', 'helen park'])
    expect(park.code, park.stderr).toBe(0)
    const rows = jsonLines(park.stdout)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.every((q) => String(q.speaker).includes('Helen Park'))).toBe(true)
    const anon = jsonLines(run(['quotes', '--db', db, '--kind', 'anonymous']).stdout)
    expect(anon.length).toBeGreaterThan(0)
    expect(anon.every((q) => q.sourceKind === 'anonymous')).toBe(true)
    const since = jsonLines(run(['quotes', '--db', db, '--since', '2024-11-01']).stdout)
    expect(since.length).toBeGreaterThan(0)
    expect(since.every((q) => String(q.published) >= '2024-11-01')).toBe(true)
    expect(jsonLines(run(['quotes', '--db', db, '--outlet', 'gazette.example']).stdout).length).toBeGreaterThan(0)
    const table = run(['quotes', '--db', db, '--speaker', 'park', '--format', 'table']).stdout.split('\n')
    expect(table[0]).toMatch(/^articleId\s+quoteId\s+kind\s+act\s+speaker/)
    expect(table[1]).toMatch(/^-+\s+-+/)
    const csv = run(['quotes', '--db', db, '--format', 'csv']).stdout
    expect(csv.split('\n')[0]).toBe('articleId,quoteId,kind,act,speaker,speakerKind,sourceKind,outlet,published,text')
  })

  it('quotes --act: one act, a comma list, or statement', () => {
    const all = jsonLines(run(['quotes', '--db', db, '--limit', '1000']).stdout)
    // The bridge story has a speech, a denial and a report.
    expect(all.map((q) => q.act)).toEqual(expect.arrayContaining(['speech', 'deny', 'report']))
    const denials = run(['quotes', '--db', db, '--act', 'deny', '--limit', '1000'])
    expect(denials.code, denials.stderr).toBe(0)
    expect(jsonLines(denials.stdout)).toEqual(all.filter((q) => q.act === 'deny'))
    expect(jsonLines(denials.stdout).length).toBeGreaterThan(0)
    const two = jsonLines(run(['quotes', '--db', db, '--act', 'deny,report', '--limit', '1000']).stdout)
    expect(two).toEqual(all.filter((q) => q.act === 'deny' || q.act === 'report'))
    const statements = jsonLines(run(['quotes', '--db', db, '--act', 'statement', '--limit', '1000']).stdout)
    expect(statements).toEqual(all.filter((q) => ['speech', 'report', 'deny', 'accuse', 'claim'].includes(String(q.act))))
    expect(statements.length).toBeGreaterThan(two.length)
    const csv = run(['quotes', '--db', db, '--act', 'deny', '--format', 'csv']).stdout.trim().split('\n')
    expect(csv.slice(1).every((l) => l.split(',')[3] === 'deny')).toBe(true)
  })

  it('entities, search and export', () => {
    const top = jsonLines(run(['entities', '--db', db, '--top', '3']).stdout)
    expect(top).toHaveLength(3)
    expect(top[0]).toEqual({ name: expect.any(String), type: expect.any(String), articles: expect.any(Number), mentions: expect.any(Number) })
    const reyes = jsonLines(run(['entities', '--db', db, '--name', 'Tom Reyes']).stdout)[0]!
    expect(reyes).toMatchObject({ name: 'Tom Reyes', type: 'PERSON' })
    expect(reyes.articles).toBeGreaterThanOrEqual(2)
    // the table lists the entity's quotes with what each does
    const table = run(['entities', '--db', db, '--name', 'Tom Reyes', '--format', 'table']).stdout
    const header = table.split('\n').find((l) => /articleId/.test(l))
    expect(header, table).toMatch(/\bkind\s+act\s+sourceKind\b/)
    const unknown = run(['entities', '--db', db, '--name', 'Nobody Atall'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/Nobody Atall: no such entity in the store/)

    const hits = jsonLines(run(['search', 'flood barriers', '--db', db]).stdout)
    expect(hits.map((h) => h.title)).toEqual(['Harbour master warns of winter storms'])

    const all = jsonLines(run(['export', '--db', db]).stdout)
    expect(all).toHaveLength(6)
    for (const a of all) expect(analysisSchema.safeParse(a).success).toBe(true)
    expect(all[0]).toMatchObject({ version: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), source: expect.stringContaining('articles.jsonl:1') })
    const csv = run(['export', '--db', db, '--format', 'csv']).stdout.trim().split('\n')
    expect(csv[0]).toBe('id,url,title,site,published,language,version,duplicateOf,source,quotes,entities,sources,events')
    expect(csv).toHaveLength(7)
  })

  it.each([
    [['ingest', '--db', join(tmp, 'x.db')], /ingest needs at least one input/],
    [['quotes', '--kind', 'secret'], /--kind expects one of named, organization, outlet, document, anonymous, unknown, received `secret`/],
    [['quotes', '--since', 'May 2024'], /--since expects a date YYYY-MM-DD/],
    [['quotes', '--act', 'rumour'], /--act expects one of speech, report, deny, accuse, claim, belief, stance, other, statement \(or a comma list of them\), received `rumour`/],
    [['quotes', '--act', 'deny,gossip'], /received `gossip` in `deny,gossip`/],
    [['entities', '--top', 'ten'], /--top expects a positive integer, received `ten`/],
    [['search'], /search needs the words to look for/],
    [['export', '--format', 'xml'], /--format expects one of jsonl, csv, received `xml`/],
    [['quotes', '--db', 'mysql://db/news'], /--db: cannot open store "mysql:\/\/db\/news": expected a file path or a postgres:\/\/ URL/],
  ])('usage error %j exits 2', (args, message) => {
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('every new command has --help', () => {
    for (const c of ['ingest', 'quotes', 'entities', 'search', 'export']) {
      const r = run([c, '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('--db')
    }
    expect(run(['quotes', '--help']).stdout).toMatch(/--act A\s+what the attribution does: speech, report, deny, accuse, claim/)
    expect(run(['--help']).stdout).toMatch(/ingest <inputs\.\.\.>/)
  })
})

describe('crash safety', () => {
  it('a run killed mid-way leaves no half-stored article, and a re-run stores every article exactly once', async () => {
    const dir = join(tmp, 'many')
    mkdirSync(dir)
    const towns = ['Riverside', 'Millbrook', 'Eastport', 'Highfield', 'Lakeview', 'Stonebridge', 'Oakdale', 'Westmere', 'Fairhaven', 'Greenhill']
    const people = ['Helen Park', 'Tom Reyes', 'Ines Albrecht', 'Omar Haddad', 'Lena Novak', 'Raj Patel', 'Maria Costa', 'John Okafor', 'Sara Lind', 'Paul Weber']
    const topics = ['the new bridge', 'the school roof', 'the bus timetable', 'the harbour wall', 'the library hours', 'the water pipes', 'the market square', 'the cycle lanes', 'the city budget', 'the flood barriers']
    for (let i = 0; i < 200; i++) {
      const town = towns[i % 10]!
      const person = people[Math.floor(i / 10) % 10]!
      const topic = topics[Math.floor(i / 20) % 10]!
      writeFileSync(
        join(dir, `article-${String(i).padStart(3, '0')}.txt`),
        `Story ${i} from ${town}: the council of ${town} debated ${topic} on day ${i} of the session.\n\n` +
          `"We owe the people of ${town} an answer on ${topic}," ${person} told reporters after meeting number ${i * 7 + 3}.\n\n` +
          `According to two officials who asked not to be named, a decision is expected within ${(i % 9) + 2} weeks.`,
      )
    }
    const db = join(tmp, 'crash.db')
    // Kill as soon as the first progress line shows some articles are stored.
    const child = spawn(process.execPath, [bin, 'ingest', dir, '--db', db, '--log-every', '20'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] })
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/ingest: \d+(?:\/\d+)? items/.test(chunk.toString())) child.kill('SIGKILL')
      })
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'))
    })
    expect(killed).toBe(true)

    const check = () => {
      const conn = new Database(db, { readonly: true })
      try {
        const rows = conn.prepare('select seq, source, analysis from articles').all() as { seq: number; source: string; analysis: string }[]
        for (const r of rows) {
          const a = JSON.parse(r.analysis) as { quotes: unknown[]; entities: unknown[] }
          expect((conn.prepare('select count(*) as n from quotes where article_seq = ?').get(r.seq) as { n: number }).n).toBe(a.quotes.length)
          expect((conn.prepare('select count(*) as n from entities where article_seq = ?').get(r.seq) as { n: number }).n).toBe(a.entities.length)
        }
        const fts = (conn.prepare('select count(*) as n from articles_fts').get() as { n: number }).n
        expect(fts).toBe(rows.length)
        return rows.map((r) => r.source)
      } finally {
        conn.close()
      }
    }
    const afterKill = check()
    expect(afterKill.length).toBeGreaterThan(0)
    expect(afterKill.length).toBeLessThan(200)

    const r = run(['ingest', dir, '--db', db, '-q'])
    expect(r.code, r.stderr).toBe(0)
    const counts = jsonLines(r.stdout)[0]!
    expect(Number(counts.stored) + Number(counts.nearDuplicate)).toBe(200 - afterKill.length)
    const sources = check()
    expect(sources).toHaveLength(200)
    expect(new Set(sources).size).toBe(200)
  })
})

describe('newsgraph ingest: fetching and worker threads', () => {
  const runAsync = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
    })

  it('fetches feed items with --fetch: refused on a private address without --allow-private, stored with it', async () => {
    const { createServer } = await import('node:http')
    const pages: Record<string, string> = {
      '/bridge': readFileSync(fixture('cli/article.html'), 'utf8'),
      '/harbour': `<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Sunday after the storm, the port authority said.</p><p>"Ships are moving again," a spokesman said on Sunday afternoon.</p></article></body></html>`,
    }
    const server = createServer((req, res) => {
      const page = pages[req.url ?? '']
      if (page) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
      else res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    const feed = join(tmp, 'local.rss')
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Bridge</title><link>${base}/bridge</link><description>teaser</description></item>
<item><title>Harbour</title><link>${base}/harbour</link><description>teaser</description></item>
</channel></rss>`,
    )
    try {
      const refused = await runAsync(['ingest', feed, '--fetch', '--db', join(tmp, 'fetch-refused.db'), '-q', '--workers', '1'])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(`newsgraph: ${feed}#item-1: ${base}/bridge: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (pass --allow-private`)
      expect(JSON.parse(refused.stdout)).toMatchObject({ stored: 0, failed: 2 })
      const allowed = await runAsync(['ingest', feed, '--fetch', '--allow-private', '--db', join(tmp, 'fetch-allowed.db'), '-q', '--workers', '2'])
      expect(allowed.code, allowed.stderr).toBe(0)
      expect(JSON.parse(allowed.stdout)).toMatchObject({ stored: 2, failed: 0 })
      // A URL given as an input is fetched the same way.
      const url = await runAsync(['ingest', `${base}/harbour`, '--allow-private', '--db', join(tmp, 'fetch-url.db'), '-q'])
      expect(JSON.parse(url.stdout), url.stderr).toMatchObject({ stored: 1 })
    } finally {
      server.close()
    }
  })

  it('stores the same articles, in the same order, with 1 and with 3 worker threads', async () => {
    const dir = join(tmp, 'workers-in')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.txt'), readFileSync(fixture('cli/article.txt')))
    writeFileSync(join(dir, 'b.jsonl'), readFileSync(fixture('ingest/articles.jsonl')))
    writeFileSync(join(dir, 'c.rss'), readFileSync(fixture('ingest/feed.rss')))
    const one = await runAsync(['ingest', dir, '--db', join(tmp, 'w1.db'), '-q', '--workers', '1'])
    const three = await runAsync(['ingest', dir, '--db', join(tmp, 'w3.db'), '-q', '--workers', '3'])
    const counts = (r: { stdout: string }) => {
      const { seconds: _s, ...c } = JSON.parse(r.stdout) as Record<string, number>
      return c
    }
    expect(counts(three)).toEqual(counts(one))
    expect(three.stderr.replace(/ in [\d.]+ s \([\d.]+ items\/s\).*/g, '').replaceAll('w3.db', 'w1.db')).toBe(
      one.stderr.replace(/ in [\d.]+ s \([\d.]+ items\/s\).*/g, ''),
    )
    const rows = (db: string) => new Database(join(tmp, db), { readonly: true }).prepare('select id, source, hash, duplicate_of from articles order by seq').all()
    expect(rows('w3.db')).toEqual(rows('w1.db'))
    expect(run(['ingest', dir, '--workers', '0']).stderr).toMatch(/--workers expects a positive integer, received `0`/)
  })
})

describe('newsgraph entities: people across articles', () => {
  it('--name lists the people a name is linked to, with aliases across articles; --split undoes a merge', () => {
    const db = join(tmp, 'people.db')
    const input = join(tmp, 'lavrov.jsonl')
    writeFileSync(
      input,
      [
        { id: 'geneva', text: '"The talks were useful," Sergei Lavrov, the Russian Foreign Minister, told reporters in Geneva on Tuesday.' },
        { id: 'friday', text: 'Russian Foreign Minister Sergey Lavrov said on Friday that the ceasefire would hold. "We are ready," Lavrov said.' },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n') + '\n',
    )
    expect(run(['ingest', input, '--db', db, '-q', '--workers', '1']).code).toBe(0)
    const e = jsonLines(run(['entities', '--db', db, '--name', 'Sergei Lavrov']).stdout)[0]! as { people: { id: number; aliases: string[]; rules: string[]; articles: number }[] }
    expect(e.people).toHaveLength(1)
    expect(e.people[0]).toMatchObject({ aliases: ['Sergei Lavrov', 'Sergey Lavrov'], rules: ['given-name-variant', 'new'], articles: 2 })
    const split = run(['entities', '--db', db, '--split', String(e.people[0]!.id), '--alias', 'Sergey Lavrov'])
    expect(split.code, split.stderr).toBe(0)
    expect(JSON.parse(split.stdout)).toMatchObject({ split: e.people[0]!.id, alias: 'Sergey Lavrov', moved: 1 })
    const after = jsonLines(run(['entities', '--db', db, '--name', 'Sergei Lavrov']).stdout)[0]! as typeof e
    expect(after.people.map((p) => p.aliases)).toEqual([['Sergei Lavrov']])
    const again = run(['entities', '--db', db, '--split', String(e.people[0]!.id), '--alias', 'Sergey Lavrov'])
    expect(again.code).toBe(1)
    expect(again.stderr.trim()).toBe(
      `newsgraph: --split ${e.people[0]!.id}: person ${e.people[0]!.id} is never named "Sergey Lavrov"; its names: Sergei Lavrov (see \`newsgraph entities --name NAME\` for people and their names)`,
    )
    expect(run(['entities', '--db', db, '--split', '1']).stderr).toMatch(/--split ID needs --alias NAME/)
  })
})
