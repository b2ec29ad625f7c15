import type { Token } from '../core/types.js'
import { otherAbbreviations, titleAbbreviations } from './data/abbreviations.js'

const abbreviations = new Set([...titleAbbreviations, ...otherAbbreviations])

/**
 * One regex alternation per token class, tried in order:
 * URLs and e-mail addresses; words (letters, marks, digits) with internal hyphens, apostrophes,
 * periods, ampersands or slashes ("U.S", "AT&T", "Zaporizhzhia", "1,000.50"); runs of dots;
 * any other single non-space character.
 */
const TOKEN =
  /https?:\/\/[^\s"'“”<>]+[^\s"'“”<>.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\p{L}\p{M}\p{N}]+(?:[-'’.&/,][\p{L}\p{M}\p{N}]+)*|\.{2,}|…|[^\s]/gu

/** A clock time glued to a capitalised word ("57PMJeb"), as scraped live blogs write it. */
const GLUED_TIME = /^\d{1,2}(?:AM|PM|am|pm)(?=\p{Lu}\p{Ll})/u

/** "n't" and possessive "'s" become their own tokens, as in CoNLL and Penn Treebank tokenisation. */
const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/iu

/**
 * Splits `text` into word and punctuation tokens with their offsets.
 *
 * - "Moscow's" → "Moscow", "'s"; "don't" → "do", "n't" (CoNLL convention, which the NER model expects).
 * - A period is kept on known abbreviations ("Mr.", "Jan.") and on initials ("U.S.", "J.").
 * - Commas inside numbers stay ("1,000"); a comma between words splits ("Paris,France" → 3 tokens).
 * - A time glued to a capitalised word splits after AM/PM ("10:57PMJeb" → "10", ":", "57PM", "Jeb").
 *
 * @example tokenize("Mr. Lavrov's visit") // ["Mr.", "Lavrov", "'s", "visit"]
 */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = offset
  const slice = end === text.length ? text : text.slice(0, end)
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(slice)) !== null) {
    let start = m.index
    let word = m[0]
    // A comma inside a token is only kept between digits ("1,000").
    if (word.length > 1 && word.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(word)) {
      const cut = word.indexOf(',')
      word = word.slice(0, cut)
      TOKEN.lastIndex = start + cut
    }
    // "10:57PMJeb Bush Hits …": a time glued to the next word in scraped live blogs splits after AM/PM.
    const glued = GLUED_TIME.exec(word)
    if (glued) {
      word = glued[0]
      TOKEN.lastIndex = start + word.length
    }
    let wordEnd = start + word.length
    // Attach a following period to abbreviations and initials.
    if (slice[wordEnd] === '.' && /[\p{L}]/u.test(word[0] ?? '')) {
      if (abbreviations.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || prefixedTitle(word)) {
        wordEnd += 1
        TOKEN.lastIndex = wordEnd
        word = slice.slice(start, wordEnd)
        // ("B.C.'s top doctor", "U.S.'s envoy": the possessive after an abbreviation is its own token too.)
        const poss = /^['’]s(?![\p{L}\p{N}])/u.exec(slice.slice(wordEnd, wordEnd + 3))
        if (poss) {
          tokens.push({ start, end: wordEnd, text: word })
          tokens.push({ start: wordEnd, end: wordEnd + 2, text: slice.slice(wordEnd, wordEnd + 2) })
          TOKEN.lastIndex = wordEnd + 2
          continue
        }
      }
    }
    const clitic = word.length > 3 ? CLITIC.exec(word) : null
    if (clitic && /^\p{L}/u.test(word)) {
      const cut = wordEnd - clitic[0].length
      tokens.push({ start, end: cut, text: slice.slice(start, cut) })
      tokens.push({ start: cut, end: wordEnd, text: slice.slice(cut, wordEnd) })
      continue
    }
    tokens.push({ start, end: wordEnd, text: word })
  }
  return tokens
}

/** A title abbreviation after "then-", "ex-" or "now-": "then-Sen", "ex-Gov". */
function prefixedTitle(word: string): boolean {
  const m = /^(?:then|ex|now)[-‑](\p{L}+)$/iu.exec(word)
  return m !== null && titleAbbreviations.includes(m[1]!)
}

/** True when a token ends with a period that belongs to it (an abbreviation or an initial). */
export function isAbbreviation(token: string): boolean {
  if (!token.endsWith('.')) return false
  const bare = token.slice(0, -1)
  return abbreviations.has(bare) || /^(?:\p{L}\.)*\p{L}$/u.test(bare) || prefixedTitle(bare)
}

/** True for title abbreviations, after which a period never ends a sentence ("Dr.", "Sen.", "then-Sen."). */
export function isTitleAbbreviation(token: string): boolean {
  return token.endsWith('.') && (titleAbbreviations.includes(token.slice(0, -1)) || prefixedTitle(token.slice(0, -1)))
}
