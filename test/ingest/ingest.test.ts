import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { WARCRecord, WARCSerializer } from 'warcio'
import { parseJsonlRecord } from '../../src/cli/main.js'
import { decodeInput, readInputBytes } from '../../src/cli/read-input.js'
import { parseFeed } from '../../src/ingest/feed.js'
import { ingest, type IngestSummary } from '../../src/ingest/ingest.js'
import type { IngestIo } from '../../src/ingest/sources.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/store.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (p: string) => join(root, 'fixtures', p)
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-'))
const io: IngestIo = { readBytes: readInputBytes, decode: decodeInput, parseJsonlRecord }

const stores: Store[] = []
afterAll(async () => {
  for (const s of stores) await s.close()
})
let n = 0
async function freshStore(): Promise<Store> {
  const s = await openStore(join(tmp, `store-${++n}.db`))
  stores.push(s)
  return s
}

const counts = (s: IngestSummary) => ({ stored: s.stored, duplicate: s.duplicate, nearDuplicate: s.nearDuplicate, skipped: s.skipped, failed: s.failed })
const places = (s: IngestSummary, dir: string) => s.problems.map((p) => `${p.place.replace(dir, '<dir>')}: ${p.reason}`)

describe('feeds', () => {
  it('reads RSS items (content:encoded over a teaser) and Atom entries, as text', () => {
    const rss = parseFeed(readFileSync(fixture('ingest/feed.rss'), 'utf8'))
    expect(rss).toHaveLength(3)
    expect(rss[0]).toMatchObject({ title: 'Harbour master warns of winter storms', link: 'https://gazette.example/2024/11/harbour-storms', published: '2024-11-12T08:30:00.000Z' })
    expect(rss[0]!.text.split('\n')).toHaveLength(3)
    expect(rss[0]!.text).toContain('"We have never seen the water this high in November," Albrecht told reporters')
    expect(rss[1]!.text).toMatch(/^The city library will open on Sundays/)
    expect(rss[2]!.text).toBe('')
    const atom = parseFeed(readFileSync(fixture('ingest/atom.xml'), 'utf8'))
    expect(atom).toEqual([
      expect.objectContaining({ title: 'Ferry service to resume', link: 'https://valley-news.example/ferry-resumes', published: '2024-11-15T09:00:00.000Z' }),
    ])
    expect(atom[0]!.text).toContain('"Nobody will be left stranded this winter," Reyes said.')
  })
  it('says what is wrong with a feed that is not one', () => {
    expect(() => parseFeed('just some text')).toThrow('not XML (expected an RSS or Atom feed)')
    expect(() => parseFeed('<?xml version="1.0"?><html><body/></html>')).toThrow(/not an RSS or Atom feed/)
  })
})

describe('ingest a folder of mixed inputs', () => {
  it('stores each article once, reports bad input with its place, and adds nothing on a re-run', async () => {
    const dir = join(tmp, 'mixed')
    mkdirSync(join(dir, 'deeper'), { recursive: true })
    copyFileSync(fixture('cli/article.txt'), join(dir, 'bridge.txt'))
    copyFileSync(fixture('cli/article.html'), join(dir, 'deeper', 'bridge-page.dat')) // HTML, told by content
    copyFileSync(fixture('ingest/articles.jsonl'), join(dir, 'articles.jsonl'))
    copyFileSync(fixture('ingest/feed.rss'), join(dir, 'feed.rss'))
    copyFileSync(fixture('ingest/atom.xml'), join(dir, 'deeper', 'atom.xml'))
    writeFileSync(join(dir, 'broken.rss'), 'this is not a feed')
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, '.hidden'), 'dot files are left out')
    const store = await freshStore()
    const first = await ingest([dir], { store, io })
    // jsonl: 2 stored, 1 duplicate (same text, another id), 2 bad lines; rss: 2 stored, 1 item
    // without text; atom: 1; the bridge as text and as a page: 1 stored, 1 duplicate.
    expect(counts(first)).toEqual({ stored: 6, duplicate: 2, nearDuplicate: 0, skipped: 1, failed: 4 })
    expect(places(first, dir)).toEqual([
      expect.stringMatching(/^<dir>\/articles\.jsonl:3: not valid JSON \(/),
      '<dir>/articles.jsonl:4: has neither "text" nor "html" (a string)',
      '<dir>/broken.rss: not XML (expected an RSS or Atom feed)',
      '<dir>/empty.txt: is empty (nothing to analyse)',
    ])
    expect((await store.counts()).articles).toBe(6)
    const harbour = (await store.list()).find((a) => a.title === 'Harbour master warns of winter storms')
    expect(harbour).toMatchObject({ url: 'https://gazette.example/2024/11/harbour-storms', published: '2024-11-12T08:30:00.000Z' })
    expect((await store.get(harbour!.id))?.analysis.text).toContain('Ines Albrecht')
    expect((await store.get('council-budget'))?.analysis.title).toBe('Council passes budget')

    const again = await ingest([dir], { store, io })
    expect(counts(again)).toEqual({ stored: 0, duplicate: 8, nearDuplicate: 0, skipped: 1, failed: 4 })
    expect((await store.counts()).articles).toBe(6)
  })

  it('fetches feed items only with fetch: true', async () => {
    const fetched: string[] = []
    const page = readFileSync(fixture('cli/article.html'))
    const fetchingIo: IngestIo = {
      ...io,
      readBytes: async (arg) => {
        if (!arg.startsWith('https://')) return readInputBytes(arg)
        fetched.push(arg)
        return { name: arg, url: arg, bytes: page, contentType: 'text/html' }
      },
    }
    const store = await freshStore()
    await ingest([fixture('ingest/atom.xml')], { store, io: fetchingIo })
    expect(fetched).toEqual([])
    const s = await ingest([fixture('ingest/atom.xml')], { store, io: fetchingIo, fetch: true })
    expect(fetched).toEqual(['https://valley-news.example/ferry-resumes'])
    expect(counts(s)).toMatchObject({ stored: 1, failed: 0 })
    const stored = await store.list()
    expect(stored.map((a) => a.url)).toEqual(['https://valley-news.example/ferry-resumes', 'https://gazette.example/2024/03/bridge'])
  })
})

describe('ingest --fetch: only web links', () => {
  it('does not read a local file that a feed item links to', async () => {
    const feed = join(tmp, 'local-link.rss')
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title><link>/etc/passwd</link><description>teaser</description></item></channel></rss>`)
    const s = await ingest([feed], { store: await freshStore(), io, fetch: true })
    expect(s.problems).toEqual([{ place: `${feed}#item-1`, reason: 'item link "/etc/passwd" is not an http(s) URL, not fetched' }])
  })
})

describe('ingest WARC files: a corrupt record in the middle', () => {
  /** Offsets of the records: 0, then every blank line followed by a version line. */
  const recordOffsets = (warc: Buffer) => {
    const out = [0]
    for (let i = warc.indexOf('\r\n\r\nWARC/1.1\r\n'); i >= 0; i = warc.indexOf('\r\n\r\nWARC/1.1\r\n', i + 1)) out.push(i + 4)
    return out
  }
  const urls = async (store: Store) => (await store.list()).map((a) => a.url)

  it('skips a record whose header is not WARC, reports its offset, and stores the records after it', async () => {
    const warc = await buildWarc(false)
    const at = recordOffsets(warc)[2]! // the bridge response
    const bad = Buffer.from(warc)
    bad.write('WARX', at, 'latin1')
    const f = join(tmp, 'bad-header.warc')
    writeFileSync(f, bad)
    const store = await freshStore()
    const s = await ingest([f], { store, io })
    expect(counts(s)).toEqual({ stored: 1, duplicate: 0, nearDuplicate: 0, skipped: 2, failed: 1 })
    expect(s.problems).toEqual([{ place: `${f}@${at}`, reason: expect.stringMatching(/^not a WARC record \(starts with "WARX\/1\.1"\) \(record <urn:uuid:/) }])
    expect(await urls(store)).toEqual(['https://gazette.example/budget'])
  })

  it('skips a record whose Content-Length is wrong (too long or too short) and resynchronises', async () => {
    const warc = await buildWarc(false)
    const at = recordOffsets(warc)[2]!
    const head = warc.subarray(at, warc.indexOf('\r\n\r\n', at)).toString('latin1')
    const length = Number(/Content-Length: (\d+)/i.exec(head)![1])
    for (const wrong of [length + 700, length - 5]) {
      const patched = head.replace(/Content-Length: \d+/i, `Content-Length: ${wrong}`)
      const bad = Buffer.concat([warc.subarray(0, at), Buffer.from(patched, 'latin1'), warc.subarray(at + head.length)])
      const f = join(tmp, `bad-length-${wrong}.warc`)
      writeFileSync(f, bad)
      const store = await freshStore()
      const s = await ingest([f], { store, io })
      expect(counts(s)).toEqual({ stored: 1, duplicate: 0, nearDuplicate: 0, skipped: 2, failed: 1 })
      expect(s.problems).toEqual([{ place: `${f}@${at}`, reason: expect.stringMatching(/^record does not end where its Content-Length \(\d+\) says \(record <urn:uuid:/) }])
      expect(await urls(store)).toEqual(['https://gazette.example/budget'])
    }
  })

  it('skips garbage between records', async () => {
    const warc = await buildWarc(false)
    const at = recordOffsets(warc)[3]! // before the image
    const f = join(tmp, 'garbage-between.warc')
    writeFileSync(f, Buffer.concat([warc.subarray(0, at), Buffer.from('\0\0garbage\r\nWARC/1.1 but not really\r\n\r\n'), warc.subarray(at)]))
    const store = await freshStore()
    const s = await ingest([f], { store, io })
    expect(counts(s)).toEqual({ stored: 2, duplicate: 0, nearDuplicate: 0, skipped: 2, failed: 1 })
    expect(s.problems).toEqual([{ place: `${f}@${at}`, reason: expect.stringMatching(/^not a WARC record/) }])
  })
})

/** A WARC file built from the fixtures: a warcinfo, a request, HTML responses, an image, a 404. */
async function buildWarc(gzip: boolean): Promise<Buffer> {
  const enc = new TextEncoder()
  const body = (s: string | Uint8Array) =>
    (async function* () {
      yield typeof s === 'string' ? enc.encode(s) : s
    })()
  const records = [
    WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'newsgraph tests' }),
    WARCRecord.create({ url: 'https://gazette.example/bridge', type: 'request', warcVersion: 'WARC/1.1', httpHeaders: { Host: 'gazette.example' }, statusline: 'GET /bridge HTTP/1.1' }, body('')),
    WARCRecord.create(
      { url: 'https://gazette.example/bridge', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' },
      body(readFileSync(fixture('cli/article.html'))),
    ),
    WARCRecord.create(
      { url: 'https://gazette.example/logo.png', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'image/png' }, statusline: 'HTTP/1.1 200 OK' },
      body(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    ),
    WARCRecord.create({ url: 'https://gazette.example/gone', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' }, statusline: 'HTTP/1.1 404 Not Found' }, body('<html>gone</html>')),
    WARCRecord.create(
      { url: 'https://gazette.example/budget', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, statusline: 'HTTP/1.1 200 OK' },
      body(gzipSync(`<html><head><title>Council passes budget</title></head><body><article><p>${JSON.parse(readFileSync(fixture('ingest/articles.jsonl'), 'utf8').split('\n')[0]!).text.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`)),
    ),
  ]
  const parts: Uint8Array[] = []
  for (const r of records) parts.push(await WARCSerializer.serialize(r, { gzip }))
  return Buffer.concat(parts)
}

describe('ingest WARC files', () => {
  it('stores HTML responses from a WARC.gz, passing over requests, images and error pages', async () => {
    const f = join(tmp, 'crawl.warc.gz')
    writeFileSync(f, await buildWarc(true))
    const store = await freshStore()
    const s = await ingest([f], { store, io })
    expect(counts(s)).toEqual({ stored: 2, duplicate: 0, nearDuplicate: 0, skipped: 2, failed: 0 })
    const list = await store.list()
    // The page's canonical URL wins over the one it was fetched from.
    expect(list.map((a) => a.url)).toEqual(['https://gazette.example/2024/03/bridge', 'https://gazette.example/budget'])
    expect(list.map((a) => a.title)).toEqual(['Council votes to rebuild the old bridge', 'Council passes budget'])
    const stored = await store.get(list[0]!.id)
    expect(stored?.source).toMatch(/crawl\.warc\.gz@\d+$/)
    expect(counts(await ingest([f], { store, io }))).toEqual({ stored: 0, duplicate: 2, nearDuplicate: 0, skipped: 2, failed: 0 })
  })

  it('reports a corrupt record with its offset and keeps what came before', async () => {
    const warc = await buildWarc(false)
    const cut = join(tmp, 'cut.warc')
    writeFileSync(cut, warc.subarray(0, warc.length - 40))
    const s1 = await ingest([cut], { store: await freshStore(), io })
    expect(counts(s1)).toMatchObject({ stored: 1, failed: 1 })
    expect(s1.problems[0]!.place).toMatch(/cut\.warc@\d+$/)
    expect(s1.problems[0]!.reason).toMatch(/record cut short: Content-Length \d+, found \d+ bytes/)

    const garbage = join(tmp, 'garbage.warc')
    writeFileSync(garbage, Buffer.concat([warc, Buffer.from('this is not a WARC record\r\n\r\nat all\r\n\r\n')]))
    const s2 = await ingest([garbage], { store: await freshStore(), io })
    expect(counts(s2)).toMatchObject({ stored: 2, skipped: 2, failed: 1 })
    expect(s2.problems[0]).toEqual({ place: `${garbage}@${warc.length}`, reason: expect.stringMatching(/^not a WARC record/) })

    const gz = join(tmp, 'cut.warc.gz')
    const zipped = await buildWarc(true)
    writeFileSync(gz, zipped.subarray(0, zipped.length - 30))
    const s3 = await ingest([gz], { store: await freshStore(), io })
    expect(s3.failed).toBe(1)
    expect(s3.problems[0]!.reason).toMatch(/cannot read the WARC: unexpected end of file|record cut short/)
  })
})
