import { readFileSync, statSync } from 'node:fs'
import { decodeHtmlBytes, isValidUtf8 } from '../extract/decode.js'
import { looksLikeHtml } from '../extract/looks-like-html.js'
import { FetchError, fetchUrl, type Fetched, type FetchOptions } from '../ingest/fetch-url.js'
import { InputError } from './errors.js'

/** What one input on the command line holds, decoded. */
export interface LoadedInput {
  /** How to name the input in messages: the path, the URL, or "stdin". */
  name: string
  url: string | null
  text: string
  isHtml: boolean
}

/** Limits for fetching a URL. */
export const FETCH_TIMEOUT_MS = 20_000
export const MAX_INPUT_BYTES = 50 * 1024 * 1024

const isUrl = (s: string) => /^https?:\/\//i.test(s)

/** Reads a file, a URL (fetched safely: see `fetchUrl`), or stdin ("-") as bytes, with a clear error for each way it can fail. */
export async function readInputBytes(
  arg: string,
  fetchOptions: FetchOptions = {},
): Promise<{ name: string; url: string | null; bytes: Uint8Array; contentType?: string }> {
  if (arg === '-') return { name: 'stdin', url: null, bytes: await readStdin() }
  if (isUrl(arg)) return fetchInput(arg, fetchOptions)
  let stat
  try {
    stat = statSync(arg)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(arg, 'no such file', 'check the path')
    if (code === 'EACCES') throw new InputError(arg, 'permission denied', 'check the file permissions')
    throw new InputError(arg, `cannot read the file (${code ?? String(err)})`)
  }
  if (stat.isDirectory()) throw new InputError(arg, 'is a directory', 'pass a file; to store a whole folder use `newsgraph ingest`')
  if (stat.size > MAX_INPUT_BYTES) throw new InputError(arg, `is ${stat.size} bytes, more than the limit of ${MAX_INPUT_BYTES}`)
  try {
    return { name: arg, url: null, bytes: readFileSync(arg) }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EACCES') throw new InputError(arg, 'permission denied', 'check the file permissions')
    throw new InputError(arg, `cannot read the file (${code ?? String(err)})`)
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > MAX_INPUT_BYTES) throw new InputError('stdin', `more than the limit of ${MAX_INPUT_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function fetchInput(url: string, options: FetchOptions): Promise<Fetched> {
  try {
    return await fetchUrl(url, { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_INPUT_BYTES, ...options })
  } catch (err) {
    if (err instanceof FetchError) throw new InputError(err.url, err.reason, err.hint)
    throw err
  }
}

/**
 * Decodes an input's bytes and tells HTML from plain text by content, not by file name.
 * Fails, naming the input, on empty input, binary data, and plain text that is not valid UTF-8
 * (an HTML page may declare another charset, which is honoured).
 */
export function decodeInput(name: string, bytes: Uint8Array, contentType?: string): { text: string; isHtml: boolean } {
  if (bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1')) && bytes.length <= 4096)
    throw new InputError(name, 'is empty', 'nothing to analyse')
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const head = bytes.subarray(0, 8192)
  if (!utf16 && isBinary(head)) throw new InputError(name, 'looks like binary data, not text or HTML', 'pass an HTML page or a UTF-8 text file')
  const preview = Buffer.from(head).toString('latin1')
  const isHtml = looksLikeHtml(preview) || /html/i.test(contentType ?? '')
  if (isHtml) return { text: decodeHtmlBytes(bytes, contentType).text, isHtml }
  if (utf16) return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), isHtml: false }
  if (!isValidUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes)
    throw new InputError(name, `is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at})`, 'convert it first, e.g. `iconv -f latin1 -t utf-8`')
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  if (!text.trim()) throw new InputError(name, 'is empty', 'nothing to analyse')
  return { text, isHtml: false }
}

/** NUL bytes, or many control characters, in the first 8 KB mean binary data. */
function isBinary(head: Uint8Array): boolean {
  let control = 0
  for (const b of head) {
    if (b === 0) return true
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return control > head.length * 0.1
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0
  while (i < b.length) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (n < 0) return i
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i
    const c1 = b[i + 1]!
    // Overlong forms, UTF-16 surrogates, and code points past U+10FFFF.
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i
    i += n + 1
  }
  return -1
}

/** Reads and decodes one command-line input (a URL is fetched with `fetchOptions`, see `fetchUrl`). */
export async function loadInput(arg: string, fetchOptions: FetchOptions = {}): Promise<LoadedInput> {
  const raw = await readInputBytes(arg, fetchOptions)
  const { text, isHtml } = decodeInput(raw.name, raw.bytes, raw.contentType)
  return { name: raw.name, url: raw.url, text, isHtml }
}
