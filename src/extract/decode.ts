import iconv from 'iconv-lite'
import chardet from 'chardet'

/** True when `bytes` is well-formed UTF-8 (a fatal TextDecoder accepts it). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Byte-order marks, longest first so UTF-32 is not read as UTF-16. */
const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
]

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length }
  }
  return null
}

/** Normalises a charset label to one iconv-lite knows, or null when it knows none. */
function usableCharset(label: string | null | undefined): string | null {
  if (!label) return null
  let name = label.trim().replace(/^["']|["']$/g, '').toLowerCase()
  if (!name) return null
  // Browsers decode these labels as windows-1252 (WHATWG Encoding); pages labelled latin-1 often hold cp1252 quotes.
  if (/^(iso-?8859-1|latin-?1|us-ascii|ascii|l1|iso_8859-1)$/.test(name)) name = 'windows-1252'
  if (name === 'utf8') name = 'utf-8'
  return iconv.encodingExists(name) ? name : null
}

/** The charset parameter of a Content-Type header value. */
function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)
  return m?.[1] ?? null
}

/** `<meta charset>` or `<meta http-equiv="content-type" content="...charset=...">` in the first ~4 KB. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const metas = head.match(/<meta\b[^>]*>/gi) ?? []
  for (const tag of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([-\w.:]+)/i.exec(tag)
    if (direct?.[1]) return direct[1]
  }
  return null
}

/**
 * Decodes the bytes of an HTML page: BOM first, then the HTTP Content-Type charset, then a
 * `<meta>` charset in the first ~4 KB, then UTF-8 when the bytes are valid UTF-8, else chardet's guess.
 * Returns the text (BOM removed) and the encoding used (lower-case iconv-lite name).
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): { text: string; encoding: string } {
  const bom = sniffBom(bytes)
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding }
  const declared = usableCharset(charsetFromContentType(contentType)) ?? usableCharset(charsetFromMeta(bytes))
  let encoding: string
  // A page declaring UTF-16 in an ASCII-compatible meta tag cannot really be UTF-16 (HTML spec: treat as UTF-8).
  if (declared && !/^utf-?16/.test(declared)) encoding = declared
  else if (isValidUtf8(bytes)) encoding = 'utf-8'
  else encoding = usableCharset(chardet.detect(bytes)) ?? 'windows-1252'
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding }
}
