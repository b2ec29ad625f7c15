/**
 * Builds the word-cluster table of the entity tagger, `src/nlp/data/word-clusters.tsv.gz`, from
 * unlabeled news text held locally: PolNeAR article texts, ECB+ stories, the Zyte benchmark's
 * ground-truth article bodies, ClaimBuster sentences and the tokens (not the labels) of CoNLL-2003
 * train. CoNLL dev, WikiGold and UNER are left out, so that the evaluation sets stay unseen.
 *
 * The clustering is the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): a
 * class-bigram model whose likelihood, Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c), is raised by
 * moving one word at a time to the class that raises it most, until few words move. Words seen
 * fewer than 3 times share one "<unk>" word. It is run three times, top-down in spirit but
 * bottom-up in practice: words into FINE classes, then those classes (their class-bigram counts)
 * into MID classes, and those into COARSE ones, which gives each word a three-level path, as the
 * prefixes of a Brown-cluster bit string do.
 *
 *   node --import tsx scripts/build-clusters.ts [dataDir]      (default ../shared/data)
 *
 * Output: a gzip text file; line 1 `#clusters fine mid coarse`, line 2 the mid class of each fine
 * class, line 3 the coarse class of each mid class (space-separated), then `word<TAB>fine` per word.
 * Deterministic (no randomness; ties keep a word where it is).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { tokenize } from '../src/nlp/tokenize.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CLUSTERS_PATH = join(root, 'src/nlp/data/word-clusters.tsv.gz')

const FINE = 500
const MID = 100
const COARSE = 20
const MIN_COUNT = 3
const MAX_ITER = 12

/** Sentences (lists of tokens) of the unlabeled corpus. */
function* corpus(dataDir: string): Generator<string[]> {
  const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim())
  const texts = (text: string): Generator<string[]> =>
    (function* () {
      for (const para of text.split(/\n+/)) {
        const toks = tokenize(para).map((t) => t.text)
        if (toks.length) yield toks
      }
    })()
  for (const l of lines(join(dataDir, 'quotes/polnear/dev.jsonl'))) yield* texts((JSON.parse(l) as { text: string }).text)
  for (const l of lines(join(dataDir, 'stories/ecbplus/dev.jsonl'))) {
    const s = JSON.parse(l) as { title?: string; text: string }
    yield* texts((s.title ?? '') + '\n' + s.text)
  }
  const zyte = JSON.parse(readFileSync(join(dataDir, 'extraction/zyte-benchmark/ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; headline?: string }>
  for (const a of Object.values(zyte)) yield* texts((a.headline ?? '') + '\n' + (a.articleBody ?? ''))
  const claims = join(dataDir, 'claims/claimbuster')
  for (const f of readdirSync(claims).filter((f) => f.endsWith('.jsonl')).sort())
    for (const l of lines(join(claims, f))) yield* texts((JSON.parse(l) as { text: string }).text)
  for (const l of lines(join(dataDir, 'ner/conll2003/train.jsonl'))) {
    const s = JSON.parse(l) as { tokens: string[] }
    if (s.tokens[0] !== '-DOCSTART-') yield s.tokens
  }
}

/** A bigram graph in CSR form: item i's successors are `succ[succAt[i] .. succAt[i+1]]` with counts `succN`. */
interface Graph {
  n: number
  count: Float64Array
  succAt: Int32Array
  succ: Int32Array
  succN: Float64Array
  predAt: Int32Array
  pred: Int32Array
  predN: Float64Array
}

function csr(n: number, pairs: Map<number, number>, byLeft: boolean): { at: Int32Array; to: Int32Array; cnt: Float64Array } {
  const at = new Int32Array(n + 1)
  for (const key of pairs.keys()) {
    const a = Math.floor(key / n)
    const b = key % n
    at[(byLeft ? a : b) + 1]!++
  }
  for (let i = 0; i < n; i++) at[i + 1]! += at[i]!
  const fill = at.slice(0, n)
  const to = new Int32Array(pairs.size)
  const cnt = new Float64Array(pairs.size)
  for (const [key, c] of pairs) {
    const a = Math.floor(key / n)
    const b = key % n
    const k = fill[byLeft ? a : b]!++
    to[k] = byLeft ? b : a
    cnt[k] = c
  }
  return { at, to, cnt }
}

function graph(n: number, count: Float64Array, pairs: Map<number, number>): Graph {
  const s = csr(n, pairs, true)
  const p = csr(n, pairs, false)
  return { n, count, succAt: s.at, succ: s.to, succN: s.cnt, predAt: p.at, pred: p.to, predN: p.cnt }
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0)

/**
 * Exchange clustering of the items of `g` into `k` classes; items are visited in order of falling
 * count, and the initial classes give the k − 1 most frequent items a class each and deal the rest
 * out by rank.
 */
export function exchange(g: Graph, k: number, label: string): Int32Array {
  const { n, count } = g
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => count[b]! - count[a]! || a - b)
  const cls = new Int32Array(n)
  order.forEach((w, r) => (cls[w] = r < k ? r : r % k))
  const M = new Float64Array(k * k)
  const N = new Float64Array(k)
  for (let a = 0; a < n; a++) {
    N[cls[a]!]! += count[a]!
    for (let j = g.succAt[a]!; j < g.succAt[a + 1]!; j++) M[cls[a]! * k + cls[g.succ[j]!]!]! += g.succN[j]!
  }
  const R = new Float64Array(k)
  const L = new Float64Array(k)
  const touchedR: number[] = []
  const touchedL: number[] = []
  for (let iter = 1; iter <= MAX_ITER; iter++) {
    let moved = 0
    const t0 = Date.now()
    for (const w of order) {
      const a = cls[w]!
      const nw = count[w]!
      let self = 0
      touchedR.length = 0
      touchedL.length = 0
      for (let j = g.succAt[w]!; j < g.succAt[w + 1]!; j++) {
        const x = g.succ[j]!
        if (x === w) {
          self += g.succN[j]!
          continue
        }
        const d = cls[x]!
        if (R[d] === 0) touchedR.push(d)
        R[d]! += g.succN[j]!
      }
      for (let j = g.predAt[w]!; j < g.predAt[w + 1]!; j++) {
        const x = g.pred[j]!
        if (x === w) continue
        const d = cls[x]!
        if (L[d] === 0) touchedL.push(d)
        L[d]! += g.predN[j]!
      }
      // Take w out of its class.
      for (const d of touchedR) M[a * k + d]! -= R[d]!
      for (const d of touchedL) M[d * k + a]! -= L[d]!
      M[a * k + a]! -= self
      N[a]! -= nw
      // The class that gains most.
      let best = a
      let bestGain = -Infinity
      for (let b = 0; b < k; b++) {
        let gain = 0
        const row = b * k
        for (const d of touchedR) {
          if (d === b) continue
          const m = M[row + d]!
          gain += xlogx(m + R[d]!) - xlogx(m)
        }
        for (const d of touchedL) {
          if (d === b) continue
          const m = M[d * k + b]!
          gain += xlogx(m + L[d]!) - xlogx(m)
        }
        const mbb = M[row + b]!
        gain += xlogx(mbb + R[b]! + L[b]! + self) - xlogx(mbb)
        gain -= 2 * (xlogx(N[b]! + nw) - xlogx(N[b]!))
        if (gain > bestGain + 1e-9 || (b === a && gain >= bestGain - 1e-9)) {
          bestGain = gain
          best = b
        }
      }
      for (const d of touchedR) M[best * k + d]! += R[d]!
      for (const d of touchedL) M[d * k + best]! += L[d]!
      M[best * k + best]! += self
      N[best]! += nw
      if (best !== a) {
        moved++
        cls[w] = best
      }
      for (const d of touchedR) R[d] = 0
      for (const d of touchedL) L[d] = 0
    }
    console.error(`${label} iteration ${iter}: ${moved} of ${n} moved (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
    if (moved < n * 0.002) break
  }
  return cls
}

/** The class-bigram graph of a clustering (classes become the items of the next level). */
function collapse(g: Graph, cls: Int32Array, k: number): Graph {
  const count = new Float64Array(k)
  const pairs = new Map<number, number>()
  for (let a = 0; a < g.n; a++) {
    count[cls[a]!]! += g.count[a]!
    for (let j = g.succAt[a]!; j < g.succAt[a + 1]!; j++) {
      const key = cls[a]! * k + cls[g.succ[j]!]!
      pairs.set(key, (pairs.get(key) ?? 0) + g.succN[j]!)
    }
  }
  return graph(k, count, pairs)
}

export function buildClusters(dataDir: string): string {
  const t0 = Date.now()
  const freq = new Map<string, number>()
  const sentences: string[][] = []
  let tokens = 0
  for (const s of corpus(dataDir)) {
    sentences.push(s)
    tokens += s.length
    for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1)
  }
  const words = [...freq].filter(([, c]) => c >= MIN_COUNT).map(([w]) => w).sort()
  const id = new Map(words.map((w, i) => [w, i]))
  const UNK = words.length
  const BOUND = words.length + 1
  const n = words.length + 2
  console.error(`${sentences.length} sentences, ${tokens} tokens, ${freq.size} types, ${words.length} seen ≥ ${MIN_COUNT} times (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
  const count = new Float64Array(n)
  const pairs = new Map<number, number>()
  for (const s of sentences) {
    let prev = BOUND
    count[BOUND]!++
    for (const w of s) {
      const cur = id.get(w) ?? UNK
      count[cur]!++
      const key = prev * n + cur
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
      prev = cur
    }
    const key = prev * n + BOUND
    pairs.set(key, (pairs.get(key) ?? 0) + 1)
  }
  const g = graph(n, count, pairs)
  const fine = exchange(g, FINE, 'fine')
  const gf = collapse(g, fine, FINE)
  const mid = exchange(gf, MID, 'mid')
  const coarse = exchange(collapse(gf, mid, MID), COARSE, 'coarse')
  const out = [`#clusters ${FINE} ${MID} ${COARSE}`, Array.from(mid).join(' '), Array.from(coarse).join(' ')]
  words.forEach((w, i) => out.push(w + '\t' + fine[i]))
  console.error(`clustered in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  return out.join('\n') + '\n'
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.argv[2] ?? join(root, '../shared/data'))
  const text = buildClusters(dataDir)
  const gz = gzipSync(text, { level: 9 })
  writeFileSync(CLUSTERS_PATH, gz)
  console.error(`wrote ${CLUSTERS_PATH} (${(gz.length / 1e3).toFixed(0)} kB)`)
}
