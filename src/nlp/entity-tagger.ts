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

/**
 * Per token, the gazetteer feature strings: `B-LOC`, `I-PER`, … of every match covering it. In an
 * all-caps sentence (a headline: "RUSSIA SAYS LAVROV WILL VISIT NEW YORK") a string not in the
 * gazetteer as written is looked up in title case ("New York") as well.
 */
function gazetteerMarks(words: readonly string[], gaz: Gazetteer, caps = false): string[][] {
  const marks: string[][] = words.map(() => [])
  const titled = caps ? words.map((w) => (isAllCaps(w) ? titleCase(w) : w)) : undefined
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!.charCodeAt(0)
    // Entries start with an upper-case letter or a digit.
    if (!((first >= 65 && first <= 90) || (first >= 48 && first <= 57) || first > 127)) continue
    let key = ''
    let tkey = ''
    for (let n = 1; n <= GAZ_MAX && i + n <= words.length; n++) {
      key = n === 1 ? words[i]! : key + ' ' + words[i + n - 1]!
      let bits = gaz.get(key)
      if (titled) {
        tkey = n === 1 ? titled[i]! : tkey + ' ' + titled[i + n - 1]!
        if (bits === undefined && tkey !== key) bits = gaz.get(tkey)
      }
      if (bits === undefined) continue
      if (bits & 16) marks[i]!.push('NAME')
      if (bits & 64 && n === 1) marks[i]!.push('SURNAME')
      if (bits & 32) {
        marks[i]!.push('B-CITY' + (n === 1 ? '1' : ''))
        for (let k = 1; k < n; k++) marks[i + k]!.push('I-CITY')
      }
      for (const t of ENTITY_TYPES) {
        if (!(bits & TYPE_BIT[t]!)) continue
        marks[i]!.push('B-' + t + (n === 1 ? '1' : ''))
        for (let k = 1; k < n; k++) marks[i + k]!.push('I-' + t)
      }
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

/** The static (history-independent) features of every token of one sentence. */
/**
 * Where `emitFeatures` puts one token's features. `word(segment, w, make)` stands for the features
 * `make()` that depend on the word `w` alone (two segments per token, in their place in the order),
 * so that a sink may keep their rows by word; `add` takes each contextual feature.
 */
interface FeatureSink {
  start(): void
  word(segment: 0 | 1, w: string, make: () => string[]): void
  add(f: string): void
  /** The feature `template + value`, where `value` is a word or mark (so a sink may look it up by template, then value). */
  pair(template: PairTemplate, value: string): void
  end(): void
}

/**
 * Features of each token of a sentence: the word and its neighbours, shapes, affixes, clusters,
 * gazetteer marks, document-level casing evidence (with `pred`, the second pass's too). The
 * trainer and the tagger share it, through `emitFeatures`, in one order.
 */
export function sentenceFeatures(
  words: readonly string[],
  gaz: Gazetteer,
  doc: DocContext,
  pred?: { doc: DocPredictions; tags: readonly string[] },
  clusters?: WordClusters,
): string[][] {
  const out: string[][] = []
  let f: string[] = []
  emitFeatures(words, gaz, doc, clusters, {
    start: () => (f = []),
    word: (_segment, _w, make) => void f.push(...make()),
    add: (x) => void f.push(x),
    pair: (t, v) => void f.push(t + v),
    end: () => void out.push(f),
  })
  if (pred) secondPassFeatures(words, pred.tags, pred.doc).forEach((extra, i) => out[i]!.push(...extra))
  return out
}

/** The templates `emitFeatures` gives as (template, value) pairs. */
const PAIR_TEMPLATES = ['w-1=', 'w+1=', 'w-2=', 'w+2=', 'W-1=', 'W+1=', 'g=', 'g-1=', 'g+1='] as const
type PairTemplate = (typeof PAIR_TEMPLATES)[number]

function emitFeatures(words: readonly string[], gaz: Gazetteer, doc: DocContext, clusters: WordClusters | undefined, sink: FeatureSink): void {
  const n = words.length
  const cl = clusters ? words.map((w) => clusterOf(clusters, w)) : undefined
  const fineAt = (i: number): string => (i < 0 || i >= n ? '_' : String(cl![i]!))
  const midAt = (i: number): string => (i < 0 || i >= n || cl![i]! < 0 ? '_' : String(clusters!.mid[cl![i]!]!))
  const lower = words.map((w) => w.toLowerCase())
  const shapes = words.map(wordShape)
  const caps = isCapsSentence(words)
  const marks = gazetteerMarks(words, gaz, caps)
  // A sentence of a results table or a score line ("Leeds 2 Chelsea 1"), where places are teams.
  let digits = 0
  for (const w of words) if (/\d/.test(w)) digits++
  const table = n >= 3 && digits / n >= 0.25
  const lw = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!)
  const sh = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]!)
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    const l = lower[i]!
    const s = shapes[i]!
    const upper = isUpperStart(w)
    sink.start()
    sink.word(0, w, () => ['b', 'w=' + w, 'l=' + l, 's=' + s])
    sink.pair('w-1=', lw(i - 1))
    sink.pair('w+1=', lw(i + 1))
    sink.pair('w-2=', lw(i - 2))
    sink.pair('w+2=', lw(i + 2))
    sink.add('s-1=' + sh(i - 1) + '|' + s)
    sink.add('s+1=' + s + '|' + sh(i + 1))
    sink.add('s-1+1=' + sh(i - 1) + '|' + s + '|' + sh(i + 1))
    sink.add('b-1=' + lw(i - 1) + '|' + l)
    sink.add('b+1=' + l + '|' + lw(i + 1))
    sink.pair('W-1=', i > 0 ? words[i - 1]! : '<s>')
    sink.pair('W+1=', i + 1 < n ? words[i + 1]! : '</s>')
    sink.add('s-2=' + sh(i - 2) + '|' + sh(i - 1))
    sink.add('s+2=' + sh(i + 1) + '|' + sh(i + 2))
    sink.add('x3-1=' + lw(i - 1).slice(-3))
    sink.add('x3+1=' + lw(i + 1).slice(-3))
    sink.word(1, w, () => {
      const f: string[] = []
      const len = l.length
      for (let k = 1; k <= 4 && k <= len; k++) {
        f.push('p' + k + '=' + w.slice(0, k))
        f.push('x' + k + '=' + l.slice(len - k))
      }
      if (len > 12) f.push('long')
      if (cl) {
        const c = cl[i]!
        if (c >= 0) {
          const m = clusters!.mid[c]!
          // With the case: a rare capitalised word can land in a class of common nouns.
          const k = upper ? 'U' : 'l'
          f.push('c=' + c + k, 'cm=' + m + k, 'cc=' + clusters!.coarse[m]! + k, 'cs=' + m + '|' + s)
        } else f.push('c=?')
      }
      return f
    })
    if (cl) for (const x of ['c-1=' + fineAt(i - 1), 'c+1=' + fineAt(i + 1), 'cm-1=' + midAt(i - 1), 'cm+1=' + midAt(i + 1), 'cm-2=' + midAt(i - 2), 'cm+2=' + midAt(i + 2)]) sink.add(x)
    if (caps) sink.add('cs|' + s)
    if (upper) {
      sink.add(i === 0 ? 'first-up' : 'mid-up')
      if (i > 0 && (/^["'“‘(]$/.test(words[i - 1]!) || words[i - 1] === ':')) sink.add('after-open-up')
      // Document-level evidence for a capital that may only be positional.
      if (i === 0 || caps) {
        const form = caps && isAllCaps(w) ? titleCase(w) : w
        if (doc.midCap.has(form) || doc.midCap.has(w)) sink.add('doc-midcap')
        if (doc.lower.has(l)) sink.add('doc-lower')
        if (caps) sink.add('caps-l=' + l)
      }
    }
    if (table) {
      sink.add('ns|' + s)
      sink.add('ns|' + s + '|' + sh(i + 1))
    }
    for (const m of marks[i]!) sink.pair('g=', m)
    if (table) for (const m of marks[i]!) sink.add('ns|g=' + m)
    if (i > 0) for (const m of marks[i - 1]!) sink.pair('g-1=', m)
    if (i + 1 < n) for (const m of marks[i + 1]!) sink.pair('g+1=', m)
    sink.end()
  }
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
  const index = new Map<string, number>()
  const ids = rows.map((r, p) =>
    Int32Array.from(r.features, (f, i) => {
      if (p === 0) {
        index.set(f, i)
        return i
      }
      let id = index.get(f)
      if (id === undefined) index.set(f, (id = index.size))
      return id
    }),
  )
  // Entries of (row, pass) slots in order: count, prefix sums, then fill.
  const at = new Int32Array(index.size * 2 + 1)
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
  compiledModels.set(model, { index, at, tag, value, ...historyTables(index), hist: [new Map(), new Map(), new Map()], words: [new Map(), new Map()], pairs: PAIR_TEMPLATES.map(() => new Map()) })
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
  const file = JSON.parse(gunzipSync(readFileSync(path ?? DEFAULT_MODEL_URL)).toString('utf8')) as ModelFile
  const model = loadModel(file)
  if (!path) cached = model
  return model
}

/**
 * Both passes' weights under one feature index (each feature string is looked up once per token),
 * stored sparsely: most features have weights for only a few tags.
 */
interface Compiled {
  index: Map<string, number>
  /** Pass p's entries of row r are `at[(r * 2 + p)]` to `at[(r * 2 + p) + 1]` in `tag` and `value`. */
  at: Int32Array
  tag: Uint8Array
  value: Float32Array
  /**
   * The rows of the history features that depend on tags alone (`t1=`, `t2=`), by tag index
   * (NTAGS standing for the sentence start): `t1[p1]`, `t2[p2 * (NTAGS + 1) + p1]`; -1 when absent.
   */
  t1: Int32Array
  t2: Int32Array
  /**
   * The rows of the word-dependent history features (`t1w=`, `t1s=`, `t1n=`), by word (or shape)
   * then previous tag, filled as met (-2: not looked up yet; -1: absent). Bounded: emptied when large.
   */
  hist: [Map<string, Int32Array>, Map<string, Int32Array>, Map<string, Int32Array>]
  /** The rows of each word's own features (`emitFeatures`' two word segments), by word; bounded. */
  words: [Map<string, Int32Array>, Map<string, Int32Array>]
  /** The rows of `PAIR_TEMPLATES[k] + value`, by value (-1: absent); bounded. */
  pairs: Map<string, number>[]
}

const HISTORY_TEMPLATES = ['t1w=', 't1s=', 't1n='] as const
const HISTORY_CACHE_WORDS = 200_000

/** The row of history feature `HISTORY_TEMPLATES[k] + prev1 + '|' + value` (-1 when the model has none). */
function historyRow(c: Compiled, k: 0 | 1 | 2, p1: number, value: string): number {
  const cache = c.hist[k]
  let rows = cache.get(value)
  if (!rows) {
    if (cache.size >= HISTORY_CACHE_WORDS) cache.clear()
    rows = new Int32Array(NTAGS + 1).fill(-2)
    cache.set(value, rows)
  }
  let r = rows[p1]!
  if (r === -2) r = rows[p1] = c.index.get(HISTORY_TEMPLATES[k] + (p1 < NTAGS ? TAGS[p1]! : '<s>') + '|' + value) ?? -1
  return r
}

const compiledModels = new WeakMap<EntityModel, Compiled>()

/** The rows of the tag-only history features (see `Compiled.t1`, `t2`). */
function historyTables(index: Map<string, number>): { t1: Int32Array; t2: Int32Array } {
  const tagName = (t: number) => (t < NTAGS ? TAGS[t]! : '<s>')
  const t1 = new Int32Array(NTAGS + 1).fill(-1)
  const t2 = new Int32Array((NTAGS + 1) * (NTAGS + 1)).fill(-1)
  for (let p1 = 0; p1 <= NTAGS; p1++) {
    t1[p1] = index.get('t1=' + tagName(p1)) ?? -1
    for (let p2 = 0; p2 <= NTAGS; p2++) t2[p2 * (NTAGS + 1) + p1] = index.get('t2=' + tagName(p2) + '|' + tagName(p1)) ?? -1
  }
  return { t1, t2 }
}

function compile(model: EntityModel): Compiled {
  let c = compiledModels.get(model)
  if (c) return c
  const index = new Map<string, number>()
  const passes = [model, model.second]
  for (const m of passes) if (m) for (const f of m.index.keys()) if (!index.has(f)) index.set(f, index.size)
  const at = new Int32Array(index.size * 2 + 1)
  const tags: number[] = []
  const values: number[] = []
  for (const [f, r] of index) {
    for (let p = 0; p < 2; p++) {
      at[r * 2 + p] = values.length
      const m = passes[p]
      const row = m?.index.get(f)
      if (!m || row === undefined) continue
      for (let t = 0; t < NTAGS; t++) {
        // (A trainer's weights may stop short of features added to its index later: those are 0.)
        const v = m.weights[row * NTAGS + t]
        if (v) {
          tags.push(t)
          values.push(v)
        }
      }
    }
  }
  at[index.size * 2] = values.length
  c = { index, at, tag: Uint8Array.from(tags), value: Float32Array.from(values), ...historyTables(index), hist: [new Map(), new Map(), new Map()], words: [new Map(), new Map()], pairs: PAIR_TEMPLATES.map(() => new Map()) }
  compiledModels.set(model, c)
  return c
}

/**
 * Beam decoding with the compiled model: `rows` are the static features' rows per token; BILOU tags.
 *
 * A greedy decoder that has opened an entity must go on with I- until it can afford an L-, which is
 * how "Greater Milwaukee Open Thursday as 20-year-old Tiger Woods" became one ORG; keeping the `beam`
 * best tag sequences (scored by the sum of the per-token scores, history features included) lets a
 * better-scoring path that closed the entity earlier win. Hypotheses that end in the same two tags are
 * merged (the features see no further back), and a sentence may not end inside an entity when another
 * hypothesis closes it. `beam` 1 is the greedy decoder.
 */
function decodeRows(
  c: Compiled,
  pass: number,
  words: readonly string[],
  rows: readonly Int32Array[],
  extra: readonly string[][] | undefined,
  beam: number,
  temperature = 1,
): string[] {
  const { index, at, tag, value } = c
  const inv = 1 / temperature
  const n = words.length
  if (n === 0) return []
  const base = new Float64Array(NTAGS)
  const scores = new Float64Array(NTAGS)
  const addRow = (into: Float64Array, r: number): void => {
    const k = r * 2 + pass
    for (let j = at[k]!, e = at[k + 1]!; j < e; j++) into[tag[j]!]! += value[j]!
  }
  // Hypotheses of the current step (last two tags, total log-probability) and, per step, each kept
  // hypothesis's tag and the index of the one it extends.
  let hp1 = new Int32Array(beam).fill(NTAGS)
  let hp2 = new Int32Array(beam).fill(NTAGS)
  let hs = new Float64Array(beam)
  let nh = 1
  let np1 = new Int32Array(beam)
  let np2 = new Int32Array(beam)
  let ns = new Float64Array(beam)
  const stepTag = new Int32Array(n * beam)
  const stepBack = new Int32Array(n * beam)
  const cands = beam * NTAGS
  const cs = new Float64Array(cands)
  const ch = new Int32Array(cands)
  const ct = new Int32Array(cands)
  let lowerNext = words[0]!.toLowerCase()
  for (let i = 0; i < n; i++) {
    base.fill(0)
    const lower = lowerNext
    lowerNext = i + 1 < n ? words[i + 1]!.toLowerCase() : '</s>'
    const rs = rows[i]!
    for (let k = 0; k < rs.length; k++) addRow(base, rs[k]!)
    const ex = extra?.[i]
    if (ex)
      for (const f of ex) {
        const r = index.get(f)
        if (r !== undefined) addRow(base, r)
      }
    const shape = wordShape(words[i]!)
    let nc = 0
    for (let h = 0; h < nh; h++) {
      const p1 = hp1[h]!
      const p2 = hp2[h]!
      scores.set(base)
      // The features of `historyFeatures`: the tag-only ones from tables, the rest looked up.
      const r1 = c.t1[p1]!
      if (r1 >= 0) addRow(scores, r1)
      const r2 = c.t2[p2 * (NTAGS + 1) + p1]!
      if (r2 >= 0) addRow(scores, r2)
      const rw = historyRow(c, 0, p1, lower)
      if (rw >= 0) addRow(scores, rw)
      const rsh = historyRow(c, 1, p1, shape)
      if (rsh >= 0) addRow(scores, rsh)
      const rn = historyRow(c, 2, p1, lowerNext)
      if (rn >= 0) addRow(scores, rn)
      // Scores become log-probabilities (softmax over the allowed tags), so that paths through
      // different histories compare: the perceptron was trained on one history per token, not on paths.
      let max = -Infinity
      for (let t = 0; t < NTAGS; t++) if (ALLOWED[p1 * NTAGS + t] && scores[t]! > max) max = scores[t]!
      let lz = 0
      if (beam > 1) {
        let z = 0
        for (let t = 0; t < NTAGS; t++) if (ALLOWED[p1 * NTAGS + t]) z += Math.exp((scores[t]! - max) * inv)
        lz = Math.log(z)
      }
      for (let t = 0; t < NTAGS; t++) {
        if (!ALLOWED[p1 * NTAGS + t]) continue
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
    ;[hp1, np1] = [np1, hp1]
    ;[hp2, np2] = [np2, hp2]
    ;[hs, ns] = [ns, hs]
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

/** Static feature rows of every token of the sentences of one document, in the compiled index. */
function documentRows(c: Compiled, model: EntityModel, sentences: readonly (readonly string[])[]): Int32Array[][] {
  const doc = docContext(sentences)
  let buf = new Int32Array(256)
  let k = 0
  const push = (r: number | undefined) => {
    if (r === undefined) return
    if (k === buf.length) {
      const bigger = new Int32Array(buf.length * 2)
      bigger.set(buf)
      buf = bigger
    }
    buf[k++] = r
  }
  const rows = (fs: readonly string[]) => {
    const out: number[] = []
    for (const f of fs) {
      const r = c.index.get(f)
      if (r !== undefined) out.push(r)
    }
    return Int32Array.from(out)
  }
  return sentences.map((words) => {
    const out: Int32Array[] = []
    emitFeatures(words, model.gazetteer, doc, model.clusters, {
      start: () => (k = 0),
      word: (segment, w, make) => {
        // The rows of a word's own features, kept by word (bounded like the history rows).
        const cache = c.words[segment]
        let r = cache.get(w)
        if (!r) {
          if (cache.size >= HISTORY_CACHE_WORDS) cache.clear()
          cache.set(w, (r = rows(make())))
        }
        for (let j = 0; j < r.length; j++) push(r[j])
      },
      add: (f) => push(c.index.get(f)),
      pair: (t, v) => {
        // By template, then by the word or mark itself (a string met before, its hash kept): no new string.
        const cache = c.pairs[PAIR_TEMPLATES.indexOf(t)]!
        let r = cache.get(v)
        if (r === undefined) {
          if (cache.size >= HISTORY_CACHE_WORDS) cache.clear()
          cache.set(v, (r = c.index.get(t + v) ?? -1))
        }
        if (r >= 0) push(r)
      },
      end: () => void out.push(buf.slice(0, k)),
    })
    return out
  })
}

/**
 * Tags the sentences of one document with the weights of `model` alone (not its second pass); with
 * `first`, the first pass's BIO tags of the same sentences, `model` is taken as a second-pass model.
 * The trainer uses this to score one pass; `tagDocument` runs both.
 */
export function tagPass(sentences: readonly (readonly string[])[], model: EntityModel, first?: readonly (readonly string[])[], beam: number = model.beam ?? 1): string[][] {
  const c = compile(model) // pass 0 of the compiled model is `model`'s own weights
  const rows = documentRows(c, model, sentences)
  if (!first) return sentences.map((words, s) => toBio(decodeRows(c, 0, words, rows[s]!, undefined, beam, model.temperature)))
  const pred = docPredictions(sentences, first)
  return sentences.map((words, s) => toBio(decodeRows(c, 0, words, rows[s]!, secondPassFeatures(words, first[s]!, pred), beam, model.temperature)))
}

/** Tags the sentences of one document (they share document-level features). */
export function tagDocument(sentences: readonly (readonly string[])[], model: EntityModel = loadEntityModel()): string[][] {
  const c = compile(model)
  const rows = documentRows(c, model, sentences)
  const beam = model.beam ?? 1
  const first = sentences.map((words, s) => toBio(decodeRows(c, 0, words, rows[s]!, undefined, beam, model.temperature)))
  if (!model.second) return first
  const pred = docPredictions(sentences, first)
  const temp2 = model.second.temperature
  return sentences.map((words, s) => toBio(decodeRows(c, 1, words, rows[s]!, secondPassFeatures(words, first[s]!, pred), beam, temp2)))
}

/** Tags one sentence given as words (the dataset's or our tokenizer's tokens); BIO tags. */
export function tagTokens(words: string[], model: EntityModel = loadEntityModel()): string[] {
  return tagDocument([words], model)[0]!
}
