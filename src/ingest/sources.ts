import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { ArticleInput } from '../pipeline.js'
import { FeedError, looksLikeFeed, parseFeed } from './feed.js'

/**
 * How ingest reads and decodes inputs. The command line passes its own readers (`readInputBytes`,
 * `decodeInput`, `parseJsonlRecord`), so every input is read, decoded and checked the same way as
 * for `newsgraph analyze`.
 */
export interface IngestIo {
  readBytes(arg: string): Promise<{ name: string; url: string | null; bytes: Uint8Array; contentType?: string }>
  decode(name: string, bytes: Uint8Array, contentType?: string): { text: string; isHtml: boolean }
  parseJsonlRecord(line: string, n: number, where: string): { id: string | null; input?: ArticleInput; error?: string }
}

/** One thing found in the inputs: an article to analyse, or something passed over, and its place. */
export type IngestItem =
  | { kind: 'article'; place: string; inputHash: string; load: () => Promise<ArticleInput> }
  | { kind: 'skipped'; place: string; reason: string }
  | { kind: 'failed'; place: string; reason: string }

export interface SourceOptions {
  /** Fetch each feed item's page (its link) instead of using the item's own text. Default false. */
  fetch?: boolean
}

const JSONL = /\.(?:jsonl|ndjson)$/i
const WARC = /\.warc(?:\.gz)?$/i
const FEED = /\.(?:rss|atom|xml)$/i

const hash = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/**
 * How many items the files will yield, when that can be known cheaply (for the progress bar's ETA):
 * one per plain file, stdin or URL, one per non-blank line of a JSON Lines file; undefined when any
 * input is a feed or a web archive (counting those means reading them twice).
 */
export function estimateItems(files: readonly string[]): number | undefined {
  let total = 0
  for (const file of files) {
    if (WARC.test(file) || FEED.test(file)) return undefined
    if (!JSONL.test(file)) {
      total++
      continue
    }
    let fd: number
    try {
      fd = openSync(file, 'r')
    } catch {
      total++ // reading it later reports the problem
      continue
    }
    try {
      const buf = Buffer.alloc(1 << 20)
      let lines = 0
      let blank = true
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
        for (let i = 0; i < n; i++) {
          const b = buf[i]!
          if (b === 10) {
            if (!blank) lines++
            blank = true
          } else if (b !== 32 && b !== 9 && b !== 13) blank = false
        }
      }
      total += lines + (blank ? 0 : 1)
    } finally {
      closeSync(fd)
    }
  }
  return total
}

/** The files a list of inputs stands for: directories walked recursively (sorted, dot files left out). */
export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      out.push(dir) // reading it as a file reports the problem with its place
      return
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) out.push(p)
    }
  }
  for (const a of args) {
    let isDir = false
    try {
      isDir = a !== '-' && statSync(a).isDirectory()
    } catch {
      isDir = false
    }
    if (isDir) walk(a)
    else out.push(a)
  }
  return out
}

/** The items of one input file (or "-" for stdin), lazily. */
export async function* itemsOf(file: string, io: IngestIo, options: SourceOptions = {}): AsyncGenerator<IngestItem> {
  if (JSONL.test(file)) return yield* jsonlItems(file, io)
  if (WARC.test(file)) return yield* warcItems(file, io)
  let raw: Awaited<ReturnType<IngestIo['readBytes']>>
  try {
    raw = await io.readBytes(file)
  } catch (err) {
    yield { kind: 'failed', place: file, reason: stripPlace((err as Error).message, file) }
    return
  }
  const head = Buffer.from(raw.bytes.subarray(0, 4096)).toString('utf8')
  if (FEED.test(file) || looksLikeFeed(head)) return yield* feedItems(raw.name, raw.bytes, io, options)
  yield {
    kind: 'article',
    place: raw.name,
    inputHash: hash(raw.bytes),
    load: async () => {
      const { text, isHtml } = io.decode(raw.name, raw.bytes, raw.contentType)
      return isHtml ? { html: text, url: raw.url } : { text, url: raw.url }
    },
  }
}

async function* jsonlItems(file: string, io: IngestIo): AsyncGenerator<IngestItem> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file')
  } catch (err) {
    yield { kind: 'failed', place: file, reason: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
    return
  }
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let n = 0
  for await (const line of rl) {
    n++
    if (line.trim() === '') continue
    const rec = io.parseJsonlRecord(line, n, file)
    const place = `${file}:${n}`
    if (rec.error || !rec.input) yield { kind: 'failed', place, reason: stripPlace(rec.error ?? 'unreadable', place) }
    else {
      const input = rec.input
      yield { kind: 'article', place, inputHash: hash(line.trim()), load: async () => input }
    }
  }
}

async function* warcItems(file: string, io: IngestIo): AsyncGenerator<IngestItem> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file')
  } catch (err) {
    yield { kind: 'failed', place: file, reason: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
    return
  }
  const { readWarc } = await import('./warc.js') // loaded only when there is a WARC to read
  for await (const page of readWarc(file)) {
    const place = `${file}@${page.offset}`
    if (!page.ok) {
      // A bad HTTP status is not bad input: the crawl recorded an error page.
      if (/^HTTP \d+/.test(page.reason)) yield { kind: 'skipped', place, reason: page.reason }
      else yield { kind: 'failed', place, reason: page.reason + (page.recordId ? ` (record ${page.recordId})` : '') }
      continue
    }
    if (page.contentType && !/^\s*(?:text\/(?:html|plain)|application\/xhtml\+xml)/i.test(page.contentType)) {
      yield { kind: 'skipped', place, reason: `${page.contentType.split(';')[0]} is not a page` }
      continue
    }
    const { body, url, contentType } = page
    yield {
      kind: 'article',
      place,
      inputHash: hash(url ?? '', '\n', body),
      load: async () => {
        const { text, isHtml } = io.decode(place, body, contentType ?? undefined)
        return isHtml ? { html: text, url } : { text, url }
      },
    }
  }
}

async function* feedItems(name: string, bytes: Uint8Array, io: IngestIo, options: SourceOptions): AsyncGenerator<IngestItem> {
  let items
  try {
    items = parseFeed(new TextDecoder('utf-8').decode(bytes))
  } catch (err) {
    if (!(err instanceof FeedError)) throw err
    yield { kind: 'failed', place: name, reason: err.message }
    return
  }
  for (const [i, item] of items.entries()) {
    const place = `${name}#item-${i + 1}`
    const meta = { id: null, url: item.link, title: item.title, published: item.published }
    if (options.fetch && item.link && !/^https?:\/\//i.test(item.link)) {
      // A feed must not make ingest read a local file: only web links are fetched.
      yield { kind: 'failed', place, reason: `item link ${JSON.stringify(item.link.slice(0, 100))} is not an http(s) URL, not fetched` }
    } else if (options.fetch && item.link) {
      const link = item.link
      yield {
        kind: 'article',
        place,
        inputHash: hash('fetch\n', link),
        load: async () => {
          const raw = await io.readBytes(link)
          const { text, isHtml } = io.decode(raw.name, raw.bytes, raw.contentType)
          return isHtml ? { ...meta, url: raw.url ?? link, html: text } : { ...meta, text }
        },
      }
    } else if (!item.text.trim()) {
      yield { kind: 'skipped', place, reason: 'item has no text (use --fetch to read its page)' }
    } else {
      yield { kind: 'article', place, inputHash: hash(item.link ?? '', '\n', item.text), load: async () => ({ ...meta, text: item.text }) }
    }
  }
}

/** Messages from the command line's readers start with the input's name: keep the reason only. */
function stripPlace(message: string, place: string): string {
  return message.startsWith(place + ': ') ? message.slice(place.length + 2) : message
}
