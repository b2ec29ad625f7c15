import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analysisSchema, checkAnalysisIntegrity } from '../../src/core/schema.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/newsgraph.js')
const fixture = (name: string) => join(root, 'fixtures/cli', name)

/** Runs the real binary (built by `npm test` before the tests), as a user would. */
function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'))

/** Every bad input: exit 1, exactly one line on stderr that names the input, no stack trace. */
function expectInputError(r: ReturnType<typeof run>, input: string, problem: RegExp) {
  expect(r.code).toBe(1)
  expect(r.stdout).toBe('')
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(input)
  expect(lines[0]).toMatch(problem)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

describe('newsgraph analyze: bad input', () => {
  it('a missing file', () => {
    const f = join(tmp, 'nope.txt')
    expectInputError(run(['analyze', f]), f, /no such file/)
  })
  it('an unreadable path (a symbolic link loop)', () => {
    const f = join(tmp, 'loop')
    symlinkSync(f, f)
    expectInputError(run(['analyze', f]), f, /cannot read the file \(ELOOP\)/)
  })
  it('a directory', () => {
    const d = join(tmp, 'dir')
    mkdirSync(d)
    expectInputError(run(['analyze', d]), d, /is a directory/)
  })
  it('an empty file, and empty stdin', () => {
    const f = join(tmp, 'empty.txt')
    writeFileSync(f, '')
    expectInputError(run(['analyze', f]), f, /is empty/)
    expectInputError(run(['analyze', '-'], ''), 'stdin', /is empty/)
  })
  it('binary data', () => {
    const f = join(tmp, 'image.png')
    writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))
    expectInputError(run(['analyze', f]), f, /binary data/)
  })
  it('plain text that is not valid UTF-8, with the offset of the first bad byte', () => {
    const f = join(tmp, 'latin1.txt')
    writeFileSync(f, Buffer.concat([Buffer.from('Le président a dit', 'latin1')]))
    expectInputError(run(['analyze', f]), f, /not valid UTF-8 \(byte 0xe9 at offset 5\)/)
  })
})

describe('newsgraph: a read command on a store that is not there', () => {
  it('says so, naming the path, and creates nothing', () => {
    const db = join(tmp, 'no-such-dir', 'x.db')
    for (const cmd of ['quotes', 'entities', 'search', 'export']) {
      const r = run(cmd === 'search' ? [cmd, 'Zakharova', '--db', db] : [cmd, '--db', db])
      expectInputError(r, db, /no store here/)
      expect(r.stderr).toContain('newsgraph ingest --db')
    }
    expect(existsSync(join(tmp, 'no-such-dir'))).toBe(false)
  })
})

describe('newsgraph analyze: a page too large to extract', () => {
  it('is refused with a clear error naming the file, not a stack trace or an empty analysis', () => {
    const f = join(tmp, 'huge.html')
    const para = '<p>' + 'The council met again on Tuesday to discuss the bridge. '.repeat(20) + '</p>\n'
    writeFileSync(f, '<!doctype html><html><body><article>' + para.repeat(Math.ceil((12 * 1024 * 1024) / para.length)) + '</article></body></html>')
    expectInputError(run(['analyze', f]), f, /MiB|too large|limit/i)
  })
})

describe('newsgraph: usage errors exit 2', () => {
  it.each([
    [['analyze'], /analyze needs one input/],
    [['analyze', '--bogus', 'x'], /Unknown option `--bogus` for analyze, expected: --jsonl, --raw, --published, --help/],
    [['analyze', '--published', '8 July 2023', fixture('article.txt')], /--published expects a date YYYY-MM-DD, received `8 July 2023`/],
    [['frobnicate'], /Unknown command `frobnicate`, expected one of: analyze, extract/],
    [['extract'], /extract needs at least one input/],
    [['serve', '--port', 'eighty'], /--port expects an integer from 0 to 65535, received `eighty`/],
    [['serve', '--cache', 'many'], /--cache expects the number of read answers to keep, an integer from 0 \(none\) to 1000000, received `many`/],
    [['serve', 'corpus.jsonl'], /serve takes no inputs/],
  ])('%j', (args, message) => {
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })
  it('a wrong NEWSGRAPH_QUOTE_NETWORKS, said once before any work', () => {
    const r = spawnSync(process.execPath, [bin, 'analyze', fixture('article.txt')], { encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, NEWSGRAPH_QUOTE_NETWORKS: 'two' } })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^newsgraph: NEWSGRAPH_QUOTE_NETWORKS="two": expected how many of the quote model's networks to run, a whole number from 1/)
  })
  it('records a one-network analysis as such, so that reanalyze redoes it when the setting changes', () => {
    const db = join(tmp, 'networks.db')
    const env = (networks?: string) => {
      const e: NodeJS.ProcessEnv = { ...process.env }
      delete e.NEWSGRAPH_QUOTE_NETWORKS
      if (networks) e.NEWSGRAPH_QUOTE_NETWORKS = networks
      return e
    }
    const cli = (args: string[], networks?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000, env: env(networks) })
    const one = cli(['analyze', fixture('article.txt')], '1')
    expect(one.status).toBe(0)
    expect(JSON.parse(one.stdout).version).toMatch(/^\d+\.\d+\.\d+\+nn1$/)
    expect(cli(['ingest', fixture('article.txt'), '--db', db, '-q'], '1').status).toBe(0)
    const back = cli(['reanalyze', '--db', db, '-q'])
    expect(back.status).toBe(0)
    expect(JSON.parse(back.stdout)).toMatchObject({ updated: 1, failed: 0 })
    expect(JSON.parse(back.stdout).version).not.toContain('+nn')
    expect(JSON.parse(cli(['reanalyze', '--db', db, '-q']).stdout)).toMatchObject({ updated: 0 })
  })
  it('--help for each command exits 0 and names every option', () => {
    const main = run(['--help'])
    expect(main.code).toBe(0)
    expect(main.stdout).toMatch(/analyze <file\|url\|->/)
    const analyze = run(['analyze', '--help'])
    expect(analyze.code).toBe(0)
    for (const o of ['--jsonl', '--raw', '--published']) expect(analyze.stdout).toContain(o)
    expect(run(['serve', '--help']).stdout).toContain('--sample')
    const extract = run(['extract', '--help'])
    expect(extract.code).toBe(0)
    expect(extract.stdout).toContain('--jsonl')
  })
})

describe('newsgraph analyze', () => {
  it('tells HTML from text by content, not by extension, and keeps the contract', () => {
    // An HTML page saved as .txt is still extracted.
    const f = join(tmp, 'page.txt')
    writeFileSync(f, readFileSync(fixture('article.html')))
    const r = run(['analyze', f])
    expect(r.code, r.stderr).toBe(0)
    const a = analysisSchema.parse(JSON.parse(r.stdout))
    expect(checkAnalysisIntegrity(a)).toEqual([])
    expect(a.title).toBe('Council votes to rebuild the old bridge')
    expect(a.site).toBe('The Riverside Gazette')
    expect(a.published?.slice(0, 10)).toBe('2024-03-14')
    expect(a.text).toContain('This bridge carries our history')
    expect(a.text).not.toContain('Sign up for our newsletter')
    expect(a.text).not.toContain('Related stories')
  })

  it('trims scraped junk from plain text and records what it cut', () => {
    const r = run(['analyze', fixture('article.txt'), '--published', '2024-03-14'])
    expect(r.code, r.stderr).toBe(0)
    const a = analysisSchema.parse(JSON.parse(r.stdout))
    expect(checkAnalysisIntegrity(a)).toEqual([])
    expect(a.text).toContain('pay half of the cost.')
    expect(a.text).not.toContain('Sign up for our newsletter')
    expect(a.removed.length).toBeGreaterThan(0)
    const quote = a.quotes.find((q) => q.text.includes('This bridge carries our history'))
    expect(quote?.speaker.text).toMatch(/Helen Park/)
    expect(a.times.find((t) => t.text === 'Tuesday' || t.text === 'on Tuesday')?.value).toBe('2024-03-12')
  })

  it('--raw analyses the input exactly as given', () => {
    const input = '  "We will win," the mayor said.\n\nShare this article\n'
    const r = run(['analyze', '--raw', '-'], input)
    expect(r.code, r.stderr).toBe(0)
    const a = JSON.parse(r.stdout)
    expect(a.text).toBe(input)
    expect(a.removed).toEqual([])
  })

  it('--jsonl: same order, same ids; a bad line yields {id, error} in its place and exit 1', () => {
    const lines = [
      JSON.stringify({ id: 'one', text: '"Prices will fall," the minister said on Monday.' }),
      '{not json',
      JSON.stringify({ id: 'three', title: 'no body' }),
      '',
      JSON.stringify({ id: 'four', html: readFileSync(fixture('article.html'), 'utf8') }),
      JSON.stringify([1, 2]),
    ].join('\n')
    const r = run(['analyze', '--jsonl'], lines + '\n')
    expect(r.code).toBe(1)
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(out.map((o) => o.id)).toEqual(['one', null, 'three', 'four', null])
    expect(out[0].quotes[0].text).toContain('Prices will fall')
    expect(out[1].error).toMatch(/^stdin:2: not valid JSON/)
    expect(out[2].error).toBe('stdin:3: has neither "text" nor "html" (a string)')
    expect(out[3].title).toBe('Council votes to rebuild the old bridge')
    expect(out[4].error).toMatch(/^stdin:6: expected a JSON object/)
    expect(r.stderr).toMatch(/3 lines of stdin could not be analysed/)
  })
})

describe('newsgraph extract', () => {
  it('prints the article with metadata, one paragraph per line', () => {
    const r = run(['extract', fixture('article.html')])
    expect(r.code, r.stderr).toBe(0)
    const a = JSON.parse(r.stdout)
    expect(a.file).toBe(fixture('article.html'))
    expect(a.byline).toMatch(/Ana Lopez/)
    expect(a.url).toBe('https://gazette.example/2024/03/bridge')
    expect(a.language).toBe('en')
    const paragraphs = a.text.split('\n')
    expect(paragraphs[0]).toMatch(/^The city council voted on Tuesday/)
    expect(paragraphs.at(-1)).toMatch(/pay half of the cost\.$/)
  })
  it('--jsonl for many inputs, a bad one reported and skipped', () => {
    const r = run(['extract', '--jsonl', fixture('article.html'), join(tmp, 'missing.html'), fixture('article.html')])
    expect(r.code).toBe(1)
    expect(r.stdout.trim().split('\n')).toHaveLength(2)
    expect(r.stderr).toMatch(/missing\.html: no such file/)
  })
})

describe('newsgraph serve (what `npm start` runs)', () => {
  it('ingests the bundled sample into the store and serves the API and the UI until stopped', async () => {
    const { spawn } = await import('node:child_process')
    const db = join(tmp, 'serve', 'newsgraph.db')
    const child = spawn(process.execPath, [bin, 'serve', '--sample', '--port', '0', '--db', db], { cwd: root, env: { ...process.env, NEWSGRAPH_TOKEN: '' } })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        const timer = setTimeout(() => reject(new Error(`no "serving" line within 60 s; stdout: ${out}`)), 60_000)
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /serving (\d+) articles from \S+ at (http:\/\/\S+)/.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[2]!)
          }
        })
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
      })
      const list = (await (await fetch(new URL('api/articles?limit=500', url))).json()) as { articles: { id: string }[] }
      expect(list.articles.map((x) => x.id)).toContain('backchannel-report')
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('newsgraph analyze <url>', () => {
  it('fetches a page, and names the URL when the server says no or sends no page', async () => {
    const { createServer } = await import('node:http')
    const html = readFileSync(fixture('article.html'))
    const server = createServer((req, res) => {
      if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
      else if (req.url === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]))
      else res.writeHead(404).end('not here')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    // spawnSync would block this process's server: run the CLI asynchronously.
    const { execFile } = await import('node:child_process')
    const runAsync = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [bin, ...args], { cwd: root }, (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      )
    try {
      const ok = await runAsync(['analyze', `${base}/story`, '--allow-private'])
      expect(ok.code, ok.stderr).toBe(0)
      expect(JSON.parse(ok.stdout).title).toBe('Council votes to rebuild the old bridge')
      const missing = await runAsync(['analyze', `${base}/gone`, '--allow-private'])
      expect(missing.code).toBe(1)
      expect(missing.stderr.trim()).toBe(`newsgraph: ${base}/gone: the server answered 404 Not Found`)
      const image = await runAsync(['analyze', `${base}/image`, '--allow-private'])
      expect(image.code).toBe(1)
      expect(image.stderr.trim()).toBe(`newsgraph: ${base}/image: is image/png, not a web page or text`)
    } finally {
      server.close()
    }
  })
})

describe('analyze <url>: private addresses', () => {
  it('refuses a URL on this machine unless --allow-private, naming the URL and the address', async () => {
    const { createServer } = await import('node:http')
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(fixture('article.html'))))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/story`
    const { execFile } = await import('node:child_process')
    const runAsync = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [bin, ...args], { cwd: root }, (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      )
    try {
      const refused = await runAsync(['analyze', url])
      expect(refused.code).toBe(1)
      expect(refused.stderr.trim()).toBe(
        `newsgraph: ${url}: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (pass --allow-private to fetch from private networks)`,
      )
      const allowed = await runAsync(['analyze', url, '--allow-private'])
      expect(allowed.code, allowed.stderr).toBe(0)
    } finally {
      server.close()
    }
  })
})
