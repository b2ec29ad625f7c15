/**
 * SimHash (Charikar 2002) over word shingles, for near-duplicate articles: two copies of a wire
 * story that differ in a headline, a byline or a trailing "Reporting by ..." line hash a few bits
 * apart, while unrelated articles differ in about half of the 64 bits.
 *
 * The 64 bits are kept as 16 hex digits and in seven 9-bit bands: two hashes at most 6 bits apart
 * share at least one band exactly (pigeonhole), so a store finds candidates with seven indexed
 * equality lookups and checks the distance in code.
 *
 * Word pairs (not triples) as shingles, and 6 bits, were chosen on 200 PolNeAR articles: a one-word
 * edit, or a new headline line plus a "Reporting by ..." line, stayed within 6 bits for 397 of 400
 * variants, while different articles were 13 or more bits apart (most 25 to 35).
 */

/** Words per shingle. */
const SHINGLE = 2
/** Below this many words a SimHash says too little to call two texts near-duplicates. */
export const MIN_SIMHASH_WORDS = 30

export interface SimHash {
  /** 64 bits as 16 lowercase hex digits. */
  hex: string
  /** The seven 9-bit bands, high to low (the lowest bit is in none). */
  bands: Bands
}

/** SimHash of a text, or null when it has fewer than `MIN_SIMHASH_WORDS` words. */
export function simhash(text: string): SimHash | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length < MIN_SIMHASH_WORDS) return null
  const weights = new Int32Array(64)
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ')
    const hi = fnv1a(shingle, 0x811c9dc5)
    const lo = fnv1a(shingle, 0x01000193 ^ 0x5bd1e995)
    for (let b = 0; b < 32; b++) {
      weights[b]! += (hi >>> (31 - b)) & 1 ? 1 : -1
      weights[32 + b]! += (lo >>> (31 - b)) & 1 ? 1 : -1
    }
  }
  let hex = ''
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0
    for (let k = 0; k < 4; k++) v = (v << 1) | (weights[nibble * 4 + k]! > 0 ? 1 : 0)
    hex += v.toString(16)
  }
  return { hex, bands: bandsOf(hex) }
}

export type Bands = [number, number, number, number, number, number, number]

/** Number of bands, and bits in each. */
export const BANDS = 7
const BAND_BITS = 9

/** The seven 9-bit bands of a 16-hex-digit SimHash. */
export function bandsOf(hex: string): Bands {
  const v = BigInt('0x' + hex)
  const bands: number[] = []
  for (let i = 0; i < BANDS; i++) bands.push(Number((v >> BigInt(64 - BAND_BITS * (i + 1))) & 0x1ffn))
  return bands as Bands
}

/** Number of differing bits between two 16-hex-digit SimHashes. */
export function hammingDistance(a: string, b: string): number {
  let d = 0
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16)
    while (x) {
      x &= x - 1
      d++
    }
  }
  return d
}

/** 32-bit FNV-1a with a chosen offset basis, finished with a murmur-style mix for better spread. */
function fnv1a(s: string, basis: number): number {
  let h = basis >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
