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
 * The features are defined once, as strings, in `./entity-features.ts` (`sentenceFeatures`, which
 * the trainer reads). The tagger computes the same scores without building those strings (`sentenceScores`): what a word
 * gives in each of its roles (itself, a neighbour one or two away) is summed once per word met, and
 * n-gram, history, mark and second-pass features are found by ids and indexes; a test holds both
 * paths to the same scores.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import {
  ALLOWED,
  contextFeatures,
  docContext,
  docPredictions,
  EDGE,
  ENTITY_TYPES,
  gazetteerSpans,
  GRAMS,
  isUpperStart,
  MARK_TEMPLATES,
  markFeatures,
  MARKS,
  NTAGS,
  parseClusters,
  predictionFeatures,
  ROLE_OFFSET,
  ROLES,
  sentenceView,
  TAGS,
  toBio,
  WORD_TEMPLATES,
  wordFeatures,
  wordInfo,
  type DocContext,
  type DocPredictions,
  type Emit,
  type Gazetteer,
  type WordClusters,
} from './entity-features.js'

export {
  ALLOWED,
  builtinGazetteer,
  docContext,
  docPredictions,
  ENTITY_TYPES,
  historyFeatures,
  NTAGS,
  parseClusters,
  secondPassFeatures,
  sentenceFeatures,
  TAGS,
  toBilou,
  toBio,
  wordShape,
  type DocContext,
  type DocPredictions,
  type Gazetteer,
  type WordClusters,
} from './entity-features.js'

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
/** Each BILOU tag's BIO form, by index. */
const BIO_OF: readonly string[] = toBio(TAGS)
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
 * plus `extra` (the second pass's features) when given; BIO tags (the decoder works in BILOU).
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
    out[i] = BIO_OF[stepTag[i * beam + h]!]!
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
  return sentences.map((words, s) => decodeRows(c, 0, scores[s]!, first ? secondPassScores(c, 0, words, first[s]!, pred!) : undefined, beam, model.temperature))
}

/** Tags the sentences of one document (they share document-level features). */
export function tagDocument(sentences: readonly (readonly string[])[], model: EntityModel = loadEntityModel()): string[][] {
  const c = compile(model)
  const scores = documentScores(c, model, sentences)
  const beam = model.beam ?? 1
  const first = sentences.map((_, s) => decodeRows(c, 0, scores[s]!, undefined, beam, model.temperature))
  if (!model.second) return first
  const pred = docPredictions(sentences, first)
  const temp2 = model.second.temperature
  return sentences.map((words, s) => decodeRows(c, 1, scores[s]!, secondPassScores(c, 1, words, first[s]!, pred), beam, temp2))
}

/** Tags one sentence given as words (the dataset's or our tokenizer's tokens); BIO tags. */
export function tagTokens(words: string[], model: EntityModel = loadEntityModel()): string[] {
  return tagDocument([words], model)[0]!
}
