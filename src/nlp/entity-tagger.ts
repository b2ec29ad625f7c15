/**
 * The named-entity tagger: a left-to-right averaged perceptron over BIO tags (PER / ORG / LOC /
 * MISC), decoded with a small beam (see `decodeRows`), trained by `scripts/train-entities.ts` and
 * shipped as `models/entities.json.gz`.
 *
 * Features are local (word, case, shape, affixes, ±2 context words, previous tags), word
 * clusters (three levels of an exchange clustering of unlabeled news text, `./data/word-clusters.tsv.gz`,
 * built by `scripts/build-clusters.ts`; the model file carries its own copy), gazetteer matches
 * (entity strings collected from the training data, the country / nationality lists of
 * `./data/places.ts`, given names, family names, world cities, US states and the names in compromise's
 * lexicon; looked up in title case too in all-caps headlines) and document-level case evidence (is a
 * sentence-initial or all-caps word written in title case elsewhere in the article?).
 *
 * The features are defined once, as strings (`sentenceFeatures`, which the trainer reads). The
 * tagger computes the same scores without building those strings (`sentenceScores`): what a word
 * gives in each of its roles (itself, a neighbour one or two away) is summed once per word met, and
 * n-gram, history, mark and second-pass features are found by ids and indexes; a test holds both
 * paths to the same scores.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
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
const MARKS: readonly string[] = ['NAME', 'SURNAME', 'B-CITY', 'B-CITY1', 'I-CITY', ...ENTITY_TYPES.flatMap((t) => ['B-' + t, 'B-' + t + '1', 'I-' + t])]
const MARK_OF = new Map(MARKS.map((m, k) => [m, k]))
const mark = (m: string): number => MARK_OF.get(m)!
const M_NAME = mark('NAME')
const M_SURNAME = mark('SURNAME')
const M_CITY = [mark('B-CITY'), mark('B-CITY1'), mark('I-CITY')] as const
const M_TYPE = ENTITY_TYPES.map((t) => [mark('B-' + t), mark('B-' + t + '1'), mark('I-' + t)] as const)

/**
 * Per gazetteer entry's first word, the most words an entry starting with it has: the lookup of
 * longer strings stops there (an upper bound; a word with a space in it is looked up to `GAZ_MAX`).
 */
function gazetteerSpans(gaz: Gazetteer): Map<string, number> {
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
  const marks: number[][] = words.map(() => [])
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
      if (bits & 16) marks[i]!.push(M_NAME)
      if (bits & 64 && n === 1) marks[i]!.push(M_SURNAME)
      const spread = (m: readonly [number, number, number]): void => {
        marks[i]!.push(n === 1 ? m[1] : m[0])
        for (let k = 1; k < n; k++) marks[i + k]!.push(m[2])
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

function isUpperStart(w: string): boolean {
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
function predictionFeatures(w: string, own: string, pred: DocPredictions, f: string[]): void {
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
type Role = 0 | 1 | 2 | 3 | 4
const ROLES: readonly Role[] = [0, 1, 2, 3, 4]
const ROLE_OFFSET = [0, -1, 1, -2, 2] as const

/** What the features of one word read: the word (null: the sentence's edge), its lower-case form, shape and word cluster. */
interface WordInfo {
  w: string | null
  lower: string
  shape: string
  cluster: number
}
const EDGE: WordInfo = { w: null, lower: '', shape: '', cluster: -1 }

function wordInfo(w: string, clusters: WordClusters | undefined): WordInfo {
  return { w, lower: w.toLowerCase(), shape: wordShape(w), cluster: clusters ? clusterOf(clusters, w) : -1 }
}

/**
 * A feature given as its template (up to and with the first "=", or the whole feature when it has
 * none) and its value: the feature string is `template + value`.
 */
type Emit = (template: string, value: string) => void

/** The templates of `wordFeatures` by role (the neighbours' ones: word, word as written, suffix, cluster, cluster's class). */
const AFFIX_TEMPLATES = [1, 2, 3, 4].map((k) => ['p' + k + '=', 'x' + k + '='] as const)
const NEAR_TEMPLATES = ['-1=', '+1='].map((d) => ['w' + d, 'W' + d, 'x3' + d, 'c' + d, 'cm' + d] as const)
const FAR_TEMPLATES = ['-2=', '+2='].map((d) => ['w' + d, 'cm' + d] as const)
/** Every template `wordFeatures` emits. */
const WORD_TEMPLATES = new Set<string>(['b', 'w=', 'l=', 's=', 'long', 'c=', 'cm=', 'cc=', 'cs=', ...AFFIX_TEMPLATES.flat(), ...NEAR_TEMPLATES.flat(), ...FAR_TEMPLATES.flat()])

/**
 * The features that word `x` gives the token `ROLE_OFFSET[role]` words away from it (role 0: its own
 * features, word, case, shape, affixes, clusters); `x` is `EDGE` for the sentence boundary on that side.
 */
function wordFeatures(role: Role, x: WordInfo, clusters: WordClusters | undefined, emit: Emit): void {
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
const GRAMS: readonly { name: string; shape: boolean; at: readonly number[] }[] = [
  { name: 's-1=', shape: true, at: [-1, 0] },
  { name: 's+1=', shape: true, at: [0, 1] },
  { name: 's-1+1=', shape: true, at: [-1, 0, 1] },
  { name: 'b-1=', shape: false, at: [-1, 0] },
  { name: 'b+1=', shape: false, at: [0, 1] },
  { name: 's-2=', shape: true, at: [-2, -1] },
  { name: 's+2=', shape: true, at: [1, 2] },
]

/** Templates of the gazetteer marks' features: the token's, in a table sentence, the previous and next token's. */
const MARK_TEMPLATES = ['g=', 'ns|g=', 'g-1=', 'g+1='] as const

/** What the features of a sentence's tokens share: is it a headline, a table, and its gazetteer marks. */
interface SentenceView {
  caps: boolean
  table: boolean
  marks: number[][]
}

function sentenceView(words: readonly string[], gaz: Gazetteer, spans?: Map<string, number>): SentenceView {
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
function contextFeatures(words: readonly string[], i: number, shape: string, nextShape: string, view: SentenceView, doc: DocContext, f: string[]): void {
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
function markFeatures(view: SentenceView, i: number, add: (template: number, mark: number) => void): void {
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

// ---------------------------------------------------------------------------------------------
// The model

export interface EntityModel {
  /** Feature string → row in `weights`. */
  index: Map<string, number>
  /** `weights[row * NTAGS + tag]`. */
  weights: Float32Array
  gazetteer: Gazetteer
  /** Word clusters (absent in models trained without them). */
  clusters?: WordClusters
  /** The second-pass model, which also sees the first pass's tags of the whole article. */
  second?: EntityModel
  /** Beam width of the decoder (1: greedy); default 1. */
  beam?: number
  /**
   * Scores divided by this are log-probabilities up to a constant (softmax over the allowed tags); the
   * beam adds them up along a path. Fitted on held-out text by the trainer; default 1.
   */
  temperature?: number
}

/** On-disk format (gzip JSON): features joined by "\n", weights as base64 Int16 scaled by `scale`. */
export interface ModelFile {
  version: 1
  tags: string[]
  scale: number
  features: string
  /** Per feature: a bit mask (Uint32) of the tags with a non-zero weight; `weights`: those weights (base64 Int16). */
  masks: string
  weights: string
  gazetteer: [string, number][]
  /** The word-cluster table, as in `src/nlp/data/word-clusters.tsv.gz`. */
  clusters?: string
  second?: ModelFile
  /** Beam width of the decoder (first pass's file only); absent: 1 (greedy). */
  beam?: number
  /** See `EntityModel.temperature`. */
  temperature?: number
}

/** One pass's rows of the file: feature strings, tag masks and the quantised weights, in order. */
function fileRows(file: ModelFile): { features: string[]; masks: Uint32Array; q: Int16Array } {
  const masks = new Uint32Array(Buffer.from(file.masks, 'base64').buffer.slice(0))
  const packed = Buffer.from(file.weights, 'base64')
  return { features: file.features.split('\n'), masks, q: new Int16Array(packed.buffer, packed.byteOffset, packed.byteLength / 2) }
}

function decodeWeights(file: ModelFile): { index: Map<string, number>; weights: Float32Array } {
  const { features, masks, q } = fileRows(file)
  const weights = new Float32Array(features.length * NTAGS)
  const index = new Map<string, number>()
  let k = 0
  for (let r = 0; r < features.length; r++) {
    index.set(features[r]!, r)
    const m = masks[r]!
    for (let t = 0; t < NTAGS; t++) if ((m >>> t) & 1) weights[r * NTAGS + t] = q[k++]! / file.scale
  }
  return { index, weights }
}

/** The parts of a model other than its weights, shared by both passes. */
function modelShell(file: ModelFile): { first: Omit<EntityModel, 'index' | 'weights'>; second?: Omit<EntityModel, 'index' | 'weights'> } {
  if (file.tags.join(' ') !== TAGS.join(' ')) throw new Error(`entity model: expected tags ${TAGS.join(' ')}, received ${file.tags.join(' ')}`)
  const gazetteer: Gazetteer = new Map(file.gazetteer)
  const clusters = file.clusters ? parseClusters(file.clusters) : undefined
  const shell = (f: ModelFile): Omit<EntityModel, 'index' | 'weights'> => ({
    gazetteer,
    ...(clusters ? { clusters } : {}),
    ...(f.beam !== undefined ? { beam: f.beam } : {}),
    ...(f.temperature !== undefined ? { temperature: f.temperature } : {}),
  })
  return { first: shell(file), ...(file.second ? { second: shell(file.second) } : {}) }
}

/** The model in a file, its weights decoded into one table per pass (as the trainer builds them). */
export function decodeModel(file: ModelFile): EntityModel {
  const { first, second } = modelShell(file)
  const model: EntityModel = { ...first, ...decodeWeights(file) }
  if (file.second && second) model.second = { ...second, ...decodeWeights(file.second) }
  return model
}

/**
 * The model in a file, ready to tag: both passes' weights go straight into the compiled form that
 * the decoder reads (one feature index for both), without the per-pass tables, which are decoded
 * only if something asks for `index` or `weights`. About half the work of `decodeModel` + `compile`.
 */
function loadModel(file: ModelFile): EntityModel {
  const { first, second } = modelShell(file)
  const files = file.second ? [file, file.second] : [file]
  const rows = files.map(fileRows)
  // One index for both passes: pass 1's features in order, then pass 2's new ones.
  const features = new FeatureIds()
  const ids = rows.map((r) => Int32Array.from(r.features, (f) => features.id(f, true)))
  // Entries of (row, pass) slots in order: count, prefix sums, then fill.
  const at = new Int32Array(features.size * 2 + 1)
  rows.forEach((r, p) => {
    for (let i = 0; i < r.masks.length; i++) {
      let m = r.masks[i]!
      let bits = 0
      while (m) {
        m &= m - 1
        bits++
      }
      at[ids[p]![i]! * 2 + p + 1] = bits
    }
  })
  for (let k = 1; k < at.length; k++) at[k]! += at[k - 1]!
  const tag = new Uint8Array(at[at.length - 1]!)
  const value = new Float32Array(tag.length)
  rows.forEach((r, p) => {
    const scale = files[p]!.scale
    let k = 0
    for (let i = 0; i < r.masks.length; i++) {
      const m = r.masks[i]!
      let j = at[ids[p]![i]! * 2 + p]!
      for (let t = 0; t < NTAGS; t++)
        if ((m >>> t) & 1) {
          tag[j] = t
          value[j++] = r.q[k++]! / scale
        }
    }
  })
  const lazy = (shell: Omit<EntityModel, 'index' | 'weights'>, f: ModelFile): EntityModel => {
    let decoded: { index: Map<string, number>; weights: Float32Array } | undefined
    return Object.defineProperties(shell, {
      index: { get: () => (decoded ??= decodeWeights(f)).index, enumerable: true },
      weights: { get: () => (decoded ??= decodeWeights(f)).weights, enumerable: true },
    }) as EntityModel
  }
  const model = lazy(first, file)
  if (file.second && second) model.second = lazy(second, file.second)
  compiledModels.set(model, finishCompiled(features, { at, tag, value }, model))
  return model
}

/** Quantises and prunes weights below `minWeight` (relative to the scale) into the file format. */
export function encodeModel(index: Map<string, number>, weights: Float32Array | Float64Array, gazetteer: Gazetteer, minWeight: number): ModelFile {
  let max = 0
  for (const w of weights) max = Math.max(max, Math.abs(w))
  const scale = 32000 / (max || 1)
  const feats: string[] = []
  const masks: number[] = []
  const q: number[] = []
  for (const [f, r] of index) {
    let m = 0
    const vals: number[] = []
    for (let t = 0; t < NTAGS; t++) {
      const v = Math.round(weights[r * NTAGS + t]! * scale)
      if (Math.abs(weights[r * NTAGS + t]!) >= minWeight && v !== 0) {
        m = (m | (1 << t)) >>> 0
        vals.push(v)
      }
    }
    if (m === 0) continue
    feats.push(f)
    masks.push(m)
    q.push(...vals)
  }
  return {
    version: 1,
    tags: [...TAGS],
    scale,
    features: feats.join('\n'),
    masks: Buffer.from(new Uint32Array(masks).buffer).toString('base64'),
    weights: Buffer.from(new Int16Array(q).buffer).toString('base64'),
    gazetteer: [...gazetteer],
  }
}

export const DEFAULT_MODEL_URL = new URL('../../models/entities.json.gz', import.meta.url)

let cached: EntityModel | undefined

/** Loads (once) the shipped model, or the one at `path`. */
export function loadEntityModel(path?: string | URL): EntityModel {
  if (!path && cached) return cached
  const where = path ?? DEFAULT_MODEL_URL
  let file: ModelFile
  try {
    file = JSON.parse(gunzipSync(readFileSync(where)).toString('utf8')) as ModelFile
    if (file.version !== 1 || typeof file.features !== 'string') throw new Error(`expected an entity model file (version 1), received ${JSON.stringify(Object.keys(file).slice(0, 5))}`)
  } catch (e) {
    const name = where instanceof URL ? where.pathname : where
    throw new Error(`entity model ${name}: cannot read it (${(e as Error).message}); it should be the gzip JSON written by \`npm run train -- entities\` (the repository ships one in models/)`)
  }
  const model = loadModel(file)
  if (!path) cached = model
  return model
}

/**
 * Both passes' weights under one feature index, stored sparsely (most features have weights for
 * only a few tags), with what lets the tagger score a token without building its features' strings:
 * the rows of the n-gram and history features by the ids of their words' lower-case forms or shapes,
 * the rows of the mark and second-pass features by index, and per word met (bounded) the summed
 * scores of the features it gives in each role (`Lex`).
 */
interface Compiled {
  /** The rows of the features that are not `wordFeatures`' (those are in `byTemplate`). */
  index: Map<string, number>
  /** Pass p's entries of row r are `at[(r * 2 + p)]` to `at[(r * 2 + p) + 1]` in `tag` and `value`. */
  at: Int32Array
  tag: Uint8Array
  value: Float32Array
  clusters: WordClusters | undefined
  /** The rows of `wordFeatures`' features by template, then value (see `Emit`). */
  byTemplate: Map<string, Map<string, number>>
  /** Ids of the lower-case forms, and of the shapes, that some n-gram or history feature holds. */
  lowers: Map<string, number>
  shapes: Map<string, number>
  /** Per `GRAMS` entry, the row of each of its features by its parts' ids, one level each. */
  grams: GramTree[]
  /**
   * The rows of `t1w=` (by the id of the word's lower-case form), `t1s=` (its shape) and `t1n=` (the
   * next word's lower-case form), then by previous tag (NTAGS: the sentence start); -1 when absent.
   */
  t1w: Map<number, Int32Array>
  t1s: Map<number, Int32Array>
  t1n: Map<number, Int32Array>
  /** The tag-only history features' scores (`t1=`, `t2=`) summed: `tagHistory[((p2 * (NTAGS + 1) + p1) * 2 + pass) * NTAGS + tag]`. */
  tagHistory: Float64Array
  /** `marks[template * MARKS.length + mark]`: the row of `MARK_TEMPLATES[template] + MARKS[mark]`; -1 when absent. */
  marks: Int32Array
  /** The second pass's tag features by BIO index (`BIO.length`: beyond the sentence): `q0[b]`, `qPrev[b1 * (E + 1) + b]`, `qNext[b * (E + 1) + b1]`. */
  q0: Int32Array
  qPrev: Int32Array
  qNext: Int32Array
  /** The gazetteer's longest entry by first word (`gazetteerSpans`). */
  spans: Map<string, number>
  /** The words met (bounded: emptied when large), and the sentence's edges (before, after). */
  lex: Map<string, Lex>
  edges: [Lex, Lex]
}

/** A word as the tagger sees it, computed once per word. */
interface Lex {
  /** Summed scores of the features the word gives in each role: `vec[(role * 2 + pass) * NTAGS + tag]`. */
  vec: Float32Array
  shape: string
  /** Ids in `Compiled.lowers` and `shapes`; -1: in none. */
  lowerId: number
  shapeId: number
  /** Per `GRAMS` entry, the features whose first part is this word: the rows by the next parts' ids. */
  grams: (GramTree | undefined)[]
  /** History feature rows by previous tag (`Compiled.t1w`, …). */
  t1w: Int32Array
  t1s: Int32Array
  t1n: Int32Array
}

const LEX_LIMIT = 40_000
/** Rows by ids, one level per part (small-integer keys, which a Map hashes without allocating). */
type GramTree = Map<number, GramTree | number>
const NONE = new Int32Array(NTAGS + 1).fill(-1)
const BIO: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])]
const BIO_INDEX = new Map(BIO.map((t, k) => [t, k]))
const TAG_INDEX = new Map<string, number>([...TAGS.map((t, k): [string, number] => [t, k]), ['<s>', NTAGS]])

/** Every way to cut `value` at "|" into `k` parts (a word may hold a "|" itself). */
function splits(value: string, k: number): string[][] {
  const bars: number[] = []
  for (let i = value.indexOf('|'); i >= 0; i = value.indexOf('|', i + 1)) bars.push(i)
  const out: string[][] = []
  const cut = (from: number, start: number, parts: string[]): void => {
    if (parts.length === k - 1) {
      out.push([...parts, value.slice(start)])
      return
    }
    for (let b = from; b < bars.length; b++) cut(b + 1, bars[b]! + 1, [...parts, value.slice(start, bars[b]!)])
  }
  cut(0, 0, [])
  return out
}

/** Adds pass `pass`'s weights of row `r` into `into[off + tag]`. */
function addRow(c: Compiled, into: Float64Array, off: number, r: number, pass: number): void {
  const k = r * 2 + pass
  const { at, tag, value } = c
  for (let j = at[k]!, e = at[k + 1]!; j < e; j++) into[off + tag[j]!]! += value[j]!
}

/** Adds both passes' weights of row `r`: pass 0 at `off`, pass 1 at `off + NTAGS`. */
function addBoth(c: Compiled, into: Float64Array, off: number, r: number): void {
  addRow(c, into, off, r, 0)
  addRow(c, into, off + NTAGS, r, 1)
}

const sums = new Float64Array(2 * NTAGS)

/** A word's `Lex` (`w` null: the sentence's edge, `before` it or after). */
function makeLex(c: Compiled, w: string | null, before = false): Lex {
  const vec = new Float32Array(ROLES.length * 2 * NTAGS)
  const x = w === null ? EDGE : wordInfo(w, c.clusters)
  const emit: Emit = (t, v) => {
    const r = c.byTemplate.get(t)!.get(v)
    if (r !== undefined) addBoth(c, sums, 0, r)
  }
  for (const role of ROLES) {
    if (w === null && (role === 0 || (role === 1 || role === 3) !== before)) continue
    sums.fill(0)
    wordFeatures(role, x, c.clusters, emit)
    vec.set(sums, role * 2 * NTAGS)
  }
  const lower = w === null ? (before ? '<s>' : '</s>') : x.lower
  const shape = w === null ? lower : x.shape
  const lowerId = c.lowers.get(lower) ?? -1
  const shapeId = c.shapes.get(shape) ?? -1
  const at = (m: Map<number, Int32Array>, id: number): Int32Array => (id < 0 ? NONE : (m.get(id) ?? NONE))
  const grams = GRAMS.map((g, k) => c.grams[k]!.get(g.shape ? shapeId : lowerId) as GramTree | undefined)
  return { vec, shape, lowerId, shapeId, grams, t1w: at(c.t1w, lowerId), t1s: at(c.t1s, shapeId), t1n: at(c.t1n, lowerId) }
}

function lexOf(c: Compiled, w: string): Lex {
  let x = c.lex.get(w)
  if (x) return x
  if (c.lex.size >= LEX_LIMIT) c.lex.clear()
  c.lex.set(w, (x = makeLex(c, w)))
  return x
}

/**
 * Feature string → id, for both passes. `wordFeatures`' features are kept by template, then value (so
 * the tagger finds them without building their strings); the others by string.
 */
class FeatureIds {
  readonly other = new Map<string, number>()
  readonly byTemplate = new Map([...WORD_TEMPLATES].map((t) => [t, new Map<string, number>()]))
  size = 0

  /** The id of feature `f`: with `add` a new one when it has none, else -1. */
  id(f: string, add = false): number {
    const eq = f.indexOf('=')
    const words = this.byTemplate.get(eq < 0 ? f : f.slice(0, eq + 1))
    const map = words ?? this.other
    const key = !words ? f : eq < 0 ? '' : f.slice(eq + 1)
    let id = map.get(key)
    if (id === undefined) {
      if (!add) return -1
      map.set(key, (id = this.size++))
    }
    return id
  }
}

/** The rest of `Compiled`, from the weights: the tables by id and index (see there). */
function finishCompiled(features: FeatureIds, base: Pick<Compiled, 'at' | 'tag' | 'value'>, model: EntityModel): Compiled {
  const index = features.other
  const lowers = new Map<string, number>()
  const shapes = new Map<string, number>()
  const idOf = (table: Map<string, number>, s: string): number => {
    let id = table.get(s)
    if (id === undefined) table.set(s, (id = table.size))
    return id
  }
  const grams = GRAMS.map((): GramTree => new Map())
  const hist = { 't1w=': new Map<number, Int32Array>(), 't1s=': new Map<number, Int32Array>(), 't1n=': new Map<number, Int32Array>() }
  for (const [f, r] of index) {
    const h = f.slice(0, 4)
    if (h === 't1w=' || h === 't1s=' || h === 't1n=') {
      const bar = f.indexOf('|', 4)
      const p1 = bar < 0 ? undefined : TAG_INDEX.get(f.slice(4, bar))
      if (p1 === undefined) continue
      const id = idOf(h === 't1s=' ? shapes : lowers, f.slice(bar + 1))
      const table = hist[h]
      let rows = table.get(id)
      if (!rows) table.set(id, (rows = new Int32Array(NTAGS + 1).fill(-1)))
      rows[p1] = r
      continue
    }
    for (let g = 0; g < GRAMS.length; g++) {
      const { name, shape, at } = GRAMS[g]!
      if (!f.startsWith(name)) continue
      for (const parts of splits(f.slice(name.length), at.length)) {
        let node = grams[g]!
        parts.forEach((part, k) => {
          const id = idOf(shape ? shapes : lowers, part)
          if (k === parts.length - 1) node.set(id, r)
          else {
            let next = node.get(id) as GramTree | undefined
            if (!next) node.set(id, (next = new Map()))
            node = next
          }
        })
      }
      break
    }
  }
  const row = (f: string): number => index.get(f) ?? -1
  const E = BIO.length
  const edge = (b: number, before: boolean): string => (b < E ? BIO[b]! : before ? '<s>' : '</s>')
  const q0 = Int32Array.from(BIO, (t) => row('q0=' + t))
  const qPrev = new Int32Array((E + 1) * (E + 1)).fill(-1)
  const qNext = new Int32Array((E + 1) * (E + 1)).fill(-1)
  for (let a = 0; a <= E; a++)
    for (let b = 0; b < E; b++) {
      qPrev[a * (E + 1) + b] = row('q-1=' + edge(a, true) + '|' + BIO[b]!)
      qNext[b * (E + 1) + a] = row('q+1=' + BIO[b]! + '|' + edge(a, false))
    }
  const c: Compiled = {
    ...base,
    index,
    clusters: model.clusters,
    byTemplate: features.byTemplate,
    lowers,
    shapes,
    grams,
    t1w: hist['t1w='],
    t1s: hist['t1s='],
    t1n: hist['t1n='],
    tagHistory: new Float64Array(0),
    marks: Int32Array.from({ length: MARK_TEMPLATES.length * MARKS.length }, (_, k) => row(MARK_TEMPLATES[Math.floor(k / MARKS.length)]! + MARKS[k % MARKS.length]!)),
    q0,
    qPrev,
    qNext,
    spans: gazetteerSpans(model.gazetteer),
    lex: new Map(),
    edges: undefined as unknown as [Lex, Lex],
  }
  c.edges = [makeLex(c, null, true), makeLex(c, null, false)]
  c.tagHistory = tagHistoryScores(c)
  return c
}

const compiledModels = new WeakMap<EntityModel, Compiled>()

/** The scores of the tag-only history features by (p2, p1) and pass (see `Compiled.tagHistory`). */
function tagHistoryScores(c: Compiled): Float64Array {
  const tagName = (t: number) => (t < NTAGS ? TAGS[t]! : '<s>')
  const out = new Float64Array((NTAGS + 1) * (NTAGS + 1) * 2 * NTAGS)
  for (let p2 = 0; p2 <= NTAGS; p2++)
    for (let p1 = 0; p1 <= NTAGS; p1++)
      for (const f of ['t1=' + tagName(p1), 't2=' + tagName(p2) + '|' + tagName(p1)]) {
        const r = c.index.get(f)
        if (r !== undefined) addBoth(c, out, (p2 * (NTAGS + 1) + p1) * 2 * NTAGS, r)
      }
  return out
}

/** The compiled form of a model built by the trainer (its `index` and `weights`, and its second pass's). */
function compile(model: EntityModel): Compiled {
  let c = compiledModels.get(model)
  if (c) return c
  const features = new FeatureIds()
  const passes = [model, model.second].filter((m) => m !== undefined)
  const ids = passes.map((m) => Int32Array.from(m.index.keys(), (f) => features.id(f, true)))
  const at = new Int32Array(features.size * 2 + 1)
  // (A trainer's weights may stop short of features added to its index later: those are 0.)
  const weight = (m: EntityModel, row: number, t: number): number => m.weights[row * NTAGS + t] ?? 0
  passes.forEach((m, p) => {
    let i = 0
    for (const row of m.index.values()) {
      let n = 0
      for (let t = 0; t < NTAGS; t++) if (weight(m, row, t)) n++
      at[ids[p]![i++]! * 2 + p + 1] = n
    }
  })
  for (let k = 1; k < at.length; k++) at[k]! += at[k - 1]!
  const tag = new Uint8Array(at[at.length - 1]!)
  const value = new Float32Array(tag.length)
  passes.forEach((m, p) => {
    let i = 0
    for (const row of m.index.values()) {
      let j = at[ids[p]![i++]! * 2 + p]!
      for (let t = 0; t < NTAGS; t++) {
        const v = weight(m, row, t)
        if (v) {
          tag[j] = t
          value[j++] = v
        }
      }
    }
  })
  c = finishCompiled(features, { at, tag, value }, model)
  compiledModels.set(model, c)
  return c
}

/** A sentence's static scores: `scores[(i * 2 + pass) * NTAGS + tag]` for token i; its words' `Lex`. */
interface SentenceScores {
  scores: Float64Array
  lex: Lex[]
}

/**
 * The scores of every token's static (history-independent) features for both passes, as
 * `sentenceFeatures` would give them, without building those strings: each word's features by role
 * from its `Lex`, the n-grams by id, the marks by index; only the rarer context features are strings.
 */
function sentenceScores(c: Compiled, model: EntityModel, words: readonly string[], doc: DocContext): SentenceScores {
  const n = words.length
  const W = 2 * NTAGS
  const lex = words.map((w) => lexOf(c, w))
  const [before, after] = c.edges
  const near = (j: number): Lex => (j < 0 ? before : j >= n ? after : lex[j]!)
  const view = sentenceView(words, model.gazetteer, c.spans)
  const scores = new Float64Array(n * W)
  const f: string[] = []
  let off = 0
  const addMark = (t: number, m: number): void => {
    const r = c.marks[t * MARKS.length + m]!
    if (r >= 0) addBoth(c, scores, off, r)
  }
  for (let i = 0; i < n; i++) {
    off = i * W
    for (const role of ROLES) {
      const v = near(i + ROLE_OFFSET[role]).vec
      const o = role * W
      for (let t = 0; t < W; t++) scores[off + t]! += v[o + t]!
    }
    for (let g = 0; g < GRAMS.length; g++) {
      const { shape, at } = GRAMS[g]!
      // The first part's level is kept on its word.
      let node: GramTree | number | undefined = near(i + at[0]!).grams[g]
      for (let k = 1; k < at.length && node !== undefined; k++) {
        const x = near(i + at[k]!)
        node = (node as GramTree).get(shape ? x.shapeId : x.lowerId)
      }
      if (typeof node === 'number') addBoth(c, scores, off, node)
    }
    f.length = 0
    contextFeatures(words, i, lex[i]!.shape, near(i + 1).shape, view, doc, f)
    for (const x of f) {
      const r = c.index.get(x)
      if (r !== undefined) addBoth(c, scores, off, r)
    }
    markFeatures(view, i, addMark)
  }
  return { scores, lex }
}

/** The scores of the second pass's features of a sentence (`secondPassFeatures`), pass `pass`'s weights: `[i * NTAGS + tag]`. */
function secondPassScores(c: Compiled, pass: number, words: readonly string[], first: readonly string[], pred: DocPredictions): Float64Array {
  const n = words.length
  const E = BIO.length
  const out = new Float64Array(n * NTAGS)
  const b = first.map((t) => {
    const k = BIO_INDEX.get(t)
    if (k === undefined) throw new Error(`entity tagger: expected a BIO tag (${BIO.join(' ')}) from the first pass, received ${JSON.stringify(t)}`)
    return k
  })
  const f: string[] = []
  const add = (i: number, r: number): void => {
    if (r >= 0) addRow(c, out, i * NTAGS, r, pass)
  }
  for (let i = 0; i < n; i++) {
    add(i, c.q0[b[i]!]!)
    add(i, c.qPrev[(i > 0 ? b[i - 1]! : E) * (E + 1) + b[i]!]!)
    add(i, c.qNext[b[i]! * (E + 1) + (i + 1 < n ? b[i + 1]! : E)]!)
    if (isUpperStart(words[i]!)) {
      f.length = 0
      predictionFeatures(words[i]!, first[i]!, pred, f)
      for (const x of f) add(i, c.index.get(x) ?? -1)
    }
  }
  return out
}

/** The tags allowed after tag p (NTAGS: the sentence start), in order: `NEXT_TAGS[NEXT_FROM[p]]` to `NEXT_TAGS[NEXT_FROM[p + 1]]`. */
const NEXT_FROM = new Int32Array(NTAGS + 2)
const NEXT_TAGS = (() => {
  const out: number[] = []
  for (let p = 0; p <= NTAGS; p++) {
    NEXT_FROM[p] = out.length
    for (let t = 0; t < NTAGS; t++) if (ALLOWED[p * NTAGS + t]) out.push(t)
  }
  NEXT_FROM[NTAGS + 1] = out.length
  return Int32Array.from(out)
})()

/** The decoder's working arrays for a beam width, made once (the tagger is synchronous). */
interface DecodeBuffers {
  base: Float64Array
  scores: Float64Array
  hp1: Int32Array
  hp2: Int32Array
  hs: Float64Array
  np1: Int32Array
  np2: Int32Array
  ns: Float64Array
  cs: Float64Array
  ch: Int32Array
  ct: Int32Array
}
const decodeBufferSets = new Map<number, DecodeBuffers>()
function decodeBuffers(beam: number): DecodeBuffers {
  let b = decodeBufferSets.get(beam)
  if (!b) {
    const cands = beam * NTAGS
    b = {
      base: new Float64Array(NTAGS),
      scores: new Float64Array(NTAGS),
      hp1: new Int32Array(beam),
      hp2: new Int32Array(beam),
      hs: new Float64Array(beam),
      np1: new Int32Array(beam),
      np2: new Int32Array(beam),
      ns: new Float64Array(beam),
      cs: new Float64Array(cands),
      ch: new Int32Array(cands),
      ct: new Int32Array(cands),
    }
    decodeBufferSets.set(beam, b)
  }
  return b
}
let stepBuffers = { tag: new Int32Array(1024), back: new Int32Array(1024) }
function decodeSteps(size: number): { tag: Int32Array; back: Int32Array } {
  if (stepBuffers.tag.length < size) stepBuffers = { tag: new Int32Array(size * 2), back: new Int32Array(size * 2) }
  return stepBuffers
}

/**
 * Beam decoding with the compiled model: pass `pass`'s static scores of the sentence (`sentence`),
 * plus `extra` (the second pass's features) when given; BILOU tags.
 *
 * A greedy decoder that has opened an entity must go on with I- until it can afford an L-, which is
 * how "Greater Milwaukee Open Thursday as 20-year-old Tiger Woods" became one ORG; keeping the `beam`
 * best tag sequences (scored by the sum of the per-token scores, history features included) lets a
 * better-scoring path that closed the entity earlier win. Hypotheses that end in the same two tags are
 * merged (the features see no further back), and a sentence may not end inside an entity when another
 * hypothesis closes it. `beam` 1 is the greedy decoder.
 */
function decodeRows(c: Compiled, pass: number, sentence: SentenceScores, extra: Float64Array | undefined, beam: number, temperature = 1): string[] {
  const { scores: stat, lex } = sentence
  const after = c.edges[1]
  const inv = 1 / temperature
  const n = lex.length
  if (n === 0) return []
  const { base, scores, cs, ch, ct } = decodeBuffers(beam)
  // Hypotheses of the current step (last two tags, total log-probability) and, per step, each kept
  // hypothesis's tag and the index of the one it extends.
  let { hp1, hp2, hs, np1, np2, ns } = decodeBuffers(beam)
  hp1.fill(NTAGS)
  hp2.fill(NTAGS)
  hs.fill(0)
  let nh = 1
  const steps = decodeSteps(n * beam)
  const stepTag = steps.tag
  const stepBack = steps.back
  for (let i = 0; i < n; i++) {
    const o = (i * 2 + pass) * NTAGS
    for (let t = 0; t < NTAGS; t++) base[t] = stat[o + t]! + (extra ? extra[i * NTAGS + t]! : 0)
    const x = lex[i]!
    const next = i + 1 < n ? lex[i + 1]! : after
    let nc = 0
    for (let h = 0; h < nh; h++) {
      const p1 = hp1[h]!
      const p2 = hp2[h]!
      // The features of `historyFeatures`, from tables: the tag-only ones summed by (p2, p1).
      const hv = ((p2 * (NTAGS + 1) + p1) * 2 + pass) * NTAGS
      for (let t = 0; t < NTAGS; t++) scores[t] = base[t]! + c.tagHistory[hv + t]!
      let r: number
      if ((r = x.t1w[p1]!) >= 0) addRow(c, scores, 0, r, pass)
      if ((r = x.t1s[p1]!) >= 0) addRow(c, scores, 0, r, pass)
      if ((r = next.t1n[p1]!) >= 0) addRow(c, scores, 0, r, pass)
      // Scores become log-probabilities (softmax over the allowed tags), so that paths through
      // different histories compare: the perceptron was trained on one history per token, not on paths.
      const from = NEXT_FROM[p1]!
      const to = NEXT_FROM[p1 + 1]!
      let max = -Infinity
      for (let k = from; k < to; k++) if (scores[NEXT_TAGS[k]!]! > max) max = scores[NEXT_TAGS[k]!]!
      let lz = 0
      if (beam > 1) {
        let z = 0
        for (let k = from; k < to; k++) z += Math.exp((scores[NEXT_TAGS[k]!]! - max) * inv)
        lz = Math.log(z)
      }
      for (let k = from; k < to; k++) {
        const t = NEXT_TAGS[k]!
        cs[nc] = hs[h]! + (scores[t]! - max) * inv - lz
        ch[nc] = h
        ct[nc++] = t
      }
    }
    // Keep the `beam` best candidates with distinct (tag, previous tag) states.
    let kept = 0
    while (kept < beam) {
      let best = -1
      for (let k = 0; k < nc; k++) if (ch[k]! >= 0 && (best < 0 || cs[k]! > cs[best]!)) best = k
      if (best < 0) break
      const t = ct[best]!
      const prev = hp1[ch[best]!]!
      let dup = false
      for (let k = 0; k < kept; k++) if (np1[k] === t && np2[k] === prev) dup = true
      if (!dup) {
        np1[kept] = t
        np2[kept] = prev
        ns[kept] = cs[best]!
        stepTag[i * beam + kept] = t
        stepBack[i * beam + kept] = ch[best]!
        kept++
      }
      ch[best] = -1
    }
    const t1 = hp1
    hp1 = np1
    np1 = t1
    const t2 = hp2
    hp2 = np2
    np2 = t2
    const ts = hs
    hs = ns
    ns = ts
    nh = kept
  }
  // The best hypothesis that does not leave an entity open (they are in order of score), else the best.
  let h = 0
  for (let k = 0; k < nh; k++) {
    const p = TAGS[hp1[k]!]![0]
    if (p !== 'B' && p !== 'I') {
      h = k
      break
    }
  }
  const out: string[] = new Array<string>(n)
  for (let i = n - 1; i >= 0; i--) {
    out[i] = TAGS[stepTag[i * beam + h]!]!
    h = stepBack[i * beam + h]!
  }
  return out
}

/** Static scores of every sentence of one document (they share document-level features). */
function documentScores(c: Compiled, model: EntityModel, sentences: readonly (readonly string[])[]): SentenceScores[] {
  const doc = docContext(sentences)
  return sentences.map((words) => sentenceScores(c, model, words, doc))
}

/**
 * The scores of each token's static features as the tagger computes them, per sentence
 * `[(i * 2 + pass) * NTAGS + tag]` (pass 1: the second pass's weights), and with `first` (the first
 * pass's BIO tags) the second pass's own features' scores `[i * NTAGS + tag]`. For tests, which hold
 * them to the sums of `sentenceFeatures`' weights.
 */
export function staticScores(sentences: readonly (readonly string[])[], model: EntityModel, first?: readonly (readonly string[])[]): { scores: Float64Array; second?: Float64Array }[] {
  const c = compile(model)
  const pred = first ? docPredictions(sentences, first) : undefined
  return documentScores(c, model, sentences).map((s, k) => ({ scores: s.scores, ...(first ? { second: secondPassScores(c, 1, sentences[k]!, first[k]!, pred!) } : {}) }))
}

/**
 * Tags the sentences of one document with the weights of `model` alone (not its second pass); with
 * `first`, the first pass's BIO tags of the same sentences, `model` is taken as a second-pass model.
 * The trainer uses this to score one pass; `tagDocument` runs both.
 */
export function tagPass(sentences: readonly (readonly string[])[], model: EntityModel, first?: readonly (readonly string[])[], beam: number = model.beam ?? 1): string[][] {
  const c = compile(model) // pass 0 of the compiled model is `model`'s own weights
  const scores = documentScores(c, model, sentences)
  const pred = first ? docPredictions(sentences, first) : undefined
  return sentences.map((words, s) => toBio(decodeRows(c, 0, scores[s]!, first ? secondPassScores(c, 0, words, first[s]!, pred!) : undefined, beam, model.temperature)))
}

/** Tags the sentences of one document (they share document-level features). */
export function tagDocument(sentences: readonly (readonly string[])[], model: EntityModel = loadEntityModel()): string[][] {
  const c = compile(model)
  const scores = documentScores(c, model, sentences)
  const beam = model.beam ?? 1
  const first = sentences.map((_, s) => toBio(decodeRows(c, 0, scores[s]!, undefined, beam, model.temperature)))
  if (!model.second) return first
  const pred = docPredictions(sentences, first)
  const temp2 = model.second.temperature
  return sentences.map((words, s) => toBio(decodeRows(c, 1, scores[s]!, secondPassScores(c, 1, words, first[s]!, pred), beam, temp2)))
}

/** Tags one sentence given as words (the dataset's or our tokenizer's tokens); BIO tags. */
export function tagTokens(words: string[], model: EntityModel = loadEntityModel()): string[] {
  return tagDocument([words], model)[0]!
}
