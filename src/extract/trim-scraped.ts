import { JUNK_RULES } from './data/junk-lines.js'

/** A span cut out of the input: UTF-16 offsets into the input, `end` exclusive, with the rule that cut it. */
export interface RemovedSpan { start: number; end: number; reason: string }

interface Line {
  /** Offset of the first character of the line. */
  start: number
  /** Offset just past the line's text (before its line break). */
  end: number
  text: string
  weight: number
  reason: string | null
  blank: boolean
}

/** Keyword junk costs its length, capped, so one long appeal does not outweigh the article. */
const KEYWORD_CAP = 200
/** Weight of a short line without sentence punctuation (menu item, teaser title); tuned on the Zyte html-text output. */
const SHORT_WEIGHT = -30
const SENTENCE_END = /[.!?…"”’»)\]:;]$/

function splitLines(input: string): Line[] {
  const lines: Line[] = []
  const re = /\r\n|\n|\r|\u2028|\u2029/g
  let pos = 0
  for (;;) {
    const m = re.exec(input)
    const end = m ? m.index : input.length
    const text = input.slice(pos, end)
    lines.push({ start: pos, end, text, weight: 0, reason: null, blank: text.trim() === '' })
    if (!m) break
    pos = m.index + m[0].length
  }
  return lines
}

function keywordRule(text: string): string | null {
  for (const rule of JUNK_RULES) if (text.length <= rule.maxLength && rule.pattern.test(text)) return rule.id
  return null
}

/**
 * Weighs a line for the density scan: sentence-like prose is worth its length; short lines without
 * sentence punctuation (menu items, teaser titles, "Comments") and keyword junk cost.
 */
function weigh(text: string): { weight: number; reason: string | null } {
  const t = text.trim()
  const reason = keywordRule(t)
  if (reason) return { weight: -Math.max(25, Math.min(t.length, KEYWORD_CAP)), reason }
  const words = t.split(/\s+/).length
  // "Home | News | Sport | Weather": link lists flattened onto one line (html-text output of nav bars).
  const seps = (t.match(/\s[|•·]\s/g) ?? []).length
  if (seps >= 2 && seps * 6 >= words) return { weight: -Math.max(40, t.length), reason: 'link-list' }
  const sentences = (t.match(/[.!?…]["”’)]?(?:\s|$)/g) ?? []).length
  if (SENTENCE_END.test(t) && words >= 4) return { weight: t.length * (sentences >= 2 || words >= 15 ? 1 : 0.6), reason: null }
  if (words >= 20 && sentences >= 1) return { weight: t.length * 0.8, reason: null }
  return { weight: SHORT_WEIGHT, reason: null }
}

/** Maximum-sum run of lines (Kadane): the densest stretch of prose, taken as the article. */
function densestRun(lines: readonly Line[]): [number, number] | null {
  let best = 0
  let bestRange: [number, number] | null = null
  let sum = 0
  let from = 0
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (l.blank) continue
    if (sum <= 0) { sum = 0; from = i }
    sum += l.weight
    if (sum > best) { best = sum; bestRange = [from, i] }
  }
  return bestRange
}

/**
 * Trims page junk from plain text that was already scraped from a web page: comment prompts,
 * "Powered by … CMS", donation/newsletter appeals, cookie and privacy notices, share/follow and
 * related-link lines, "Advertisement", copyright lines and navigation crumbs. Lines outside the
 * densest run of prose are cut as leading/trailing boilerplate; junk lines inside it are cut by rule.
 * `removed` holds UTF-16 offsets into the input; `text` is the input with those spans cut.
 */
export function trimScrapedText(text: string): { text: string; removed: RemovedSpan[] } {
  const lines = splitLines(text)
  for (const l of lines) {
    if (l.blank) continue
    const w = weigh(l.text)
    l.weight = w.weight
    l.reason = w.reason
  }
  const run = densestRun(lines)
  if (!run) return { text, removed: [] }
  const [first, last] = run
  const cut: (string | null)[] = lines.map((l, i) => {
    if (l.blank) return null
    if (i < first) return l.reason ?? 'leading-boilerplate'
    if (i > last) return l.reason ?? 'trailing-boilerplate'
    return l.reason
  })
  // Runs of 3+ short unpunctuated lines inside the article are flattened menus or link lists.
  for (let i = first; i <= last; ) {
    let j = i
    const shortLine = (k: number) => !lines[k]!.blank && cut[k] === null && lines[k]!.weight < 0
    while (j <= last && (shortLine(j) || (lines[j]!.blank && j > i))) j++
    const count = lines.slice(i, j).filter((l) => !l.blank).length
    if (count >= 4) for (let k = i; k < j; k++) if (!lines[k]!.blank) cut[k] = 'link-list'
    i = j > i ? j : i + 1
  }
  return applyCuts(text, lines, cut)
}

function applyCuts(text: string, lines: readonly Line[], cut: readonly (string | null)[]): { text: string; removed: RemovedSpan[] } {
  let lastKept = -1
  for (let i = 0; i < lines.length; i++) if (cut[i] === null && !lines[i]!.blank) lastKept = i
  if (lastKept < 0) return cut.some(Boolean) ? { text: '', removed: [{ start: 0, end: text.length, reason: cut.find(Boolean)! }] } : { text, removed: [] }
  const removed: RemovedSpan[] = []
  let firstTrailing = true
  for (let i = 0; i < lines.length; i++) {
    const reason = cut[i]
    if (!reason) continue
    const line = lines[i]!
    // A cut line takes its line break and the blank lines after it, up to the next line with text.
    let start = line.start
    let k = i + 1
    while (k < lines.length && lines[k]!.blank) k++
    let end = k < lines.length ? lines[k]!.start : text.length
    // After the last kept line, the first cut takes the break before it instead, so the kept text
    // does not end with a dangling newline.
    if (i > lastKept) {
      if (firstTrailing) start = lines[lastKept]!.end
      firstTrailing = false
      if (k >= lines.length) end = text.length
    }
    const prev = removed[removed.length - 1]
    if (prev && prev.end === start && prev.reason === reason) { prev.end = end; continue }
    removed.push({ start, end, reason })
  }
  let out = ''
  let pos = 0
  for (const r of removed) {
    out += text.slice(pos, r.start)
    pos = r.end
  }
  out += text.slice(pos)
  return { text: out, removed }
}
