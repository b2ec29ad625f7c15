import type { Span } from '../core/types.js'

/**
 * A passage between quotation marks.
 * `start`/`end` are the content inside the marks; `open` is the offset of the opening mark and
 * `close` the offset just after the closing mark (or the paragraph end when the quote is never closed).
 */
export interface QuotedSpan extends Span {
  open: number
  close: number
  /** 0 for a quote in running text, 1 for a quote inside a quote, … */
  depth: number
  /** The mark was never closed: the quote runs to the end of its paragraph. */
  unclosed: boolean
}

type Mark = { pos: number; role: 'open' | 'close' | 'either'; level: 'd' | 's' }

const LETTER = /[\p{L}\p{N}\u0001]/u
const SPACE_BEFORE_OPEN = /[\s(\[{—–\-\/\u0001]/u

/** Reads one quotation mark in its context; null for an apostrophe or a mark that cannot be a quote. */
function readMark(text: string, pos: number): Mark | null {
  const ch = text[pos]!
  const prev = pos > 0 ? text[pos - 1]! : ''
  const next = pos + 1 < text.length ? text[pos + 1]! : ''
  switch (ch) {
    case '“':
      // ('…problems for her here,“ said Jim Clyburn': a mark of the opening shape after a word or a comma and
      // before a space closes, as „…“ does in German.)
      if (prev !== '' && !SPACE_BEFORE_OPEN.test(prev) && prev !== '‘' && prev !== "'" && (next === '' || /[\s,.;:!?)\]]/.test(next))) return { pos, role: 'close', level: 'd' }
      return { pos, role: 'open', level: 'd' }
    case '„':
    case '«':
      return { pos, role: 'open', level: 'd' }
    case '”':
      // ('said ”We will …”': a mark of the closing shape after a space and before a word opens, as in ”…” of
      // Swedish and Finnish text.)
      if ((prev === '' || /\s/.test(prev)) && LETTER.test(next)) return { pos, role: 'open', level: 'd' }
      return { pos, role: 'close', level: 'd' }
    case '»':
      return { pos, role: 'close', level: 'd' }
    case '"': {
      const openish = (prev === '' || SPACE_BEFORE_OPEN.test(prev) || prev === '‘' || prev === "'") && next !== '' && !/\s/.test(next)
      const closeish = prev !== '' && !/\s/.test(prev) && (next === '' || !LETTER.test(next))
      if (openish && !closeish) return { pos, role: 'open', level: 'd' }
      if (closeish && !openish) return { pos, role: 'close', level: 'd' }
      // 'failed us. "' at the end of a line closes; '" We' at the start of one opens (spaced marks in scraped text).
      if (/^[ \t]*(?:\r?\n|$)/.test(text.slice(pos + 1, pos + 40))) return { pos, role: 'close', level: 'd' }
      if (/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, pos - 3), pos))) return { pos, role: 'open', level: 'd' }
      // 'speculation, " he said': after a comma or a full stop and before a lower-case word, it closes.
      if (/[,.!?;:][ \t]*$/.test(text.slice(Math.max(0, pos - 3), pos)) && /^[ \t]*\p{Ll}/u.test(text.slice(pos + 1, pos + 4))) return { pos, role: 'close', level: 'd' }
      return { pos, role: 'either', level: 'd' }
    }
    case '‘':
      if (LETTER.test(prev)) return null
      return { pos, role: 'open', level: 's' }
    case '’':
    case "'": {
      // Apostrophes: "Putin’s", "don't", "’90s", "officials’ ear" (the last only closes an open single quote).
      if (LETTER.test(prev) && LETTER.test(next)) return null
      const openish = (prev === '' || SPACE_BEFORE_OPEN.test(prev) || prev === '"' || prev === '“') && LETTER.test(next)
      if (openish) return ch === "'" && !/\d/.test(next) ? { pos, role: 'open', level: 's' } : null
      if (prev !== '' && !/\s/.test(prev)) return { pos, role: 'close', level: 's' }
      return null
    }
  }
  return null
}

/** Paragraphs: runs of text between line breaks, trimmed. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = []
  const re = /[^\n]+/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    let s = m.index
    let e = m.index + m[0].length
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) out.push({ start: s, end: e })
  }
  return out
}

/**
 * Finds quoted passages, pairing marks paragraph by paragraph.
 *
 * - Typographic marks pair by shape; a straight `"` opens or closes by the characters around it.
 * - Single quotes pair only with each other; an apostrophe ("Putin’s", "officials’") is not a mark.
 * - A quote still open at the end of a paragraph continues when the next paragraph opens with a mark
 *   (the convention for quotes over several paragraphs); otherwise it ends with its paragraph.
 * - A closing mark with no opening one is ignored.
 */
export function findQuotedSpans(original: string): QuotedSpan[] {
  // The digraphs '' and `` (NYT style) act as one straight double mark on their first character.
  const text = original.replace(/''|``/g, '"\u0001')
  const paras = paragraphs(text)
  const out: QuotedSpan[] = []
  let carried: { pos: number; depth: number } | null = null
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!
    const stack: { pos: number; level: 'd' | 's' }[] = []
    let skipFirst = false
    if (carried) {
      stack.push({ pos: carried.pos, level: 'd' })
      skipFirst = true
      carried = null
    }
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i]!
      if (!'"“”„«»‘’\''.includes(ch)) continue
      const mark = readMark(text, i)
      if (!mark) continue
      if (skipFirst && i === para.start && mark.level === 'd' && mark.role !== 'close') continue
      const openD = stack.findIndex((s) => s.level === 'd')
      if (mark.level === 'd') {
        // ('…tense, " New York City Councilman … said': a spaced mark after a comma closes the quotation the
        // line before left open.)
        if (mark.role === 'either' && openD < 0 && /[,.!?][ \t]*$/.test(text.slice(Math.max(para.start, i - 3), i)) && closePrevious(i, false)) continue
        const role = mark.role === 'either' ? (openD >= 0 ? 'close' : 'open') : mark.role
        if (role === 'open') {
          if (openD >= 0) {
            // A second opening double mark: with straight quotes it closes the first; with typographic
            // ones the first was never closed, so it is dropped.
            if (ch === '"') closeAt(openD, i)
            else stack.splice(openD)
            if (ch === '"') continue
          }
          stack.push({ pos: i, level: 'd' })
        } else if (openD >= 0) closeAt(openD, i)
        else closePrevious(i, true)
      } else if (mark.role === 'open') {
        stack.push({ pos: i, level: 's' })
      } else {
        const top = stack[stack.length - 1]
        if (top && top.level === 's') closeAt(stack.length - 1, i)
      }
    }
    // Unclosed marks at the end of the paragraph.
    const openD = stack.findIndex((s) => s.level === 'd')
    if (openD >= 0) {
      const next = paras[p + 1]
      const o = stack[openD]!
      // (With a mark of the same kind: a straight mark left open before a paragraph that opens with a typographic
      // one is a stray, not a quotation that runs on, '"Melanie thought … ¶ “It never crossed my mind …,” she said'.)
      const nextOpens = next !== undefined && /["“„«]/.test(text[next.start]!) && (text[o.pos] === '"') === (text[next.start] === '"')
      if (nextOpens) carried = { pos: o.pos, depth: openD }
      else out.push({ open: o.pos, start: o.pos + 1, end: para.end, close: para.end, depth: depthOf(openD), unclosed: true })
    }

    /**
     * A closing mark in a paragraph after one whose quote was never closed closes that quote: text with a
     * line break after each sentence ('" It's hard to say.\nEverything is speculation, " he said.'). Over
     * several such lines too, when none of the lines between holds a mark and the closing mark is followed
     * by its attribution ('" The murder … last straw.\nBeing … a crime…\nThey are stealing our dreams, " said
     * one leaflet'). `several`: whether more than the line just before may be crossed.
     */
    function closePrevious(i: number, several: boolean): boolean {
      const last = out[out.length - 1]
      const from = last ? paras.findIndex((x) => x.end === last.end) : -1
      if (!last?.unclosed || from < 0 || from >= p) return false
      const between = text.slice(paras[from + 1]!.start, i)
      const attributed = /^\s*[,.!?]?\s*\p{Ll}/u.test(text.slice(i + 1, para.end))
      // (Or introduced by its attribution, 'the star said, " I've done enough …!\nI partied.\n… anymore. "'.)
      const introduced = /\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|explained|stated|continued|insisted|replied)\s*[,:]\s*$/i.test(text.slice(Math.max(0, last.open - 40), last.open))
      if (!(p - from === 1 || (several && p - from <= 6 && (attributed || introduced))) || /["“”„«»]/.test(between)) return false
      last.end = i
      last.close = i + 1
      last.unclosed = false
      return true
    }
    function closeAt(index: number, pos: number) {
      const o = stack[index]!
      stack.splice(index)
      if (pos > o.pos + 1) out.push({ open: o.pos, start: o.pos + 1, end: pos, close: pos + 1, depth: depthOf(index), unclosed: false })
    }
    function depthOf(index: number) {
      return index
    }
  }
  // A digraph mark covers two characters.
  for (const q of out) {
    if (text[q.start] === '\u0001') q.start++
    if (text[q.close] === '\u0001') q.close++
  }
  out.sort((a, b) => a.open - b.open || b.close - a.close)
  // Recompute depth from containment (carried quotes can cross paragraphs).
  for (const q of out) q.depth = out.filter((o) => o !== q && o.open < q.open && o.close >= q.close).length
  return out
}
