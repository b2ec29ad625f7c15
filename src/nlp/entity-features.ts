/**
 * The entity tagger's features, defined as strings: the tag set (BILOU), gazetteer marks, word
 * clusters, the features of each token (word, case, shape, affixes, ±2 context words, clusters,
 * gazetteer marks, document-level case evidence), the second pass's and the history's. The trainer
 * (`scripts/train-entities.ts`) reads them as strings; the tagger (`./entity-tagger.ts`) computes
 * the same scores without building the strings, from the pieces exported here.
 */
import { countries, nationalities } from './data/places.js'

/**
 * The tagger works in BILOU (Begin, Inside, Last, Unit, Outside), which lets a greedy decoder
 * see where an entity ends; its output is converted to BIO.
 */
export const TAGS: readonly string[] = ['O', ...['PER', 'ORG', 'LOC', 'MISC'].flatMap((t) => ['B-', 'I-', 'L-', 'U-'].map((p) => p + t))]
export const NTAGS: number = TAGS.length
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const

/** `allowed[prev * NTAGS + cur]` (prev index NTAGS = sentence start): an open entity must go on or end. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NTAGS + 1) * NTAGS)
  for (let p = 0; p <= NTAGS; p++) {
    const prev = p < NTAGS ? TAGS[p]! : 'O'
    const open = prev[0] === 'B' || prev[0] === 'I'
    for (let c = 0; c < NTAGS; c++) {
      const cur = TAGS[c]!
      const inside = cur[0] === 'I' || cur[0] === 'L'
      a[p * NTAGS + c] = open ? (inside && cur.slice(2) === prev.slice(2) ? 1 : 0) : inside ? 0 : 1
    }
  }
  return a
})()

/** BILOU → BIO. */
export function toBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t[0] === 'L' ? 'I' + t.slice(1) : t[0] === 'U' ? 'B' + t.slice(1) : t))
}

/** BIO → BILOU. */
export function toBilou(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t
    const ends = tags[i + 1] === undefined || tags[i + 1]![0] !== 'I' || tags[i + 1]!.slice(2) !== t.slice(2)
    return t[0] === 'B' ? (ends ? 'U' : 'B') + t.slice(1) : (ends ? 'L' : 'I') + t.slice(1)
  })
}

// ---------------------------------------------------------------------------------------------
// Gazetteer: multi-token entity strings with the types they were seen with.

/**
 * Type bits: PER 1, ORG 2, LOC 4, MISC 8; 16 marks a given name (from a names list, not a full entity);
 * 32 a city or region from a world list (noisier than the LOC bit, so it has features of its own);
 * 64 a family name (from a names list).
 */
export type Gazetteer = Map<string, number>
const TYPE_BIT: Record<string, number> = { PER: 1, ORG: 2, LOC: 4, MISC: 8 }
const GAZ_MAX = 6

/** Entries that every model gets, from our own data lists (not from any training set). */
export function builtinGazetteer(givenNames: Iterable<string> = []): Gazetteer {
  const g: Gazetteer = new Map()
  for (const n of givenNames) g.set(n, (g.get(n) ?? 0) | 16)
  for (const c of countries) g.set(c, (g.get(c) ?? 0) | TYPE_BIT.LOC!)
  for (const n of nationalities) g.set(n, (g.get(n) ?? 0) | TYPE_BIT.MISC!)
  return g
}

/** The gazetteer marks a token can carry, by index (`gazetteerMarks`); features are template + mark. */
export const MARKS: readonly string[] = ['NAME', 'SURNAME', 'B-CITY', 'B-CITY1', 'I-CITY', ...ENTITY_TYPES.flatMap((t) => ['B-' + t, 'B-' + t + '1', 'I-' + t])]
const MARK_OF = new Map(MARKS.map((m, k) => [m, k]))
const mark = (m: string): number => MARK_OF.get(m)!
const M_NAME = mark('NAME')
const M_SURNAME = mark('SURNAME')
const M_CITY = [mark('B-CITY'), mark('B-CITY1'), mark('I-CITY')] as const
const M_TYPE = ENTITY_TYPES.map((t) => [mark('B-' + t), mark('B-' + t + '1'), mark('I-' + t)] as const)

const NO_MARKS: number[] = Object.freeze([]) as unknown as number[]

/**
 * Per gazetteer entry's first word, the most words an entry starting with it has: the lookup of
 * longer strings stops there (an upper bound; a word with a space in it is looked up to `GAZ_MAX`).
 */
export function gazetteerSpans(gaz: Gazetteer): Map<string, number> {
  const spans = new Map<string, number>()
  for (const key of gaz.keys()) {
    const space = key.indexOf(' ')
    if (space < 0) continue
    const first = key.slice(0, space)
    let words = 2
    for (let k = key.indexOf(' ', space + 1); k >= 0; k = key.indexOf(' ', k + 1)) words++
    if (words > (spans.get(first) ?? 1)) spans.set(first, words)
  }
  return spans
}

/**
 * Per token, the gazetteer marks (indices into `MARKS`: `B-LOC`, `I-PER`, …) of every match covering
 * it. In an all-caps sentence (a headline: "RUSSIA SAYS LAVROV WILL VISIT NEW YORK") a string not in the
 * gazetteer as written is looked up in title case ("New York") as well. `spans` (from
 * `gazetteerSpans`) only saves lookups that cannot match.
 */
function gazetteerMarks(words: readonly string[], gaz: Gazetteer, caps = false, spans?: Map<string, number>): number[][] {
  // One shared empty list for the (many) tokens without a mark; a token's own list is made at its first mark.
  const marks: number[][] = new Array<number[]>(words.length).fill(NO_MARKS)
  const push = (k: number, m: number): void => {
    if (marks[k] === NO_MARKS) marks[k] = []
    marks[k]!.push(m)
  }
  const titled = caps ? words.map((w) => (isAllCaps(w) ? titleCase(w) : w)) : undefined
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!.charCodeAt(0)
    // Entries start with an upper-case letter or a digit.
    if (!((first >= 65 && first <= 90) || (first >= 48 && first <= 57) || first > 127)) continue
    let max = GAZ_MAX
    if (spans && !words[i]!.includes(' ')) {
      max = spans.get(words[i]!) ?? 1
      if (titled && titled[i] !== words[i]) max = Math.max(max, spans.get(titled[i]!) ?? 1)
    }
    let key = ''
    let tkey = ''
    for (let n = 1; n <= Math.min(GAZ_MAX, max) && i + n <= words.length; n++) {
      key = n === 1 ? words[i]! : key + ' ' + words[i + n - 1]!
      let bits = gaz.get(key)
      if (titled) {
        tkey = n === 1 ? titled[i]! : tkey + ' ' + titled[i + n - 1]!
        if (bits === undefined && tkey !== key) bits = gaz.get(tkey)
      }
      if (bits === undefined) continue
      if (bits & 16) push(i, M_NAME)
      if (bits & 64 && n === 1) push(i, M_SURNAME)
      const spread = (m: readonly [number, number, number]): void => {
        push(i, n === 1 ? m[1] : m[0])
        for (let k = 1; k < n; k++) push(i + k, m[2])
      }
      if (bits & 32) spread(M_CITY)
      ENTITY_TYPES.forEach((t, k) => {
        if (bits! & TYPE_BIT[t]!) spread(M_TYPE[k]!)
      })
    }
  }
  return marks
}

// ---------------------------------------------------------------------------------------------
// Word clusters (built from unlabeled news text by `scripts/build-clusters.ts`)

/** A three-level clustering: word → fine class, fine → mid, mid → coarse. */
export interface WordClusters {
  fine: Map<string, number>
  mid: Int32Array
  coarse: Int32Array
}

/** Parses the text of `src/nlp/data/word-clusters.tsv.gz` (gunzipped). */
export function parseClusters(text: string): WordClusters {
  const lines = text.split('\n')
  if (!lines[0]!.startsWith('#clusters')) throw new Error(`word clusters: expected a "#clusters" header, received ${JSON.stringify(lines[0]!.slice(0, 40))}`)
  const fine = new Map<string, number>()
  for (let i = 3; i < lines.length; i++) {
    const tab = lines[i]!.lastIndexOf('\t')
    if (tab > 0) fine.set(lines[i]!.slice(0, tab), Number(lines[i]!.slice(tab + 1)))
  }
  return { fine, mid: Int32Array.from(lines[1]!.split(' ').map(Number)), coarse: Int32Array.from(lines[2]!.split(' ').map(Number)) }
}

/** The text `parseClusters` reads (a header line naming the class counts, the two class maps, a word per line). */
export function formatClusters(c: WordClusters): string {
  const lines = [`#clusters ${c.mid.length} ${c.coarse.length} ${Math.max(-1, ...c.coarse) + 1}`, Array.from(c.mid).join(' '), Array.from(c.coarse).join(' ')]
  for (const [w, k] of c.fine) lines.push(`${w}\t${k}`)
  return lines.join('\n') + '\n'
}

/** The fine class of a word, trying its title-case and lower-case forms when it is not in the table; -1 if none. */
function clusterOf(c: WordClusters, w: string): number {
  let k = c.fine.get(w)
  if (k === undefined && w.length > 1 && isAllCaps(w)) k = c.fine.get(titleCase(w))
  if (k === undefined) k = c.fine.get(w.toLowerCase())
  return k ?? -1
}

// ---------------------------------------------------------------------------------------------
// Features

/** "Lavrov" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". Runs of one class collapse. */
export function wordShape(w: string): string {
  let out = ''
  let last = -1
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i)
    let c: number
    if (code >= 97 && code <= 122) c = 120 // x
    else if (code >= 65 && code <= 90) c = 88 // X
    else if (code >= 48 && code <= 57) c = 100 // d
    else if (code < 128) c = code
    else {
      const ch = w[i]!
      c = ch.toLowerCase() !== ch ? 88 : ch.toUpperCase() !== ch ? 120 : code
    }
    if (c !== last) out += String.fromCharCode(c)
    last = c
  }
  return out
}

export function isUpperStart(w: string): boolean {
  const c = w[0] ?? ''
  return c !== c.toLowerCase()
}
function isAllCaps(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()
}
function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase()
}

/** What the rest of the article says about how a word is written. */
export interface DocContext {
  /** Words written with a capital inside a sentence that is not all-caps. */
  midCap: Set<string>
  /** Lower-case words seen (lower-case as written). */
  lower: Set<string>
}

/** A sentence is a "caps" sentence (headline) when most of its letters-words are all-caps. */
function isCapsSentence(words: readonly string[]): boolean {
  let caps = 0
  let letters = 0
  for (const w of words) {
    if (w.toLowerCase() === w.toUpperCase()) continue
    letters++
    if (w === w.toUpperCase()) caps++
  }
  return letters > 0 && caps / letters > 0.8 && caps > 1
}

export function docContext(sentences: readonly (readonly string[])[]): DocContext {
  const midCap = new Set<string>()
  const lower = new Set<string>()
  for (const words of sentences) {
    if (isCapsSentence(words)) continue
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      if (i > 0 && isUpperStart(w) && !/^["'“‘(\[]$/.test(words[i - 1]!)) midCap.add(w)
      else if (w === w.toLowerCase() && w !== w.toUpperCase()) lower.add(w)
    }
  }
  return { midCap, lower }
}

/** What a first tagging pass found in the article: per word, how its other occurrences were tagged. */
export interface DocPredictions {
  /** Word → counts of O, PER, ORG, LOC, MISC over its occurrences. */
  counts: Map<string, Int32Array>
  /** Word → entity type of the multi-word entities it was part of (last seen). */
  inLong: Map<string, string>
}

const TYPE_INDEX: Record<string, number> = { PER: 1, ORG: 2, LOC: 3, MISC: 4 }
const TYPE_NAMES = ['O', 'PER', 'ORG', 'LOC', 'MISC']

export function docPredictions(sentences: readonly (readonly string[])[], tags: readonly (readonly string[])[]): DocPredictions {
  const counts = new Map<string, Int32Array>()
  const inLong = new Map<string, string>()
  sentences.forEach((words, s) => {
    const ts = tags[s]!
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      if (!isUpperStart(w)) continue
      let c = counts.get(w)
      if (!c) counts.set(w, (c = new Int32Array(5)))
      c[ts[i] === 'O' ? 0 : TYPE_INDEX[ts[i]!.slice(2)]!]!++
      if (ts[i] !== 'O' && ((i + 1 < words.length && ts[i + 1]!.startsWith('I-')) || ts[i]!.startsWith('I-'))) inLong.set(w, ts[i]!.slice(2))
    }
  })
  return { counts, inLong }
}

/** Features from the first pass: the majority type of the word's other occurrences in the article. */
export function predictionFeatures(w: string, own: string, pred: DocPredictions, f: string[]): void {
  const c = pred.counts.get(w)
  if (c) {
    const ownIdx = own === 'O' ? 0 : TYPE_INDEX[own.slice(2)]!
    let best = -1
    let bestN = 0
    let total = 0
    for (let k = 0; k < 5; k++) {
      const n = c[k]! - (k === ownIdx ? 1 : 0)
      total += n
      if (n > bestN) {
        bestN = n
        best = k
      }
    }
    if (best >= 0) {
      f.push('dt=' + TYPE_NAMES[best]!)
      if (bestN === total) f.push('dt-all=' + TYPE_NAMES[best]!)
    }
  }
  const long = pred.inLong.get(w)
  if (long) f.push('dl=' + long)
}

/**
 * Where a word stands for the features it gives a token: the token itself, the word before, after,
 * two before, two after. Features that depend on one word alone (in one role) are computed once per
 * word by the tagger (`lexOf`); `ROLE_OFFSET[role]` is where that word is.
 */
export type Role = 0 | 1 | 2 | 3 | 4
export const ROLES: readonly Role[] = [0, 1, 2, 3, 4]
export const ROLE_OFFSET = [0, -1, 1, -2, 2] as const

/** What the features of one word read: the word (null: the sentence's edge), its lower-case form, shape and word cluster. */
interface WordInfo {
  w: string | null
  lower: string
  shape: string
  cluster: number
}
export const EDGE: WordInfo = { w: null, lower: '', shape: '', cluster: -1 }

export function wordInfo(w: string, clusters: WordClusters | undefined): WordInfo {
  return { w, lower: w.toLowerCase(), shape: wordShape(w), cluster: clusters ? clusterOf(clusters, w) : -1 }
}

/**
 * A feature given as its template (up to and with the first "=", or the whole feature when it has
 * none) and its value: the feature string is `template + value`.
 */
export type Emit = (template: string, value: string) => void

/** The templates of `wordFeatures` by role (the neighbours' ones: word, word as written, suffix, cluster, cluster's class). */
const AFFIX_TEMPLATES = [1, 2, 3, 4].map((k) => ['p' + k + '=', 'x' + k + '='] as const)
const NEAR_TEMPLATES = ['-1=', '+1='].map((d) => ['w' + d, 'W' + d, 'x3' + d, 'c' + d, 'cm' + d] as const)
const FAR_TEMPLATES = ['-2=', '+2='].map((d) => ['w' + d, 'cm' + d] as const)
/** Every template `wordFeatures` emits. */
export const WORD_TEMPLATES = new Set<string>(['b', 'w=', 'l=', 's=', 'long', 'c=', 'cm=', 'cc=', 'cs=', ...AFFIX_TEMPLATES.flat(), ...NEAR_TEMPLATES.flat(), ...FAR_TEMPLATES.flat()])

/**
 * The features that word `x` gives the token `ROLE_OFFSET[role]` words away from it (role 0: its own
 * features, word, case, shape, affixes, clusters); `x` is `EDGE` for the sentence boundary on that side.
 */
export function wordFeatures(role: Role, x: WordInfo, clusters: WordClusters | undefined, emit: Emit): void {
  const { w, cluster: c } = x
  if (role === 0) {
    const word = w!
    const l = x.lower
    emit('b', '')
    emit('w=', word)
    emit('l=', l)
    emit('s=', x.shape)
    const len = l.length
    for (let k = 1; k <= 4 && k <= len; k++) {
      emit(AFFIX_TEMPLATES[k - 1]![0], word.slice(0, k))
      emit(AFFIX_TEMPLATES[k - 1]![1], l.slice(len - k))
    }
    if (len > 12) emit('long', '')
    if (clusters) {
      if (c >= 0) {
        const m = clusters.mid[c]!
        // With the case: a rare capitalised word can land in a class of common nouns.
        const k = isUpperStart(word) ? 'U' : 'l'
        emit('c=', c + k)
        emit('cm=', m + k)
        emit('cc=', clusters.coarse[m]! + k)
        emit('cs=', m + '|' + x.shape)
      } else emit('c=', '?')
    }
    return
  }
  const before = role === 1 || role === 3
  const lw = w === null ? (before ? '<s>' : '</s>') : x.lower
  const mid = w === null || c < 0 ? '_' : String(clusters!.mid[c]!)
  if (role === 1 || role === 2) {
    const t = NEAR_TEMPLATES[before ? 0 : 1]!
    emit(t[0], lw)
    emit(t[1], w ?? lw)
    emit(t[2], lw.slice(-3))
    if (clusters) {
      emit(t[3], w === null ? '_' : String(c))
      emit(t[4], mid)
    }
  } else {
    const t = FAR_TEMPLATES[before ? 0 : 1]!
    emit(t[0], lw)
    if (clusters) emit(t[1], mid)
  }
}

/**
 * Features of a token and its neighbours together: template + the neighbours' lower-case forms or
 * shapes at the offsets `at`, joined by "|" (outside the sentence, "<s>" or "</s>").
 */
export const GRAMS: readonly { name: string; shape: boolean; at: readonly number[] }[] = [
  { name: 's-1=', shape: true, at: [-1, 0] },
  { name: 's+1=', shape: true, at: [0, 1] },
  { name: 's-1+1=', shape: true, at: [-1, 0, 1] },
  { name: 'b-1=', shape: false, at: [-1, 0] },
  { name: 'b+1=', shape: false, at: [0, 1] },
  { name: 's-2=', shape: true, at: [-2, -1] },
  { name: 's+2=', shape: true, at: [1, 2] },
]

/** Templates of the gazetteer marks' features: the token's, in a table sentence, the previous and next token's. */
export const MARK_TEMPLATES = ['g=', 'ns|g=', 'g-1=', 'g+1='] as const

/** What the features of a sentence's tokens share: is it a headline, a table, and its gazetteer marks. */
interface SentenceView {
  caps: boolean
  table: boolean
  marks: number[][]
}

export function sentenceView(words: readonly string[], gaz: Gazetteer, spans?: Map<string, number>): SentenceView {
  const n = words.length
  const caps = isCapsSentence(words)
  // A sentence of a results table or a score line ("Leeds 2 Chelsea 1"), where places are teams.
  let digits = 0
  for (const w of words) if (/\d/.test(w)) digits++
  return { caps, table: n >= 3 && digits / n >= 0.25, marks: gazetteerMarks(words, gaz, caps, spans) }
}

/**
 * The features of token `i` that depend on the sentence and the article beyond its neighbours'
 * words: capitals at the start, after a quotation mark, in a headline; the case the word has elsewhere
 * in the article (`doc`); shapes in a table. `shape` and `nextShape` are the token's and the next one's.
 */
export function contextFeatures(words: readonly string[], i: number, shape: string, nextShape: string, view: SentenceView, doc: DocContext, f: string[]): void {
  const w = words[i]!
  if (view.caps) f.push('cs|' + shape)
  if (isUpperStart(w)) {
    f.push(i === 0 ? 'first-up' : 'mid-up')
    if (i > 0 && (/^["'“‘(]$/.test(words[i - 1]!) || words[i - 1] === ':')) f.push('after-open-up')
    // Document-level evidence for a capital that may only be positional.
    if (i === 0 || view.caps) {
      const l = w.toLowerCase()
      const form = view.caps && isAllCaps(w) ? titleCase(w) : w
      if (doc.midCap.has(form) || doc.midCap.has(w)) f.push('doc-midcap')
      if (doc.lower.has(l)) f.push('doc-lower')
      if (view.caps) f.push('caps-l=' + l)
    }
  }
  if (view.table) f.push('ns|' + shape, 'ns|' + shape + '|' + nextShape)
}

/** Calls `add(template, mark)` for each gazetteer-mark feature of token `i` (`MARK_TEMPLATES` indices). */
export function markFeatures(view: SentenceView, i: number, add: (template: number, mark: number) => void): void {
  const { marks, table } = view
  for (const m of marks[i]!) add(0, m)
  if (table) for (const m of marks[i]!) add(1, m)
  if (i > 0) for (const m of marks[i - 1]!) add(2, m)
  if (i + 1 < marks.length) for (const m of marks[i + 1]!) add(3, m)
}

/**
 * Features of each token of a sentence as strings: the word and its neighbours, shapes, affixes,
 * clusters, gazetteer marks, document-level casing evidence (with `pred`, the second pass's too). The
 * trainer reads these; the tagger computes the same features' scores without building the strings
 * (`sentenceScores`), and a test holds the two to each other.
 */
export function sentenceFeatures(
  words: readonly string[],
  gaz: Gazetteer,
  doc: DocContext,
  pred?: { doc: DocPredictions; tags: readonly string[] },
  clusters?: WordClusters,
): string[][] {
  const n = words.length
  const lower = words.map((w) => w.toLowerCase())
  const shapes = words.map(wordShape)
  const view = sentenceView(words, gaz)
  const part = (shape: boolean, j: number): string => (j < 0 ? '<s>' : j >= n ? '</s>' : shape ? shapes[j]! : lower[j]!)
  const infos = words.map((w) => wordInfo(w, clusters))
  const out = words.map((_, i) => {
    const f: string[] = []
    const emit: Emit = (t, v) => void f.push(t + v)
    for (const role of ROLES) {
      const j = i + ROLE_OFFSET[role]
      wordFeatures(role, j >= 0 && j < n ? infos[j]! : EDGE, clusters, emit)
    }
    for (const g of GRAMS) f.push(g.name + g.at.map((o) => part(g.shape, i + o)).join('|'))
    contextFeatures(words, i, shapes[i]!, part(true, i + 1), view, doc, f)
    markFeatures(view, i, (t, m) => f.push(MARK_TEMPLATES[t] + MARKS[m]!))
    return f
  })
  if (pred) secondPassFeatures(words, pred.tags, pred.doc).forEach((extra, i) => out[i]!.push(...extra))
  return out
}

/** Features of the second pass: the first pass's tags here and around, and elsewhere in the article. */
export function secondPassFeatures(words: readonly string[], first: readonly string[], pred: DocPredictions): string[][] {
  const n = words.length
  const tag = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : first[i]!)
  return words.map((w, i) => {
    const f = ['q0=' + tag(i), 'q-1=' + tag(i - 1) + '|' + tag(i), 'q+1=' + tag(i) + '|' + tag(i + 1)]
    if (isUpperStart(w)) predictionFeatures(w, first[i]!, pred, f)
    return f
  })
}

/** History features: the tags already chosen for the previous two tokens. */
export function historyFeatures(prev1: string, prev2: string, word: string, shape: string, next: string): string[] {
  return ['t1=' + prev1, 't2=' + prev2 + '|' + prev1, 't1w=' + prev1 + '|' + word, 't1s=' + prev1 + '|' + shape, 't1n=' + prev1 + '|' + next]
}
