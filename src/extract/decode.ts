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
 * How much decoded text looks like real words: each word with a non-ASCII letter counts +1 when it
 * is in one script (Cyrillic, Greek, CJK, ...) or is a Latin word with a few accented letters, and
 * -1 when it mixes scripts or is a Latin word made mostly of accented letters ("Äèåòà", which is
 * "Диета" in windows-1251 read as latin-1); replacement characters and C1 controls count -2.
 */
export function wordPlausibility(text: string): number {
  let score = 0
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0]
    if (/^[A-Za-z]+$/.test(w)) continue
    if (/^[\p{Script=Latin}\p{M}]+$/u.test(w)) {
      const accented = w.length - (w.match(/[A-Za-z]/g)?.length ?? 0)
      score += w.length >= 3 && accented * 2 > w.length ? -1 : 1
    } else if (SINGLE_SCRIPT.some((re) => re.test(w))) score += 1
    else score -= 1
  }
  score -= 2 * (text.match(/[\ufffd\u0080-\u009f]/g)?.length ?? 0)
  return score
}

const SINGLE_SCRIPT = [
  /^[\p{Script=Cyrillic}\p{M}]+$/u, /^[\p{Script=Greek}\p{M}]+$/u, /^[\p{Script=Arabic}\p{M}]+$/u,
  /^[\p{Script=Hebrew}\p{M}]+$/u, /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\p{M}]+$/u,
  /^[\p{Script=Hangul}\p{M}]+$/u, /^[\p{Script=Thai}\p{M}]+$/u,
]

/**
 * The fallback detector for bytes that are neither declared nor valid UTF-8: chardet's top
 * candidates (its single-byte guesses are weak: a Russian windows-1251 page with much markup comes
 * out as ISO-8859-1), each decoded on the first 256 KB and scored by {@link wordPlausibility};
 * chardet's first guess wins unless another scores clearly higher.
 */
function guessEncoding(bytes: Uint8Array): string {
  const names: string[] = []
  for (const c of chardet.analyse(bytes).slice(0, 6)) {
    const name = usableCharset(c.name)
    if (name && !names.includes(name)) names.push(name)
  }
  if (!names.includes('windows-1252')) names.push('windows-1252')
  const sample = Buffer.from(bytes.subarray(0, 256 * 1024))
  const scores = names.map((name) => wordPlausibility(iconv.decode(sample, name).replace(/<[^>]*>/g, ' ')))
  // chardet's first guess stands unless another reads clearly better (windows-1250 and -1252 both
  // read French as words: only a clear margin, as mojibake gives, overrules chardet).
  let best = 0
  for (let i = 1; i < names.length; i++) if (scores[i]! > scores[best]! && scores[i]! > scores[0]! + Math.max(5, Math.abs(scores[0]!) * 0.2)) best = i
  return names[best]!
}

/**
 * Decodes the bytes of an HTML page: BOM first, then the HTTP Content-Type charset, then a
 * `<meta>` charset in the first ~4 KB, then UTF-8 when the bytes are valid UTF-8, else the best-looking of chardet's guesses.
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
  else encoding = guessEncoding(bytes)
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding }
}
