/**
 * Trains the quote tagger (a structured averaged perceptron over CUE / SOURCE / CONTENT BIO layers,
 * see src/nlp/quote-tagger.ts) on the training part of PolNeAR dev and writes models/quotes.json.gz.
 * Training decodes with the same beam as the tagger and updates as soon as the gold path falls out of
 * it (early update, Collins & Roark 2004), on the stretch since the last update, then goes on from the
 * gold path (LaSO, Daumé & Marcu 2005): a greedy-trained model lost joint F1 when decoded with a beam.
 *
 * The split is fixed: a document trains the model when the first hex digit of sha1(id) is 0–8; the
 * rest (9–b) is held out and only scored (`isHeldOut` in scripts/eval/quotes.ts). The rule labels the
 * tagger reads as features come from the rules alone (`prepareQuotes`), as at run time, with speaker
 * phrases in PolNeAR's extent (`speakerExtent: 'phrase'`, the default, which the evaluation scores).
 *
 * Two passes: the second also reads the first pass's tags over the whole article; it is trained on
 * first-pass tags from models that did not see the document (4 folds), as at run time.
 *
 *   node --import tsx scripts/train-quotes.ts [dataDir] [--epochs N] [--out path] [--one-pass] [--valid] [--seed N] [--no-glove] [--clusters path] [--nn DIR ...]
 *
 * The model reads the GloVe word classes of `src/nlp/data/glove-clusters.tsv.gz` (built by
 * `scripts/build-glove-clusters.ts`; `--clusters` reads another table) and carries the table with it;
 * `--no-glove` leaves them out.
 *
 * `--nn DIR` adds the neural tagger's probabilities as features (scripts/train-quote-nn.py writes
 * DIR/fold-0…4.json.gz and DIR/fold-all.json.gz; each training document reads the model of its fold,
 * which did not see it), and the model carries fold-all (with `--valid`, fold-4). Given more than once
 * (`--nn DIR1 --nn DIR2`, networks trained with other `--seed`s), the networks' probabilities are averaged.
 *
 * `--valid` also leaves out the validation part (sha1 7–8, `isValidation`), for tuning with
 * `scripts/eval/quotes.ts --valid --model path` without looking at the held-out part.
 *
 * Retraining when the rules change: the rule labels are features, so the model is trained on the rules of its
 * day. Everything retrained on the rules of 2026-11-30 (networks and perceptron, 68 rule commits after the
 * shipped model) scored held-out quote F1 / exact / joint 77.2 / 55.6 / 66.8 against the shipped model's
 * 77.3 / 55.9 / 66.9 (validation: 35 epochs instead of 25, 76.4 / 56.3 / 67.5 against 76.8 / 56.3 / 67.4):
 * the rules had not drifted from the model, and the shipped model was kept. So again on the rules of 2026-12-03
 * (pipeline 0.18 and that day's rules, both seeds' networks and the perceptron): held-out quote F1 / joint 79.21 /
 * 70.80 against the shipped model's 79.63 / 71.06 under the same code, and the shipped model was kept. The
 * perceptron trains in about 7 minutes; the networks take most of the time (see scripts/export-quote-nn.ts).
 *
 * Deterministic (a fixed seed, or `--seed N`, shuffles the documents; on the validation part three seeds
 * differed by ±0.2 quote F1, and averaging their weights did not help). The PolNeAR texts are not openly licensed:
 * the model holds feature weights only (feature strings include words, not sentences).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { parseClusters } from '../src/nlp/entity-features.js'
import type { Entity } from '../src/core/types.js'
import { prepareQuotes } from '../src/nlp/find-quotes.js'
import { Beam, BITS, encodeModel, historyRows, NHIST, NOUT, stackFeatures, staticFeatures, TAG_BEAM, tagTokens, type QuoteModel, type TaggerInput, type TokenFeatures } from '../src/nlp/quote-tagger.js'
import { splitSentences } from '../src/nlp/split-sentences.js'
import { tokenize } from '../src/nlp/tokenize.js'
import { decodeQuoteNN, type QuoteNN, type QuoteNNFile } from '../src/nlp/quote-nn.js'
import { goldLayers, isHeldOut, isValidation, loadFindEntities, nnFold, readPolnear } from './eval/quotes.js'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const v = args[i + 1]
  args.splice(i, 2)
  return v
}
// 25 epochs: +0.6 quote F1 and +0.3 joint F1 over 15 on the validation part.
const epochs = Number(opt('--epochs') ?? 25)
const FOLDS = 4
const validAt = args.indexOf('--valid')
const valid = validAt >= 0
if (valid) args.splice(validAt, 1)
const onePassAt = args.indexOf('--one-pass')
const onePass = onePassAt >= 0
if (onePass) args.splice(onePassAt, 1)
const seedArg = opt('--seed')
const noGloveAt = args.indexOf('--no-glove')
if (noGloveAt >= 0) args.splice(noGloveAt, 1)
const clustersPath = opt('--clusters') ?? join(repoRoot, 'src', 'nlp', 'data', 'glove-clusters.tsv.gz')
// `--nn DIR` may be given more than once: networks trained from different seeds, averaged.
const nnDirs: string[] = []
while (args.includes('--nn')) {
  const d = opt('--nn')
  if (d === undefined || d.startsWith('-')) {
    console.error('train-quotes: --nn needs the folder of the networks (scripts/train-quote-nn.py writes DIR/fold-0…4.json.gz and DIR/fold-all.json.gz)')
    process.exit(2)
  }
  nnDirs.push(d)
}
const outPath = opt('--out') ?? join(repoRoot, 'models', 'quotes.json.gz')
const unknown = args.find((a) => a.startsWith('-'))
if (unknown) {
  if (unknown !== '--help' && unknown !== '-h') console.error(`train-quotes: unknown option ${unknown}`)
  console.error('usage: node --import tsx scripts/train-quotes.ts [dataDir] [--epochs N] [--out path] [--one-pass] [--valid] [--seed N] [--no-glove] [--clusters path] [--nn DIR ...] (the script\'s header says what each does)')
  process.exit(unknown === '--help' || unknown === '-h' ? 0 : 2)
}
if (noGloveAt < 0 && !existsSync(clustersPath)) {
  console.error(`train-quotes: no word-class table at ${clustersPath}; build it with scripts/build-glove-clusters.ts, or train without it (--no-glove)`)
  process.exit(1)
}
const clusters = noGloveAt >= 0 ? undefined : parseClusters(gunzipSync(readFileSync(clustersPath)).toString('utf8'))
// The neural tagger's models (scripts/train-quote-nn.py): fold-K.json.gz for each fold K of `nnFold`,
// whose probabilities the perceptron reads on the documents of fold K (out of fold, as at run time), and
// fold-all.json.gz, the one the model carries (with `--valid`, fold-4.json.gz: it did not see the validation part).
const readNN = (dir: string, name: string): QuoteNN => {
  const path = join(dir, `${name}.json.gz`)
  if (!existsSync(path)) {
    console.error(`train-quotes: no neural tagger at ${path}; train it with scripts/train-quote-nn.py --fold ${name.replace('fold-', '')}, or train without --nn`)
    process.exit(1)
  }
  return decodeQuoteNN(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as QuoteNNFile)
}
if (!nnDirs.length) console.error('train-quotes: without the neural tagger (--nn DIR adds it; see scripts/export-quote-nn.ts)')
const foldNN = nnDirs.length ? [0, 1, 2, 3, 4].map((k) => nnDirs.map((d) => readNN(d, `fold-${k}`))) : undefined
const shippedNN = nnDirs.length ? (valid ? foldNN![4]! : nnDirs.map((d) => readNN(d, 'fold-all'))) : undefined
const dataDir = args[0] ?? join(repoRoot, '..', 'shared', 'data')

const t0 = performance.now()
const all = readPolnear(join(dataDir, 'quotes', 'polnear', 'dev.jsonl'))
const train = all.filter((d) => !isHeldOut(d.id) && !(valid && isValidation(d.id)))
const findEntities = await loadFindEntities()

// Features (hashed weight rows) and gold labels of every training document.
interface Item {
  f: TokenFeatures
  gold: [Uint8Array, Uint8Array, Uint8Array]
  input: TaggerInput
}
const items: Item[] = []
for (const doc of train) {
  const tokens = tokenize(doc.text)
  const sentences = splitSentences(doc.text, tokens)
  const entities: Entity[] = findEntities ? findEntities({ text: doc.text, tokens, sentences }) : []
  const { input } = prepareQuotes({ text: doc.text, tokens, sentences, entities }, { model: null, speakerExtent: 'phrase' })
  const gold = goldLayers(doc, tokens)
  items.push({ f: staticFeatures(input, clusters, foldNN?.[nnFold(doc.id)]), gold, input })
}
console.error(`train-quotes: ${train.length} training docs prepared in ${((performance.now() - t0) / 1000).toFixed(1)}s`)

// Averaged perceptron with lazy averaging over the hashed rows.
const size = (1 << BITS) * NOUT
let seed = Number(seedArg ?? 12345)
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)

function trainPass(items: Item[], label: string): Float32Array {
  const w = new Float32Array(size)
  const total = new Float64Array(size)
  const stamp = new Int32Array(size)
  let time = 1
  const update = (rows: ArrayLike<number>, from: number, count: number, k: number, delta: number) => {
    for (let j = from; j < from + count; j++) {
      const o = rows[j]! * NOUT + k
      total[o]! += (time - stamp[o]!) * w[o]!
      stamp[o] = time
      w[o]! += delta
    }
  }
  const order = items.map((_, i) => i)
  const hg = new Int32Array(NHIST)
  const hp = new Int32Array(NHIST)
  const layerTags = (s: number) => [(s / 9) | 0, ((s / 3) | 0) % 3, s % 3]
  for (let ep = 1; ep <= epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let errors = 0
    let seen = 0
    for (const di of order) {
      const { f, gold } = items[di]!
      const n = f.n
      const g = new Int32Array(n)
      for (let i = 0; i < n; i++) g[i] = gold[0]![i]! * 9 + gold[1]![i]! * 3 + gold[2]![i]!
      const goldAt = (i: number) => (i < 0 ? 0 : g[i]!)
      const beam = new Beam(TAG_BEAM, n)
      let sync = 0
      for (let i = 0; i < n; i++) {
        const goldIn = beam.step(w, f, i, {}, g[i]!)
        seen += 3
        if (goldIn && !(i === n - 1 && !beam.bestIsGold())) {
          time++
          continue
        }
        // The gold path fell out of the beam (or lost at the end): gold up, best path down, since `sync`.
        const { states } = beam.path(sync, i)
        const predAt = (k: number) => (k < sync ? goldAt(k) : states[k - sync]!)
        for (let k = sync; k <= i; k++) {
          historyRows(goldAt(k - 1), goldAt(k - 2), f, k, hg)
          historyRows(predAt(k - 1), predAt(k - 2), f, k, hp)
          const sameHistory = goldAt(k - 1) === predAt(k - 1) && goldAt(k - 2) === predAt(k - 2)
          const gt = layerTags(g[k]!)
          const yt = layerTags(predAt(k))
          for (let L = 0; L < 3; L++) {
            if (gt[L] === yt[L] && sameHistory) continue
            if (gt[L] !== yt[L]) {
              errors++
              update(f.rows, k * f.width, f.width, L * 3 + gt[L]!, 1)
              update(f.rows, k * f.width, f.width, L * 3 + yt[L]!, -1)
            }
            update(hg, 0, NHIST, L * 3 + gt[L]!, 1)
            update(hp, 0, NHIST, L * 3 + yt[L]!, -1)
          }
        }
        beam.reset(g[i]!, goldAt(i - 1))
        sync = i + 1
        time++
      }
    }
    if (ep === 1 || ep === epochs) console.error(`train-quotes: ${label} epoch ${ep}: tag error ${((100 * errors) / seen).toFixed(2)}% (${((performance.now() - t0) / 1000).toFixed(1)}s)`)
  }
  const avg = new Float32Array(size)
  for (let o = 0; o < size; o++) avg[o] = (total[o]! + (time - stamp[o]!) * w[o]!) / time
  return avg
}

const first = trainPass(items, 'first pass')
let second: Float32Array | undefined
if (!onePass) {
  // The second pass reads first-pass tags; in training they come from models that did not see the document.
  const stacked: Item[] = new Array(items.length)
  for (let k = 0; k < FOLDS; k++) {
    const w = trainPass(items.filter((_, i) => i % FOLDS !== k), `fold ${k + 1}/${FOLDS}`)
    items.forEach((it, i) => {
      if (i % FOLDS === k) stacked[i] = { f: stackFeatures(it.input, it.f, tagTokens(w, it.f)), gold: it.gold, input: it.input }
    })
  }
  second = trainPass(stacked, 'second pass')
}
const model: QuoteModel = { weights: first, second, clusters, nn: shippedNN }
const file = gzipSync(JSON.stringify(encodeModel(model)))
mkdirSync(dirname(outPath), { recursive: true })
writeFileSync(outPath, file)
console.error(`train-quotes: wrote ${outPath} (${(file.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)}s`)
