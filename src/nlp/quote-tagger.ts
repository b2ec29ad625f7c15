/**
 * The quote tagger: a structured averaged perceptron that labels every token of an article in three
 * BIO layers at once, CUE, SOURCE and CONTENT, decoded left to right with a small beam over their joint
 * tag (`Beam`), trained on PolNeAR by `scripts/train-quotes.ts` and shipped as `models/quotes.json.gz`.
 * The layers may overlap (a quote inside a quote).
 *
 * Features are local (word, lower form, shape, suffix, ±2 context words), cue-verb look-ups
 * (`./data/cue-verbs.ts`: the class of the word, the nearest cue in the sentence on either side with
 * its distance, and the commas and "that" between it and the token),
 * quotation-mark state (`./quote-marks.ts`), sentence and paragraph position, the entity type of the
 * token (from `doc.entities`), part-of-speech tags and the lemma of the nearest verb on either side
 * (`./pos.ts`), word classes cut from pretrained GloVe vectors, carried by the model (`QuoteModel.clusters`:
 * the token's, its neighbours', the nearest verbs'; "insisted", "denied" and "argued" share a class),
 * the probabilities of small neural taggers the model carries (`QuoteModel.nn`, `./quote-nn.ts`: a
 * bidirectional LSTM over GloVe vectors, trained out of fold so that the perceptron learns how far to
 * trust it; two of them, trained from different seeds, averaged),
 * the labels the rule-based attributions give the token (stacking: the
 * tagger learns where the rules are right), and the previous tags of all three layers. A second pass
 * reads the same features plus the first pass's tags over the whole article (`stackFeatures`).
 * Features are hashed into a fixed table of weight rows, so that they are computed without strings.
 *
 * `assembleAttributions` turns the tagged spans into attributions: each content span is linked to the
 * nearest cue (adjacent first, then in the same sentence), and each cue to the nearest source.
 */
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { Entity, Span, Token } from '../core/types.js'
import { cueByForm, cueNouns } from './data/cue-verbs.js'
import { formatClusters, parseClusters, type WordClusters } from './entity-features.js'
import { posTags, type PosTags } from './pos.js'
import { decodeQuoteNN, runQuoteNNs, type QuoteNN, type QuoteNNFile } from './quote-nn.js'
import type { QuotedSpan } from './quote-marks.js'

/** Layers, in the order of the weight rows: `weights[f * 9 + layer * 3 + tag]`, tag 0 = O, 1 = B, 2 = I. */
export const LAYERS = ['cue', 'source', 'content'] as const
export type Layer = (typeof LAYERS)[number]
export const NOUT = 9

/** What the tagger reads of a document: tokens, sentences, paragraphs, entities, quotation marks, rule labels. */
export interface TaggerInput {
  text: string
  tokens: readonly Token[]
  sentences: readonly Span[]
  paragraphs: readonly Span[]
  entities: readonly Entity[]
  quoted: readonly QuotedSpan[]
  /** Per layer, the BIO labels (0 O, 1 B, 2 I) the rules give each token. */
  rules: readonly [Uint8Array, Uint8Array, Uint8Array]
  /** Per token, the kind of the rule quote whose content holds it (0 none, 1 direct, 2 mixed, 3 indirect). */
  ruleKind: Uint8Array
  /** Part-of-speech tags of the tokens, when the caller has them (else the tagger computes them). */
  pos?: PosTags
}

/**
 * Weights are hashed: a feature (template, values) picks one of `2^BITS` rows of NOUT weights, so that
 * features are computed with integer arithmetic and no strings (collisions are rare and harmless; 2^20
 * rows scored half a point of quote F1 above 2^18 on the validation part; 2^21 rows raised validation
 * joint F1 by 0.3 over two seeds, but the model trained on all of the training part scored the same joint
 * F1 on the held-out part, 66.5, with anonymous recall 1.1 lower, at twice the memory: not taken).
 */
export const BITS = 20
const MASK = (1 << BITS) - 1

export interface QuoteModel {
  /** `weights[row * NOUT + layer * 3 + tag]`. */
  weights: Float32Array
  /** The second (stacked) pass, when the model has one. */
  second?: Float32Array
  /** Word classes of pretrained GloVe vectors (`src/nlp/data/glove-clusters.tsv.gz`), when the model reads them. */
  clusters?: WordClusters
  /** The neural taggers whose averaged probabilities the perceptron reads (`./quote-nn.ts`), when the model has them. */
  nn?: readonly QuoteNN[]
}

/** Both passes: the first pass's tags feed the second. */
export function tagDocument(model: QuoteModel, inp: TaggerInput, bias: TagBias = {}): Tagging {
  const f = staticFeatures(inp, model.clusters, model.nn)
  // The bias applies to the final pass only: the second pass was trained on unbiased first-pass tags.
  if (!model.second) return tagTokens(model.weights, f, bias)
  const first = tagTokens(model.weights, f)
  return tagTokens(model.second, stackFeatures(inp, f, first), bias)
}

/**
 * Decoding biases against the O tag of each layer (in the units of the weights, like `MIN_MARGIN`): a
 * positive value makes the tagger mark more tokens of that layer, trading precision for recall. The
 * perceptron is trained for accuracy per token, which under-marks cues and sources of attributions it
 * half-recognises; a content whose cue went unmarked is dropped, and one whose source went unmarked gets
 * the sentence subject instead. On the validation part cue and source biases of 20 raised recall and
 * joint F1; a content bias added quotes but more with wrong speakers (joint F1 fell), so it stays 0.
 */
export interface TagBias {
  content?: number
  cue?: number
  source?: number
}
/** The default decoding biases (see `TagBias`), tuned with `scripts/eval/quotes.ts --valid`. */
export const TAG_BIAS: Readonly<Required<TagBias>> = { content: 0, cue: 20, source: 20 }

const MARK_RE = /^["“”‘’'«»„]$/
const WORD_RE = /[\p{L}\p{N}]/u

export function wordShape(w: string): string {
  let s = ''
  for (const ch of w.length > 8 ? w.slice(0, 4) + w.slice(-4) : w) {
    const k = ch.charCodeAt(0)
    const c =
      k >= 65 && k <= 90 ? 'X' : k >= 97 && k <= 122 ? 'x' : k >= 48 && k <= 57 ? 'd' : k < 128 ? ch : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch
    if (s[s.length - 1] !== c) s += c
  }
  return s
}

/** What the features need of a word form, computed once per distinct form. */
interface WordInfo {
  low: string
  lowH: number
  shapeH: number
  sufH: number
  cls: number
  mark: number
  word: number
}
const wordCache = new Map<string, WordInfo>()
function wordInfo(t: string): WordInfo {
  let w = wordCache.get(t)
  if (w) return w
  const low = t.toLowerCase()
  w = { low, lowH: strHash(low), shapeH: strHash(wordShape(t)), sufH: strHash(low.slice(-3)), cls: cueClass(low), mark: MARK_RE.test(t) ? 1 : 0, word: WORD_RE.test(t) ? 1 : 0 }
  if (wordCache.size > 200_000) wordCache.clear()
  wordCache.set(t, w)
  return w
}

/** FNV-1a hash of a string. */
function strHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b ^ (b >>> 16), 0x85ebca6b), 0xc2b2ae35)
  h ^= h >>> 13
  h = Math.imul(h, 0x27d4eb2d)
  return (h ^ (h >>> 15)) >>> 0
}
/** The weight row of feature template `t` with values `x` and `y`. */
const row = (t: number, x: number, y = 0): number => mix(mix(t * 0x9e3779b1 + 1, x), y) & MASK

const CLASSES = ['', 'speech', 'report', 'deny', 'accuse', 'claim', 'belief', 'stance']
function cueClass(low: string): number {
  const list = cueByForm.get(low)
  if (list) return CLASSES.indexOf(list[0]!.class)
  // Cue nouns ("criticism", "belief") mark an attribution too.
  const noun = cueNouns.get(low)
  return noun ? CLASSES.indexOf(noun) : 0
}

/** Penn Treebank tags (and wink's punctuation tags) as the neural tagger numbers them, from 1; 0 is any other. */
const PENN = ['CC', 'CD', 'DT', 'EX', 'FW', 'IN', 'JJ', 'JJR', 'JJS', 'LS', 'MD', 'NN', 'NNS', 'NNP', 'NNPS', 'PDT', 'POS', 'PRP', 'PRP$', 'RB', 'RBR', 'RBS', 'RP', 'SYM', 'TO', 'UH', 'VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ', 'WDT', 'WP', 'WP$', 'WRB', '.', ',', ':', '``', "''", '(', ')', '#', '$', 'HYPH', 'NFP']
const PENN_INDEX = new Map(PENN.map((t, i) => [t, i + 1]))
/** The word's shape as the neural tagger reads it: 1 lower/other, 2 capitalised, 3 all capitals, 4 with a digit, 5 punctuation. */
function shapeCode(t: string): number {
  if (/^\p{Lu}[\p{Lu}.]+$/u.test(t)) return 3
  if (/^\p{Lu}/u.test(t)) return 2
  if (/\p{N}/u.test(t)) return 4
  if (!WORD_RE.test(t)) return 5
  return 1
}

const bucket = (d: number) => (d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6)
const ENT: Record<string, number> = { PERSON: 1, ORG: 2, LOC: 3, MISC: 4 }
const BOS = 0x5bd1e995
const EOS = 0x1b873593

/**
 * Number of static features per token (rows in `TokenFeatures.rows`). Template ids: static 0–39 and
 * 45–47, history 40–44 (`historyRows`), stacked 50–59 (`stackFeatures`), GloVe word classes 60–65,
 * neural tagger 70–78.
 */
export const NSTATIC = 42
/** Rows per token added by the GloVe word classes (templates 60–65), when the model has them. */
export const NGLOVE = 6
/** Rows per token added by the neural tagger's probabilities (templates 70–78), when the model has one. */
export const NNEURAL = 9

/** A probability's bucket: below .1, .3, .5, .7, .9, above. */
const pbin = (p: number) => (p < 0.1 ? 0 : p < 0.3 ? 1 : p < 0.5 ? 2 : p < 0.7 ? 3 : p < 0.9 ? 4 : 5)

/** Per token, the weight rows of its static features, and what the history features need. */
export interface TokenFeatures {
  n: number
  /** Rows per token: NSTATIC, or NSTATIC + NSTACK in the second pass. */
  width: number
  /** `rows[i * width + k]`. */
  rows: Int32Array
  lowH: Uint32Array
  /** Quotation state and rule labels of each token (small codes). */
  qcode: Uint8Array
  rcode: Uint8Array
  /** Per token, `NN_INPUTS` small codes the neural tagger reads (`nnCodes[i * NN_INPUTS + k]`, see `NN_INPUT_SIZES`). */
  nnCodes: Uint8Array
}

/**
 * The neural tagger's categorical inputs per token and how many values each takes: the rule labels of
 * the three layers, the rule quote's kind, the quotation code, the cue class, the word's shape, the
 * entity type, the part of speech, sentence start, paragraph start, before the sentence's first verb.
 */
export const NN_INPUT_SIZES = [3, 3, 3, 4, 32, 8, 6, 9, PENN.length + 1, 2, 2, 2] as const
export const NN_INPUTS = NN_INPUT_SIZES.length

/** The static features of every token (everything except the previous tags). */
export function staticFeatures(inp: TaggerInput, clusters?: WordClusters, nn?: readonly QuoteNN[]): TokenFeatures {
  const { tokens } = inp
  const n = tokens.length
  if (nn && !nn.length) nn = undefined
  const width = NSTATIC + (clusters ? NGLOVE : 0) + (nn ? NNEURAL : 0)
  const lowH = new Uint32Array(n)
  const shapeH = new Uint32Array(n)
  const sufH = new Uint32Array(n)
  const cls = new Uint8Array(n)
  const isMark = new Uint8Array(n)
  const isWord = new Uint8Array(n)
  // GloVe word classes, fine / mid / coarse (0 for words outside the table).
  const gF = new Int32Array(n)
  const gM = new Int32Array(n)
  const gC = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const w = wordInfo(tokens[i]!.text)
    const g = clusters?.fine.get(w.low)
    if (g !== undefined) {
      gF[i] = g + 1
      gM[i] = clusters!.mid[g]! + 1
      gC[i] = clusters!.coarse[clusters!.mid[g]!]! + 1
    }
    lowH[i] = w.lowH
    shapeH[i] = w.shapeH
    sufH[i] = w.sufH
    cls[i] = w.cls
    isMark[i] = w.mark
    isWord[i] = w.word
  }
  // Sentence and paragraph of each token.
  const sentOf = new Int32Array(n)
  const sentFirst = new Uint8Array(n)
  const paraFirst = new Uint8Array(n)
  {
    let s = 0
    let p = 0
    let lastS = -1
    let lastP = -1
    for (let i = 0; i < n; i++) {
      const st = tokens[i]!.start
      while (s < inp.sentences.length - 1 && inp.sentences[s]!.end <= st) s++
      while (p < inp.paragraphs.length - 1 && inp.paragraphs[p]!.end <= st) p++
      sentOf[i] = s
      if (s !== lastS) sentFirst[i] = 1
      if (p !== lastP) paraFirst[i] = 1
      lastS = s
      lastP = p
    }
  }
  // Nearest cue to the left and right within the sentence, sentence-level flags.
  const leftCue = new Int32Array(n).fill(-1)
  const rightCue = new Int32Array(n).fill(-1)
  const sentCue = new Uint8Array(inp.sentences.length + 1)
  const sentMarks = new Uint8Array(inp.sentences.length + 1)
  for (let i = 0; i < n; i++) {
    const s = sentOf[i]!
    if (cls[i] && !sentCue[s]) sentCue[s] = cls[i]!
    if (isMark[i]) sentMarks[s] = 1
    leftCue[i] = i > 0 && sentOf[i - 1] === s ? (cls[i - 1] ? i - 1 : leftCue[i - 1]!) : -1
  }
  for (let i = n - 1; i >= 0; i--) rightCue[i] = i + 1 < n && sentOf[i + 1] === sentOf[i] ? (cls[i + 1] ? i + 1 : rightCue[i + 1]!) : -1
  // Commas since the nearest cue on the left (0, 1, 2+), and whether a "that" follows that cue.
  const commaSince = new Uint8Array(n)
  const thatAfterCue = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const l = leftCue[i]!
    if (l < 0) continue
    commaSince[i] = l === i - 1 ? 0 : Math.min(2, commaSince[i - 1]! + (tokens[i - 1]!.text === ',' ? 1 : 0))
    thatAfterCue[i] = l + 1 < n && tokens[l + 1]!.text.toLowerCase() === 'that' ? 1 : 0
  }
  // Quotation depth of each token.
  const depth = new Uint8Array(n)
  for (const q of inp.quoted) {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < q.open) lo = mid + 1
      else hi = mid
    }
    for (let k = lo; k < n && tokens[k]!.start < q.close; k++) if (tokens[k]!.start >= q.start && tokens[k]!.start < q.end) depth[k] = Math.min(3, depth[k]! + 1)
  }
  // Entity type of each token: 0 none, type (1–4), +4 inside.
  const ent = new Uint8Array(n)
  {
    const ms: { start: number; end: number; type: number }[] = []
    for (const e of inp.entities) for (const m of e.mentions) ms.push({ start: m.start, end: m.end, type: ENT[e.type] ?? 4 })
    ms.sort((a, b) => a.start - b.start)
    let k = 0
    for (const m of ms) {
      while (k < n && tokens[k]!.start < m.start) k++
      for (let j = k; j < n && tokens[j]!.start < m.end; j++) ent[j] = m.type + (j === k ? 0 : 4)
    }
  }
  // Part of speech, and the nearest verb on each side within the sentence (its lemma: "opposed",
  // "would vote for" are attributions whose cue the lexicon may not hold).
  const tags = inp.pos ?? posTags(tokens)
  const posH = new Uint32Array(n)
  const lemmaH = new Uint32Array(n)
  const isVerb = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    posH[i] = strHash(tags.pos[i]!)
    lemmaH[i] = strHash(tags.lemma[i]!)
    isVerb[i] = tags.pos[i]!.startsWith('VB') || tags.pos[i] === 'MD' ? 1 : 0
  }
  const leftVerb = new Int32Array(n).fill(-1)
  const rightVerb = new Int32Array(n).fill(-1)
  for (let i = 1; i < n; i++) leftVerb[i] = sentOf[i - 1] === sentOf[i] ? (isVerb[i - 1] ? i - 1 : leftVerb[i - 1]!) : -1
  for (let i = n - 2; i >= 0; i--) rightVerb[i] = sentOf[i + 1] === sentOf[i] ? (isVerb[i + 1] ? i + 1 : rightVerb[i + 1]!) : -1
  const P = (i: number) => (i < 0 ? BOS : i >= n ? EOS : posH[i]!)
  // Before the first verb of its sentence (the subject, where sources are) or after it.
  const beforeVerb = new Uint8Array(n)
  {
    let seen = false
    for (let i = 0; i < n; i++) {
      if (i === 0 || sentOf[i - 1] !== sentOf[i]) seen = false
      beforeVerb[i] = seen ? 0 : 1
      if (isVerb[i]) seen = true
    }
  }
  const R = inp.rules
  const rt = new Uint8Array(n)
  for (let i = 0; i < n; i++) rt[i] = R[0][i]! * 9 + R[1][i]! * 3 + R[2][i]!
  const qcode = new Uint8Array(n)
  const rcode = new Uint8Array(n)
  const rows = new Int32Array(n * width)
  const nnCodes = new Uint8Array(n * NN_INPUTS)
  const GM = (i: number) => (i < 0 || i >= n ? 0xffff : gM[i]!)
  const W = (i: number) => (i < 0 ? BOS : i >= n ? EOS : lowH[i]!)
  const SH = (i: number) => (i < 0 ? BOS : i >= n ? EOS : shapeH[i]!)
  const C = (i: number) => (i < 0 || i >= n ? 8 : cls[i]!)
  const E = (i: number) => (i < 0 || i >= n ? 9 : ent[i]!)
  const RT = (i: number) => (i < 0 || i >= n ? 27 : rt[i]!)
  for (let i = 0; i < n; i++) {
    const s = sentOf[i]!
    const lc = leftCue[i]! >= 0 ? 1 + bucket(i - leftCue[i]!) * 8 + cls[leftCue[i]!]! : 0
    const rc = rightCue[i]! >= 0 ? 1 + bucket(rightCue[i]! - i) * 8 + cls[rightCue[i]!]! : 0
    qcode[i] = depth[i]! * 8 + isMark[i]! * 4 + (i > 0 ? isMark[i - 1]! : 0) * 2 + (i + 1 < n ? isMark[i + 1]! : 0)
    rcode[i] = rt[i]! * 4 + inp.ruleKind[i]!
    const no = i * NN_INPUTS
    nnCodes[no] = R[0][i]!
    nnCodes[no + 1] = R[1][i]!
    nnCodes[no + 2] = R[2][i]!
    nnCodes[no + 3] = inp.ruleKind[i]!
    nnCodes[no + 4] = qcode[i]!
    nnCodes[no + 5] = cls[i]!
    nnCodes[no + 6] = shapeCode(tokens[i]!.text)
    nnCodes[no + 7] = ent[i]!
    nnCodes[no + 8] = PENN_INDEX.get(tags.pos[i]!) ?? 0
    nnCodes[no + 9] = sentFirst[i]!
    nnCodes[no + 10] = paraFirst[i]!
    nnCodes[no + 11] = beforeVerb[i]!
    const o = i * width
    rows[o] = row(0, 0)
    rows[o + 1] = row(1, lowH[i]!)
    rows[o + 2] = row(2, shapeH[i]!)
    rows[o + 3] = row(3, sufH[i]!)
    rows[o + 4] = row(4, W(i - 1))
    rows[o + 5] = row(5, W(i + 1))
    rows[o + 6] = row(6, W(i - 2))
    rows[o + 7] = row(7, W(i + 2))
    rows[o + 8] = row(8, W(i - 1), lowH[i]!)
    rows[o + 9] = row(9, lowH[i]!, W(i + 1))
    rows[o + 10] = row(10, SH(i - 1), shapeH[i]!)
    rows[o + 11] = row(11, shapeH[i]!, SH(i + 1))
    rows[o + 12] = row(12, cls[i]!)
    rows[o + 13] = row(13, C(i - 1) * 16 + C(i + 1))
    rows[o + 14] = row(14, lc)
    rows[o + 15] = row(15, rc)
    rows[o + 16] = row(16, (leftCue[i]! >= 0 ? 1 : 0) * 8 + (rightCue[i]! >= 0 ? 1 : 0) * 4 + depth[i]!)
    rows[o + 17] = row(17, sentCue[s]! * 2 + sentMarks[s]!)
    rows[o + 18] = row(18, qcode[i]!)
    rows[o + 19] = row(19, (i > 0 ? depth[i - 1]! : 0) * 16 + depth[i]! * 4 + (i + 1 < n ? depth[i + 1]! : 0))
    rows[o + 20] = row(20, sentFirst[i]! * 4 + (i + 1 >= n || sentFirst[i + 1] ? 2 : 0) + paraFirst[i]!)
    rows[o + 21] = row(21, ent[i]!)
    rows[o + 22] = row(22, E(i - 1) * 256 + ent[i]! * 16 + E(i + 1))
    rows[o + 23] = row(23, rcode[i]!)
    rows[o + 24] = row(24, RT(i - 1) * 32 + rt[i]!)
    rows[o + 25] = row(25, rt[i]! * 32 + RT(i + 1))
    rows[o + 26] = row(26, rt[i]!, lowH[i]!)
    rows[o + 27] = isWord[i] ? row(27, 0) : row(28, lowH[i]!, W(i + 1))
    // The nearest cue words themselves, not only their class: "endorsed [Trump]" takes an object,
    // "said [he would win]" a clause.
    rows[o + 28] = leftCue[i]! >= 0 ? row(29, lowH[leftCue[i]!]!, bucket(i - leftCue[i]!)) : row(29, 0)
    rows[o + 29] = rightCue[i]! >= 0 ? row(30, lowH[rightCue[i]!]!, bucket(rightCue[i]! - i)) : row(30, 0)
    rows[o + 30] = row(31, W(i - 2), W(i - 1))
    rows[o + 31] = row(32, commaSince[i]! * 4 + (leftCue[i]! >= 0 ? 1 : 0) * 2 + thatAfterCue[i]!)
    const lv = leftVerb[i]!
    const rv = rightVerb[i]!
    rows[o + 32] = row(33, posH[i]!)
    rows[o + 33] = row(34, P(i - 1), posH[i]!)
    rows[o + 34] = row(35, posH[i]!, P(i + 1))
    rows[o + 35] = row(36, mix(P(i - 1), posH[i]!), P(i + 1))
    rows[o + 36] = lv >= 0 ? row(37, lemmaH[lv]!, bucket(i - lv)) : row(37, 0)
    rows[o + 37] = rv >= 0 ? row(38, lemmaH[rv]!, bucket(rv - i)) : row(38, 0)
    rows[o + 38] = lv >= 0 ? row(39, lemmaH[lv]!, P(lv + 1)) : row(39, 0)
    rows[o + 39] = row(45, P(i - 2), P(i - 1))
    rows[o + 40] = row(46, posH[i]!, depth[i]! * 2 + beforeVerb[i]!)
    rows[o + 41] = row(47, lv >= 0 ? lemmaH[lv]! : 0, beforeVerb[i]! * 8 + depth[i]!)
    if (clusters) {
      rows[o + 42] = row(60, gF[i]!)
      rows[o + 43] = row(61, GM(i - 1), gM[i]!)
      rows[o + 44] = row(62, gM[i]!, GM(i + 1))
      rows[o + 45] = lv >= 0 ? row(63, gF[lv]!, bucket(i - lv)) : row(63, 0)
      rows[o + 46] = rv >= 0 ? row(64, gF[rv]!, bucket(rv - i)) : row(64, 0)
      rows[o + 47] = row(65, gC[i]!, depth[i]! * 2 + beforeVerb[i]!)
    }
  }
  if (nn) neuralRows(runQuoteNNs(nn, tokens, nnCodes), rows, width, NSTATIC + (clusters ? NGLOVE : 0), rt, cls)
  return { n, width, rows, lowH, qcode, rcode, nnCodes }
}

/**
 * The neural tagger's probabilities as weight rows (templates 70–78), written at column `at` of each
 * token's rows: per layer its most likely tag with how likely the layer is (B or I); the three tags
 * together, with the previous and the next token's; how likely a content and a source begin here; the
 * content's with the rules' labels (`rt`), the cue's with the word's cue class (two seeds on the
 * validation part: joint F1 +0.25 over the seven rows before them).
 */
function neuralRows(probs: Float32Array, rows: Int32Array, width: number, at: number, rt: Uint8Array, cls: Uint8Array): void {
  const n = probs.length / 9
  const joint = new Int32Array(n)
  const best = (i: number, layer: number) => {
    const o = i * 9 + layer * 3
    const a = probs[o]!
    const b = probs[o + 1]!
    const c = probs[o + 2]!
    return a >= b && a >= c ? 0 : b >= c ? 1 : 2
  }
  for (let i = 0; i < n; i++) joint[i] = best(i, 0) * 9 + best(i, 1) * 3 + best(i, 2)
  for (let i = 0; i < n; i++) {
    const o = i * width + at
    const p = i * 9
    for (let layer = 0; layer < 3; layer++) rows[o + layer] = row(70 + layer, best(i, layer) * 8 + pbin(1 - probs[p + layer * 3]!))
    rows[o + 3] = row(73, joint[i]!)
    rows[o + 4] = row(74, i > 0 ? joint[i - 1]! : 27, joint[i]!)
    rows[o + 5] = row(75, joint[i]!, i + 1 < n ? joint[i + 1]! : 27)
    rows[o + 6] = row(76, pbin(probs[p + 7]!) * 8 + pbin(probs[p + 4]!))
    rows[o + 7] = row(77, best(i, 2) * 8 + pbin(1 - probs[p + 6]!), rt[i]!)
    rows[o + 8] = row(78, best(i, 0) * 8 + pbin(1 - probs[p]!), cls[i]!)
  }
}

export const NSTACK = 10

/**
 * Second pass (stacking): the static rows plus features read from the first pass's tags over the whole
 * article: its tags around the token, the content margin, the distance to the nearest tagged cue and
 * source in the sentence, whether the tagged content holding the token has a cue next to it.
 */
export function stackFeatures(inp: TaggerInput, f: TokenFeatures, first: Tagging): TokenFeatures {
  const { n } = f
  const [cueT, srcT, conT] = first.tags
  const code = (i: number) => (i < 0 || i >= n ? 27 : cueT[i]! * 9 + srcT[i]! * 3 + conT[i]!)
  const sentOf = new Int32Array(n)
  {
    let s = 0
    for (let i = 0; i < n; i++) {
      while (s < inp.sentences.length - 1 && inp.sentences[s]!.end <= inp.tokens[i]!.start) s++
      sentOf[i] = s
    }
  }
  const near = (layer: Uint8Array) => {
    const left = new Int32Array(n).fill(-1)
    const right = new Int32Array(n).fill(-1)
    for (let i = 0; i < n; i++) left[i] = layer[i] ? i : i > 0 && sentOf[i - 1] === sentOf[i] ? left[i - 1]! : -1
    for (let i = n - 1; i >= 0; i--) right[i] = layer[i] ? i : i + 1 < n && sentOf[i + 1] === sentOf[i] ? right[i + 1]! : -1
    return [left, right] as const
  }
  const [cl, cr] = near(cueT)
  const [sl, sr] = near(srcT)
  const dist = (i: number, j: number) => (j < 0 ? 7 : bucket(Math.abs(i - j)))
  // Tagged content spans: length bucket and whether a cue is within 3 tokens of either end.
  const spanInfo = new Uint8Array(n)
  for (const [a, b] of bioSpans(conT)) {
    let cue = 0
    for (let k = Math.max(0, a - 3); k < Math.min(n, b + 3); k++) if ((k < a || k >= b) && cueT[k]) cue = 1
    const len = b - a <= 2 ? 0 : b - a <= 6 ? 1 : b - a <= 20 ? 2 : 3
    for (let k = a; k < b; k++) spanInfo[k] = 1 + len * 2 + cue
  }
  const sentCues = new Uint8Array(inp.sentences.length + 1)
  for (const [a] of bioSpans(cueT)) sentCues[sentOf[a]!] = Math.min(2, sentCues[sentOf[a]!]! + 1)
  const width = f.width + NSTACK
  const rows = new Int32Array(n * width)
  for (let i = 0; i < n; i++) {
    const o = i * width
    rows.set(f.rows.subarray(i * f.width, (i + 1) * f.width), o)
    const k = o + f.width
    const m = first.margin[i]!
    const mb = m < -20 ? 0 : m < -5 ? 1 : m < 0 ? 2 : m < 5 ? 3 : m < 20 ? 4 : 5
    rows[k] = row(50, code(i - 1) * 32 + code(i))
    rows[k + 1] = row(51, code(i) * 32 + code(i + 1))
    rows[k + 2] = row(52, mb * 32 + code(i))
    rows[k + 3] = row(53, dist(i, cl[i]!) * 8 + dist(i, cr[i]!))
    rows[k + 4] = row(54, dist(i, sl[i]!) * 8 + dist(i, sr[i]!))
    rows[k + 5] = row(55, spanInfo[i]! * 4 + sentCues[sentOf[i]!]!)
    rows[k + 6] = row(56, code(i), f.lowH[i]!)
    rows[k + 7] = row(57, code(i) * 64 + f.qcode[i]!)
    rows[k + 8] = row(58, dist(i, cl[i]!) * 8 + dist(i, sr[i]!) + 64 * srcT[i]!)
    rows[k + 9] = row(59, code(i - 2) * 32 + code(i + 2))
  }
  return { ...f, width, rows }
}

/** The weight rows of the features that depend on the previous tags (`p`, `pp`: 0–26, the three layers' tags). */
export function historyRows(p: number, pp: number, f: TokenFeatures, i: number, out: Int32Array): void {
  out[0] = row(40, p)
  out[1] = row(41, pp * 27 + p)
  out[2] = row(42, p, f.lowH[i]!)
  out[3] = row(43, p * 64 + f.qcode[i]!)
  out[4] = row(44, p * 128 + f.rcode[i]!)
}
export const NHIST = 5

export interface Tagging {
  tags: [Uint8Array, Uint8Array, Uint8Array]
  /** Per token, how much the content layer prefers B or I over O (negative: O wins). */
  margin: Float32Array
}

function addRow(weights: Float32Array, r: number, scores: Float64Array) {
  scores[0]! += weights[r]!
  scores[1]! += weights[r + 1]!
  scores[2]! += weights[r + 2]!
  scores[3]! += weights[r + 3]!
  scores[4]! += weights[r + 4]!
  scores[5]! += weights[r + 5]!
  scores[6]! += weights[r + 6]!
  scores[7]! += weights[r + 7]!
  scores[8]! += weights[r + 8]!
}

/** The beam width of `tagTokens` (1 is greedy). 4 and 8 scored alike on the validation part; 4 is faster. */
export const TAG_BEAM = 4

/**
 * A beam over the joint tag of the three layers (27 states, `cue * 9 + source * 3 + content`), for
 * decoding and for training (`scripts/train-quotes.ts`). Paths that agree on their last two states are
 * merged, since the history features read no further back. Per position it keeps, for each path, its
 * state, its parent and the content margin under its history, so that any path can be read back.
 */
export class Beam {
  private sc: Float64Array
  private st: Int32Array
  private pst: Int32Array
  private gold: Uint8Array
  private nsc: Float64Array
  private nst: Int32Array
  private npst: Int32Array
  private ngold: Uint8Array
  private readonly nbp: Int32Array
  private readonly nmg: Float32Array
  private readonly stateAt: Int32Array
  private readonly backAt: Int32Array
  private readonly marginAt: Float32Array
  private readonly S = new Float64Array(NOUT)
  private readonly H = new Float64Array(NOUT)
  private readonly hist = new Int32Array(NHIST)
  /** Paths in the beam, best first. */
  size = 1

  constructor(
    readonly width: number,
    n: number,
  ) {
    const B = width
    this.sc = new Float64Array(B)
    this.st = new Int32Array(B)
    this.pst = new Int32Array(B)
    this.gold = new Uint8Array(B)
    this.nsc = new Float64Array(B)
    this.nst = new Int32Array(B)
    this.npst = new Int32Array(B)
    this.ngold = new Uint8Array(B)
    this.nbp = new Int32Array(B)
    this.nmg = new Float32Array(B)
    this.stateAt = new Int32Array(n * B)
    this.backAt = new Int32Array(n * B)
    this.marginAt = new Float32Array(n * B)
    this.reset(0, 0)
  }

  /** One path, in `state` after `prev` (the gold path in training, after an update). */
  reset(state: number, prev: number): void {
    this.size = 1
    this.sc[0] = 0
    this.st[0] = state
    this.pst[0] = prev
    this.gold[0] = 1
  }

  /**
   * Extends every path by token `i`. With `gold` (the gold state of `i`), tells whether the gold path
   * is still in the beam (training); the best path is then `0`.
   */
  step(weights: Float32Array, f: TokenFeatures, i: number, bias: TagBias = {}, gold = -1): boolean {
    const { S, H, hist, nsc, nst, npst, ngold, nbp, nmg } = this
    const B = this.width
    S.fill(0)
    const o = i * f.width
    for (let k = 0; k < f.width; k++) addRow(weights, f.rows[o + k]! * NOUT, S)
    let count = 0
    let goldIn = false
    for (let b = 0; b < this.size; b++) {
      H.set(S)
      historyRows(this.st[b]!, this.pst[b]!, f, i, hist)
      for (let k = 0; k < NHIST; k++) addRow(weights, hist[k]! * NOUT, H)
      H[0]! -= bias.cue ?? 0
      H[3]! -= bias.source ?? 0
      H[6]! -= bias.content ?? 0
      const mg = Math.max(H[7]!, H[8]!) - H[6]!
      for (let t = 0; t < 27; t++) {
        const v = this.sc[b]! + H[(t / 9) | 0]! + H[3 + (((t / 3) | 0) % 3)]! + H[6 + (t % 3)]!
        if (count === B && v <= nsc[B - 1]!) continue
        // A path with the same last two states: keep the better one.
        let same = -1
        for (let j = 0; j < count; j++) if (nst[j] === t && npst[j] === this.st[b]) same = j
        if (same >= 0) {
          if (v <= nsc[same]!) continue
          for (let j = same; j < count - 1; j++) this.move(j + 1, j)
          count--
        }
        let j = count < B ? count : B - 1
        for (; j > 0 && nsc[j - 1]! < v; j--) if (j < B) this.move(j - 1, j)
        nsc[j] = v
        nst[j] = t
        npst[j] = this.st[b]!
        ngold[j] = this.gold[b]! && t === gold ? 1 : 0
        nbp[j] = b
        nmg[j] = mg
        if (count < B) count++
      }
    }
    for (let j = 0; j < count; j++) {
      this.stateAt[i * B + j] = nst[j]!
      this.backAt[i * B + j] = nbp[j]!
      this.marginAt[i * B + j] = nmg[j]!
      if (ngold[j]) goldIn = true
    }
    ;[this.sc, this.nsc] = [nsc, this.sc]
    ;[this.st, this.nst] = [nst, this.st]
    ;[this.pst, this.npst] = [npst, this.pst]
    ;[this.gold, this.ngold] = [ngold, this.gold]
    this.size = count
    return goldIn
  }

  /** Whether the best path is the gold one (after `step` with gold states). */
  bestIsGold(): boolean {
    return this.gold[0] === 1
  }

  /** The states (and content margins) of path `j` at positions `from..to`, read back from `to`. */
  path(from: number, to: number, j = 0): { states: Int32Array; margins: Float32Array } {
    const states = new Int32Array(to - from + 1)
    const margins = new Float32Array(to - from + 1)
    const B = this.width
    for (let i = to; i >= from; i--) {
      states[i - from] = this.stateAt[i * B + j]!
      margins[i - from] = this.marginAt[i * B + j]!
      j = this.backAt[i * B + j]!
    }
    return { states, margins }
  }

  private move(from: number, to: number) {
    this.nsc[to] = this.nsc[from]!
    this.nst[to] = this.nst[from]!
    this.npst[to] = this.npst[from]!
    this.ngold[to] = this.ngold[from]!
    this.nbp[to] = this.nbp[from]!
    this.nmg[to] = this.nmg[from]!
  }
}

/** Decodes a whole article with a beam of `width` (1 is greedy): per layer, the tag of every token. */
export function tagTokens(weights: Float32Array, f: TokenFeatures, bias: TagBias = {}, width = TAG_BEAM): Tagging {
  const n = f.n
  const out: [Uint8Array, Uint8Array, Uint8Array] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)]
  if (!n) return { tags: out, margin: new Float32Array(0) }
  const beam = new Beam(width, n)
  for (let i = 0; i < n; i++) beam.step(weights, f, i, bias)
  const { states, margins } = beam.path(0, n - 1)
  for (let i = 0; i < n; i++) {
    const s = states[i]!
    out[0][i] = (s / 9) | 0
    out[1][i] = ((s / 3) | 0) % 3
    out[2][i] = s % 3
  }
  return { tags: out, margin: margins }
}

/** Token ranges `[a, b)` of the spans of one BIO layer. */
export function bioSpans(tags: Uint8Array): [number, number][] {
  const out: [number, number][] = []
  let a = -1
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : 0
    if (a >= 0 && t !== 2) {
      out.push([a, i])
      a = -1
    }
    if (t === 1 || (t === 2 && a < 0)) a = i
  }
  return out
}

/** One attribution assembled from tagged spans; token ranges `[a, b)`. */
export interface TaggedAttribution {
  fragments: [number, number][]
  /** The mean content margin of the fragments: how sure the tagger is. */
  score: number
  cue?: [number, number]
  source?: [number, number]
}

/**
 * The least mean content margin of a content span that is kept: lower margins are mostly spans the
 * tagger half-believes (chosen on the training documents' scale; 30 trades recall for precision).
 */
export const MIN_MARGIN = 30

/**
 * Links tagged spans into attributions. A content span takes the nearest cue: one adjacent to it
 * (only punctuation or a source between) first, then the nearest in the same sentence, then one in the
 * previous or next sentence; the cue takes the nearest source in its sentence that is not inside the
 * content. Contents that share a cue and lie on both sides of it become the fragments of one quote.
 */
/** At most this many tokens between a content and a cue in the sentence before or after it. */
const NEXT_SENTENCE_GAP = 5

export function assembleAttributions(inp: TaggerInput, { tags, margin }: Tagging, minMargin = MIN_MARGIN, needCue = true): TaggedAttribution[] {
  const { tokens } = inp
  const n = tokens.length
  const sentOf = new Int32Array(n)
  {
    let s = 0
    for (let i = 0; i < n; i++) {
      while (s < inp.sentences.length - 1 && inp.sentences[s]!.end <= tokens[i]!.start) s++
      sentOf[i] = s
    }
  }
  const cues = bioSpans(tags[0])
  const sources = bioSpans(tags[1])
  const meanMargin = ([a, b]: [number, number]) => {
    let sum = 0
    for (let k = a; k < b; k++) sum += margin[k]!
    return sum / Math.max(1, b - a)
  }
  const contents = bioSpans(tags[2]).filter(([a, b]) => {
    let words = 0
    for (let k = a; k < b; k++) if (WORD_RE.test(tokens[k]!.text)) words++
    return words > 0 && meanMargin([a, b]) >= minMargin
  })
  const gap = (a: [number, number], b: [number, number]) => (a[1] <= b[0] ? b[0] - a[1] : b[1] <= a[0] ? a[0] - b[1] : 0)
  const sentDist = (x: number, y: number) => Math.abs(sentOf[x]! - sentOf[y]!)
  const byCue = new Map<number, { frag: [number, number]; src?: [number, number] }[]>()
  const out: TaggedAttribution[] = []
  for (const ct of contents) {
    let best = -1
    let bestCost = Infinity
    for (let c = 0; c < cues.length; c++) {
      const cu = cues[c]!
      if (cu[0] >= ct[0] && cu[1] <= ct[1]) continue // a cue inside the content belongs to a quote within it
      const g = gap(cu, ct)
      const sd = Math.min(sentDist(cu[0], ct[0]), sentDist(cu[0], ct[1] - 1))
      if (sd > 1) continue
      // A cue in the sentence before or after only when close: "…," she said. "It was …" — not a content
      // of the sentence before a quotation with its own cue ("The council voted to rebuild …. "…," the
      // mayor told …": joint F1 +0.2 on the validation part over two seeds).
      if (sd === 1 && g > NEXT_SENTENCE_GAP) continue
      const cost = g + sd * 30
      if (cost < bestCost) {
        bestCost = cost
        best = c
      }
    }
    const list = byCue.get(best) ?? []
    list.push({ frag: ct })
    byCue.set(best, list)
  }
  for (const [c, list] of byCue) {
    if (c < 0 && needCue) continue
    const cue = c >= 0 ? cues[c] : undefined
    let source: [number, number] | undefined
    if (cue) {
      let bestCost = Infinity
      for (const s of sources) {
        if (sentDist(s[0], cue[0]) > 0 && !(s[1] <= cue[0] && sentDist(s[1] - 1, cue[0]) === 0)) continue
        if (list.some((x) => s[0] >= x.frag[0] && s[1] <= x.frag[1])) continue
        const g = gap(s, cue)
        const cost = g + (s[0] > cue[0] ? 0.5 : 0)
        if (cost < bestCost && g <= 25) {
          bestCost = cost
          source = s
        }
      }
    }
    // Fragments on both sides of the cue (or with only the cue and source between) form one quote.
    list.sort((x, y) => x.frag[0] - y.frag[0])
    const groups: [number, number][][] = []
    for (const x of list) {
      const g = groups[groups.length - 1]
      const last = g?.[g.length - 1]
      if (g && last && cue && last[1] <= cue[0] && x.frag[0] >= cue[1] && sentDist(last[1] - 1, x.frag[0]) === 0 && x.frag[0] - cue[1] <= (source ? source[1] - cue[1] + 3 : 3)) g.push(x.frag)
      else groups.push([x.frag])
    }
    for (const g of groups) out.push({ fragments: g, score: Math.max(...g.map(meanMargin)), cue, source })
  }
  out.sort((a, b) => a.fragments[0]![0] - b.fragments[0]![0])
  return out
}

// ---------------------------------------------------------------------------------------------
// The model file.

interface Table {
  scale: number
  /** The non-zero rows (Int32, base64) and their NOUT weights each (Int16 × scale, base64). */
  rows: string
  weights: string
}
interface ModelFile {
  version: 3
  bits: number
  first: Table
  second?: Table
  /** The GloVe word-class table the model reads, as the text of `glove-clusters.tsv.gz`. */
  clusters?: string
  /** The neural taggers the model reads (scripts/train-quote-nn.py); one alone in models of before the second. */
  nn?: QuoteNNFile | QuoteNNFile[]
}

function encodeTable(weights: Float32Array): Table {
  let max = 0
  for (const v of weights) max = Math.max(max, Math.abs(v))
  const scale = max > 0 ? 32767 / max : 1
  const rows: number[] = []
  const q: number[] = []
  for (let r = 0; r <= MASK; r++) {
    const vals: number[] = []
    for (let t = 0; t < NOUT; t++) vals.push(Math.round(weights[r * NOUT + t]! * scale))
    if (vals.every((v) => v === 0)) continue
    rows.push(r)
    q.push(...vals)
  }
  return { scale, rows: Buffer.from(new Int32Array(rows).buffer).toString('base64'), weights: Buffer.from(new Int16Array(q).buffer).toString('base64') }
}

function decodeTable(t: Table): Float32Array {
  const rb = Buffer.from(t.rows, 'base64')
  const rows = new Int32Array(rb.buffer.slice(rb.byteOffset, rb.byteOffset + rb.byteLength))
  const wb = Buffer.from(t.weights, 'base64')
  const q = new Int16Array(wb.buffer.slice(wb.byteOffset, wb.byteOffset + wb.byteLength))
  const weights = new Float32Array((MASK + 1) * NOUT)
  for (let k = 0; k < rows.length; k++) for (let j = 0; j < NOUT; j++) weights[rows[k]! * NOUT + j] = q[k * NOUT + j]! / t.scale
  return weights
}

export function encodeModel(model: QuoteModel): ModelFile {
  return { version: 3, bits: BITS, first: encodeTable(model.weights), second: model.second ? encodeTable(model.second) : undefined, clusters: model.clusters ? formatClusters(model.clusters) : undefined, nn: model.nn?.map((x) => x.file) }
}

/** The model in a file; with `networks`, only its first `networks` neural taggers (the others are not decoded). */
export function decodeModel(file: ModelFile, networks?: number): QuoteModel {
  if (file.version !== 3 || file.bits !== BITS) throw new Error(`quote model: expected version 3 with ${BITS} bits, received version ${file.version} with ${file.bits}`)
  const nn = file.nn ? (Array.isArray(file.nn) ? file.nn : [file.nn]).slice(0, networks) : undefined
  return { weights: decodeTable(file.first), second: file.second ? decodeTable(file.second) : undefined, clusters: file.clusters ? parseClusters(file.clusters) : undefined, nn: nn?.map(decodeQuoteNN) }
}

export const DEFAULT_QUOTE_MODEL_URL = new URL('../../models/quotes.json.gz', import.meta.url)

let cached: QuoteModel | null | undefined
/** How many networks the shipped model file carries, and how many of them run (`loadQuoteModel`). */
let networksInFile = 0

/**
 * How many of the model's neural taggers to run: `NEWSGRAPH_QUOTE_NETWORKS` (a whole number from 1), or
 * all of them when it is unset. The shipped model carries two; with the first alone the tagger is faster
 * and scores a little lower (README, "Speed and the quote networks"). None is not offered: the perceptron
 * was trained with the networks' probabilities and is far weaker without them.
 */
export function quoteNetworkCount(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.NEWSGRAPH_QUOTE_NETWORKS?.trim()
  if (!raw) return undefined
  if (!/^[1-9]\d*$/.test(raw)) throw new Error(`NEWSGRAPH_QUOTE_NETWORKS=${JSON.stringify(raw)}: expected how many of the quote model's networks to run, a whole number from 1 (1 is faster; unset runs them all)`)
  return Number(raw)
}

/** Loads (once) the shipped model; null when the file is absent (the rules then work alone). */
export function loadQuoteModel(): QuoteModel | null {
  if (cached !== undefined) return cached
  const count = quoteNetworkCount()
  const file = existsSync(DEFAULT_QUOTE_MODEL_URL) ? (JSON.parse(gunzipSync(readFileSync(DEFAULT_QUOTE_MODEL_URL)).toString('utf8')) as ModelFile) : null
  networksInFile = file?.nn ? (Array.isArray(file.nn) ? file.nn.length : 1) : 0
  cached = file ? decodeModel(file, count) : null
  return cached
}

/**
 * What an analysis records besides the pipeline version about the quote model that made it: "+nn1"
 * when `NEWSGRAPH_QUOTE_NETWORKS` ran fewer of the shipped model's networks than it has, else nothing
 * (so that `reanalyze` redoes articles when the setting changes).
 */
export function quoteModelTag(): string {
  const model = loadQuoteModel()
  const running = model?.nn?.length ?? 0
  return model && running < networksInFile ? `+nn${running}` : ''
}

/** Replaces (or, with null, disables) the model used by `findQuotes`; for training and tests. */
export function setQuoteModel(model: QuoteModel | null): void {
  cached = model
  networksInFile = model?.nn?.length ?? 0
}
