import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib'
import { WARCParser } from 'warcio'

/** One page from a WARC file, or why a record could not be read. */
export type WarcPage =
  | { ok: true; offset: number; recordId: string | null; url: string | null; date: string | null; contentType: string | null; body: Uint8Array }
  | { ok: false; offset: number; recordId: string | null; reason: string; fatal: boolean }

/**
 * Reads the pages of a WARC or WARC.gz file (as in Common Crawl News): `response` records with an
 * HTTP 200 answer and `resource` records. Other record types (request, metadata, warcinfo,
 * revisit) are passed over. Offsets are byte offsets into the (uncompressed) WARC stream.
 *
 * A record that is not WARC (or cut short) ends the file with a `fatal` failure, since the next
 * record cannot be found reliably; a record whose HTTP part is bad is reported and the file goes on.
 * A .gz file that is cut short fails with zlib's "unexpected end of file".
 */
export async function* readWarc(path: string): AsyncGenerator<WarcPage> {
  const file = createReadStream(path)
  let source: Readable = file
  if (/\.gz$/i.test(path)) {
    const gunzip = createGunzip()
    file.on('error', (err) => gunzip.destroy(err))
    source = file.pipe(gunzip)
  }
  const parser = new WARCParser(source, { parseHttp: false })
  let offset = 0
  try {
    for (;;) {
      const record = await parser.parse()
      if (!record) return
      offset = parser.offset
      const recordId = record.warcHeader('WARC-Record-ID') ?? null
      const protocol = record.warcHeaders.protocol ?? ''
      if (!/^WARC\/1\.[01]$/.test(protocol)) {
        yield { ok: false, offset, recordId, reason: `not a WARC record (starts with ${JSON.stringify(String(protocol).slice(0, 20))})`, fatal: true }
        return
      }
      const type = record.warcType
      if (type !== 'response' && type !== 'resource') {
        await record.skipFully()
        continue
      }
      const block = await record.readFully(false)
      if (block.length < record.warcContentLength) {
        yield { ok: false, offset, recordId, reason: `record cut short: Content-Length ${record.warcContentLength}, found ${block.length} bytes`, fatal: true }
        return
      }
      const url = record.warcTargetURI ?? null
      const date = record.warcDate ?? null
      if (type === 'resource') {
        yield { ok: true, offset, recordId, url, date, contentType: record.warcContentType ?? null, body: block }
        continue
      }
      const http = parseHttpResponse(block)
      if ('error' in http) yield { ok: false, offset, recordId, reason: http.error, fatal: false }
      else if (http.status !== 200) yield { ok: false, offset, recordId, reason: `HTTP ${http.status}, not a page`, fatal: false }
      else yield { ok: true, offset, recordId, url, date, contentType: http.contentType, body: http.body }
    }
  } catch (err) {
    yield { ok: false, offset, recordId: null, reason: `cannot read the WARC: ${(err as Error).message}`, fatal: true }
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
