// End to end over the store: the bundled sample, ingested by the real pipeline into a temporary
// SQLite store, served by serveStore; a second start adds nothing.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer as createNetServer, type Server as NetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseJsonlRecord } from '../../src/cli/main.js'
import { decodeInput, readInputBytes } from '../../src/cli/read-input.js'
import { ServeError, samplePath, serveStore, type Serving } from '../../src/http/serve-command.js'

const io = { readBytes: (arg: string) => readInputBytes(arg), decode: decodeInput, parseJsonlRecord }
const quiet = { write: () => true }
const env = {} as NodeJS.ProcessEnv

describe('serveStore --sample', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'))
  const db = join(dir, 'store', 'newsgraph.db')
  let serving: Serving
  const err: string[] = []
  const out: string[] = []

  beforeAll(async () => {
    serving = await serveStore({ db, sample: true, io, env, port: 0, stderr: { write: (s: string) => err.push(s) }, stdout: { write: (s: string) => out.push(s) } })
  })
  afterAll(async () => {
    await serving?.close()
  })

  it('ingests the sample into the store, creates the API token once, and says where it serves', async () => {
    const lines = readFileSync(samplePath(), 'utf8').trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(31)
    expect(serving.ingested).toBeGreaterThanOrEqual(31)
    expect(serving.articles).toBeGreaterThanOrEqual(31)
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(out.join('')).toBe(`newsgraph: serving ${serving.articles} articles from ${db} at ${serving.url}\n`)
    expect(err.join('')).toMatch(/^ingest: \d+ stored/m)
    const tokenFile = join(dir, 'store', 'newsgraph.token')
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600)
    const token = readFileSync(tokenFile, 'utf8').trim()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(err.join('')).toContain(`kept in ${tokenFile} (mode 0600); shown once:\n${token}\n`)
  })

  it('serves the reference article with its quotes, offsets into its text', async () => {
    const a = (await (await fetch(serving.url + 'api/articles/backchannel-report')).json()) as any
    expect(a.published).toBe('2023-07-08')
    expect(a.quotes.length).toBeGreaterThan(0)
    for (const q of a.quotes) expect(a.text.slice(q.start, q.end)).toBe(q.text)
    const page = await fetch(serving.url + 'articles/backchannel-report')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it("shows Lavrov's meeting with Richard Haass, and finds him by search", async () => {
    const hits = (await (await fetch(serving.url + 'api/search?q=Lavrov')).json()) as any
    expect(hits.articles.map((x: { id: string }) => x.id)).toContain('backchannel-report')
    const lavrov = hits.entities.find((e: any) => e.type === 'PERSON' && /Lavrov/.test(e.name))
    expect(lavrov).toBeDefined()
    const p = (await (await fetch(serving.url + 'api/entities/' + encodeURIComponent(lavrov.name))).json()) as any
    // The meeting is told three times in the reference article (sameAs): one meeting, denied by Zakharova.
    const meeting = p.meetings.find((m: any) => m.with.includes('Richard Haass'))
    expect(meeting).toMatchObject({ articleId: 'backchannel-report', eventId: 'ev1' })
    expect(meeting.eventIds.length).toBeGreaterThan(1)
    expect(meeting.deniedBy.flatMap((d: any) => d.actors)).toContain('Maria Zakharova')
  })

  it('lists the outlets of the sample with how their articles are sourced', async () => {
    const hosts = new Set(
      readFileSync(samplePath(), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { url?: string }).url)
        .filter((u): u is string => !!u)
        .map((u) => new URL(u).host.replace(/^www\./, '')),
    )
    const { outlets } = (await (await fetch(serving.url + 'api/outlets?limit=500')).json()) as { outlets: { outlet: string; articles: number }[] }
    expect(new Set(outlets.map((o) => o.outlet))).toEqual(hosts)
    const first = outlets[0]!
    const detail = (await (await fetch(serving.url + 'api/outlets/' + encodeURIComponent(first.outlet))).json()) as any
    expect(detail.articles).toBe(first.articles)
    expect(detail.recent.length).toBe(Math.min(20, first.articles))
  })

  it('analyses a POSTed article (in a worker thread) and serves it, while reads go on', async () => {
    const token = readFileSync(join(dir, 'store', 'newsgraph.token'), 'utf8').trim()
    const text = 'Mayor Ilse Brandvold opened the new harbour bridge on Monday. "It has taken nine years," Brandvold told reporters.'
    const posting = fetch(serving.url + 'api/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'harbour-bridge', text }),
    })
    // A read answered meanwhile.
    expect((await fetch(serving.url + 'api/outlets')).status).toBe(200)
    const res = await posting
    expect(res.status).toBe(201)
    const a = (await (await fetch(serving.url + 'api/articles/harbour-bridge')).json()) as any
    expect(a.text).toBe(text)
    expect(a.quotes.map((q: any) => q.text)).toContain('"It has taken nine years,"')
  })

  it('adds nothing when started again on the same store', async () => {
    const again = await serveStore({ db, sample: true, io, env, port: 0, stderr: { write: (s: string) => err.push(s) }, stdout: quiet })
    try {
      expect(again.ingested).toBe(0)
      expect(again.articles).toBe((await serving.store.counts()).articles)
      expect(err.filter((s) => s.includes('shown once'))).toHaveLength(1)
    } finally {
      await again.close()
    }
  })
})

describe('serveStore errors', () => {
  let blocker: NetServer
  beforeAll(async () => {
    blocker = createNetServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
  })

  it('says clearly when the port is taken', async () => {
    const port = (blocker.address() as AddressInfo).port
    const db = join(mkdtempSync(join(tmpdir(), 'newsgraph-serve-')), 'a.db')
    const attempt = serveStore({ db, port, env, stderr: quiet, stdout: quiet })
    await expect(attempt).rejects.toThrow(ServeError)
    await expect(attempt).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`)
  })

  it('uses NEWSGRAPH_TOKEN when set, and writes no token file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'))
    const s = await serveStore({ db: join(dir, 'a.db'), port: 0, env: { NEWSGRAPH_TOKEN: 'from-the-environment-123' }, stderr: quiet, stdout: quiet })
    try {
      const post = (token: string) =>
        fetch(s.url + 'api/articles', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })
      expect((await post('from-the-environment-123')).status).toBe(400) // authorised; the body is wrong
      expect((await post('something-else')).status).toBe(401)
      expect(() => statSync(join(dir, 'newsgraph.token'))).toThrow()
    } finally {
      await s.close()
    }
  })
})
