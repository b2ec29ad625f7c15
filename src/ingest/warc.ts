import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib'

/** One page from a WARC file, or why a record could not be read. */
export type WarcPage =
  | { ok: true; offset: number; recordId: string | null; url: string | null; date: string | null; contentType: string | null; body: Uint8Array }
  | { ok: false; offset: number; recordId: string | null; reason: string; fatal: boolean }

/** Records larger than this are skipped unchecked: they are not kept in memory to resynchronise. */
const MAX_BUFFERED = 64 * 1024 * 1024
const MAX_HEADER = 64 * 1024
const CRLF2 = Buffer.from('\r\n\r\n')
/** A record boundary: the end of one record's block, then the next record's version line. */
const BOUNDARY = Buffer.from('\r\n\r\nWARC/1.')

/**
 * Reads the pages of a WARC or WARC.gz file (as in Common Crawl News): `response` records with an
 * HTTP 200 answer and `resource` records. Other record types (request, metadata, warcinfo,
 * revisit) are passed over. Offsets are byte offsets into the (uncompressed) WARC stream.
 *
 * A corrupt record (a header that is not WARC, a missing or bad Content-Length, a block that does
 * not end where its Content-Length says) is reported with its offset, and reading resumes at the
 * next record boundary (a blank line followed by `WARC/1.`), found by scanning forward. A file
 * cut short inside a record ends with a `fatal` failure. A .gz file whose compressed data is
 * corrupt or cut short cannot be resynchronised: it fails with zlib's message
 * ("unexpected end of file"), keeping the records before.
 */
export async function* readWarc(path: string): AsyncGenerator<WarcPage> {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 })
  let source: Readable = file
  if (/\.gz$/i.test(path)) {
    const gunzip = createGunzip()
    file.on('error', (err) => gunzip.destroy(err))
    source = file.pipe(gunzip)
  }
  const r = new ByteReader(source[Symbol.asyncIterator]() as AsyncIterator<Buffer>)
  let offset = 0
  try {
    for (;;) {
      await r.skipLineBreaks()
      if (await r.atEnd()) return
      offset = r.pos
      const headerEnd = await r.indexOf(CRLF2, r.pos, MAX_HEADER)
      const head = headerEnd >= 0 ? r.slice(r.pos, headerEnd).toString('latin1') : (await r.peek(MAX_HEADER)).toString('latin1')
      const lines = head.split('\r\n')
      const protocol = lines[0] ?? ''
      const headers = new Map<string, string>()
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':')
        if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim())
      }
      const recordId = headers.get('warc-record-id') ?? null
      const corrupt = (reason: string): WarcPage => ({ ok: false, offset, recordId, reason, fatal: false })
      if (!/^WARC\/1\.[01]$/.test(protocol)) {
        yield corrupt(`not a WARC record (starts with ${JSON.stringify(protocol.slice(0, 20))})`)
        if (!(await r.resync(offset + 1))) return
        continue
      }
      if (headerEnd < 0) {
        if (await r.atEndAfter(r.pos + head.length)) {
          yield { ok: false, offset, recordId, reason: 'record cut short in its header', fatal: true }
          return
        }
        yield corrupt(`WARC header longer than ${MAX_HEADER} bytes`)
        if (!(await r.resync(offset + 1))) return
        continue
      }
      const lengthText = headers.get('content-length')
      if (lengthText === undefined || !/^\d+$/.test(lengthText)) {
        yield corrupt(lengthText === undefined ? 'WARC record without Content-Length' : `bad Content-Length ${JSON.stringify(lengthText.slice(0, 20))}`)
        if (!(await r.resync(offset + 1))) return
        continue
      }
      const length = Number(lengthText)
      const blockStart = headerEnd + 4
      if (length > MAX_BUFFERED) {
        // Too big to keep for a rewind: skip it, trusting its length.
        r.advanceTo(blockStart)
        const skipped = await r.skip(length)
        if (skipped < length) {
          yield { ok: false, offset, recordId, reason: `record cut short: Content-Length ${length}, found ${skipped} bytes`, fatal: true }
          return
        }
        continue
      }
      const available = await r.ensure(blockStart + length + 4)
      if (available < blockStart + length) {
        yield { ok: false, offset, recordId, reason: `record cut short: Content-Length ${length}, found ${Math.max(0, available - blockStart)} bytes`, fatal: true }
        return
      }
      const trailerOk = available >= blockStart + length + 4 ? r.slice(blockStart + length, blockStart + length + 4).equals(CRLF2) : await r.atEndAfter(blockStart + length)
      if (!trailerOk) {
        yield corrupt(`record does not end where its Content-Length (${length}) says`)
        if (!(await r.resync(offset + 1))) return
        continue
      }
      const block = new Uint8Array(r.slice(blockStart, blockStart + length))
      r.advanceTo(Math.min(available, blockStart + length + 4))
      const type = headers.get('warc-type')
      if (type !== 'response' && type !== 'resource') continue
      const url = headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? null
      const date = headers.get('warc-date') ?? null
      if (type === 'resource') {
        yield { ok: true, offset, recordId, url, date, contentType: headers.get('content-type') ?? null, body: block }
        continue
      }
      const http = parseHttpResponse(block)
      if ('error' in http) yield { ok: false, offset, recordId, reason: http.error, fatal: false }
      else if (http.status !== 200) yield { ok: false, offset, recordId, reason: `HTTP ${http.status}, not a page`, fatal: false }
      else yield { ok: true, offset, recordId, url, date, contentType: http.contentType, body: http.body }
    }
  } catch (err) {
    yield { ok: false, offset, recordId: null, reason: `cannot read the WARC: ${(err as Error).message}`, fatal: true }
  } finally {
    source.destroy()
    file.destroy()
  }
}

/**
 * A forward reader over a byte stream that keeps the bytes from `pos` on, so a record can be
 * looked at whole before it is accepted. Positions are absolute offsets into the stream.
 */
class ByteReader {
  private buf = Buffer.alloc(0)
  /** Absolute offset of buf[0]. */
  private start = 0
  pos = 0
  private done = false

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false
    const next = await this.chunks.next()
    if (next.done) {
      this.done = true
      return false
    }
    this.buf = Buffer.concat([this.buf.subarray(this.pos - this.start), next.value])
    this.start = this.pos
    return true
  }

  /** Reads until the stream holds `end` (absolute) or ends; returns how far it holds. */
  async ensure(end: number): Promise<number> {
    while (this.start + this.buf.length < end && (await this.fill()));
    return Math.min(end, this.start + this.buf.length)
  }

  async atEnd(): Promise<boolean> {
    return (await this.ensure(this.pos + 1)) <= this.pos
  }

  async atEndAfter(at: number): Promise<boolean> {
    return (await this.ensure(at + 1)) <= at
  }

  async peek(n: number): Promise<Buffer> {
    const end = await this.ensure(this.pos + n)
    return this.slice(this.pos, end)
  }

  slice(from: number, to: number): Buffer {
    return this.buf.subarray(from - this.start, to - this.start)
  }

  advanceTo(at: number): void {
    this.pos = at
  }

  /** The absolute offset of `needle` at or after `from`, looking at most `limit` bytes on; -1 if none. */
  async indexOf(needle: Buffer, from: number, limit = Infinity): Promise<number> {
    for (;;) {
      const i = this.buf.indexOf(needle, from - this.start)
      if (i >= 0 && this.start + i - from <= limit) return this.start + i
      if (this.start + this.buf.length - from > limit + needle.length) return -1
      if (!(await this.fill())) return -1
    }
  }

  /** Line breaks between records (WARC ends each with two; some writers add more). */
  async skipLineBreaks(): Promise<void> {
    for (;;) {
      await this.ensure(this.pos + 1)
      const b = this.buf[this.pos - this.start]
      if (b !== 0x0d && b !== 0x0a) return
      this.pos++
    }
  }

  /** Skips `n` bytes from `pos`, streaming; returns how many there were. */
  async skip(n: number): Promise<number> {
    const target = this.pos + n
    for (;;) {
      const end = this.start + this.buf.length
      if (end >= target) {
        this.pos = target
        return n
      }
      this.pos = end
      if (!(await this.fill())) return n - (target - this.pos)
    }
  }

  /** Moves `pos` to the next record boundary at or after `from` (dropping what it passes); false at the end. */
  async resync(from: number): Promise<boolean> {
    let at = from
    for (;;) {
      const i = this.buf.indexOf(BOUNDARY, at - this.start)
      if (i >= 0) {
        this.pos = this.start + i + 4
        return true
      }
      // Keep the tail that may hold the start of a boundary.
      at = Math.max(at, this.start + this.buf.length - BOUNDARY.length + 1)
      this.pos = at
      if (!(await this.fill())) return false
    }
  }
}

/** Splits an HTTP response into status, content type and body (de-chunked and decompressed). */
function parseHttpResponse(block: Uint8Array): { status: number; contentType: string | null; body: Uint8Array } | { error: string } {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length)
  const end = buf.indexOf('\r\n\r\n')
  if (end < 0) return { error: 'HTTP headers not terminated' }
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n')
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(lines[0] ?? '')
  if (!status) return { error: `not an HTTP response (status line ${JSON.stringify((lines[0] ?? '').slice(0, 40))})` }
  const headers = new Map<string, string>()
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':')
    if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim())
  }
  let body: Uint8Array = buf.subarray(end + 4)
  try {
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(Buffer.from(body))
    const encoding = (headers.get('content-encoding') ?? '').toLowerCase()
    if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body)
    else if (encoding === 'deflate') body = inflateSync(body)
    else if (encoding === 'br') body = brotliDecompressSync(body)
  } catch (err) {
    return { error: `cannot decode the HTTP body (${(err as Error).message})` }
  }
  return { status: Number(status[1]), contentType: headers.get('content-type') ?? null, body }
}

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = []
  let i = 0
  for (;;) {
    const eol = b.indexOf('\r\n', i)
    if (eol < 0) break
    const size = parseInt(b.subarray(i, eol).toString('latin1'), 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(b.subarray(eol + 2, eol + 2 + size))
    i = eol + 2 + size + 2
  }
  return Buffer.concat(parts)
}
