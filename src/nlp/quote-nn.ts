/**
 * The neural part of the quote tagger: a bidirectional LSTM over pretrained GloVe vectors (and a trained
 * vector for each of the training documents' most frequent words), plus the tagger's categorical inputs
 * (`TokenFeatures.nnCodes`: rule labels, quotation state, cue class, shape, entity type, part of speech,
 * …), which gives every token the probabilities of O/B/I in the three layers (cue, source, content).
 * The perceptron of `./quote-tagger.ts` reads them as features and decides: the network sees words
 * outside the cue lexicon through their vectors ("heralded", "blasted"), the perceptron holds the rules.
 *
 * Trained by `scripts/train-quote-nn.py` (PyTorch), which folds the input projection into the word and
 * input tables; the GloVe rows are 8-bit with a scale per row. The projection is linear, so the LSTM's
 * input weights are applied here once to each table row (to a GloVe row the first time its word is
 * met): a token's gate inputs are a sum of rows, and only the recurrent part is multiplied per token.
 * That part runs in WebAssembly with SIMD (`./lstm.wat`, four lanes of float32, as PyTorch computes)
 * when the hidden size is a multiple of 4, else in JavaScript (float64); the two agree to 1e-5.
 */
import type { Token } from '../core/types.js'
import { LSTM_WASM } from './lstm-wasm.js'

export const QUOTE_NN_FORMAT = 'newsgraph-quote-nn-2'

/** The model file written by scripts/train-quote-nn.py (arrays as base64 of little-endian float32 or int8). */
export interface QuoteNNFile {
  format: typeof QUOTE_NN_FORMAT
  proj: number
  hidden: number
  sizes: number[]
  gloveWords: string[]
  gloveRows: string
  gloveScale: string
  freqWords: string[]
  freqRows: string
  inputRows: string[]
  projBias: string
  forward: { wih: string; whh: string; b: string }
  backward: { wih: string; whh: string; b: string }
  outW: string
  outB: string
}

export interface QuoteNN {
  proj: number
  hidden: number
  sizes: readonly number[]
  glove: Map<string, number>
  gloveRows: Int8Array
  gloveScale: Float32Array
  freq: Map<string, number>
  /** Both directions' input weights, (8H) × P: the forward's 4H rows, then the backward's. */
  wih: Float32Array
  /** Recurrent weights per direction, 4H × H; gates in PyTorch's order: input, forget, cell, output. */
  whhF: Float64Array
  whhB: Float64Array
  /** The same in blocks of four gate rows, as `./lstm.wat` reads them (when H is a multiple of 4). */
  blocksF?: Float32Array
  blocksB?: Float32Array
  /** Gate inputs (8H each) of the bias, of each frequent word (row 0: any other word). */
  gateBias: Float32Array
  gateFreq: Float32Array
  /** Gate inputs of the input codes, summed over each group of `INPUT_GROUPS` (one row per combination of its codes). */
  gateGroups: Float32Array[]
  /** Gate inputs of the GloVe words met so far. */
  gateGlove: Map<number, Float32Array>
  /** 9 × 2H. */
  outW: Float32Array
  outB: Float32Array
  /** The file, to write the model out again. */
  file: QuoteNNFile
}

/**
 * Inputs whose gate rows are summed ahead, for fewer additions per token: the rule labels with the rule
 * quote's kind (108 combinations), the quotation code, cue class with shape, entity type with part of
 * speech, the three position flags.
 */
const INPUT_GROUPS = [[0, 1, 2, 3], [4], [5, 6], [7, 8], [9, 10, 11]]

/** One table per group of inputs: for each combination of their codes (first input most significant), the sum of their rows. */
function groupTables(tables: readonly Float32Array[], sizes: readonly number[], width: number): Float32Array[] {
  return INPUT_GROUPS.map((group) => {
    const count = group.reduce((m, k) => m * sizes[k]!, 1)
    const out = new Float32Array(count * width)
    for (let row = 0; row < count; row++) {
      let rest = row
      for (let j = group.length - 1; j >= 0; j--) {
        const k = group[j]!
        const code = rest % sizes[k]!
        rest = Math.floor(rest / sizes[k]!)
        for (let d = 0; d < width; d++) out[row * width + d]! += tables[k]![code * width + d]!
      }
    }
    return out
  })
}

function f32(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64')
  const out = new Float32Array(buf.byteLength / 4)
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4)
  return out
}

/** `rows` (m × P) times the input weights (8H × P), transposed: m × 8H. */
function gates(wih: Float32Array, rows: Float32Array, P: number): Float32Array {
  const G = wih.length / P
  const m = rows.length / P
  const out = new Float32Array(m * G)
  for (let i = 0; i < m; i++) {
    for (let r = 0; r < G; r++) {
      let s = 0
      for (let k = 0; k < P; k++) s += wih[r * P + k]! * rows[i * P + k]!
      out[i * G + r] = s
    }
  }
  return out
}

/** Reads a model file, checking that its arrays have the sizes its dimensions say. */
export function decodeQuoteNN(file: QuoteNNFile): QuoteNN {
  if (file.format !== QUOTE_NN_FORMAT) throw new Error(`quote-nn: unknown model format ${JSON.stringify(file.format)} (expected ${QUOTE_NN_FORMAT}); retrain it with scripts/train-quote-nn.py`)
  const { proj: P, hidden: H } = file
  const bad = (what: string, got: number, want: number) => {
    if (got !== want) throw new Error(`quote-nn: ${what} has ${got} values, expected ${want}; the model file is damaged, retrain it with scripts/train-quote-nn.py`)
  }
  const gloveRows = new Int8Array(Buffer.from(file.gloveRows, 'base64'))
  const gloveScale = f32(file.gloveScale)
  const freqRows = f32(file.freqRows)
  const inputRows = file.inputRows.map(f32)
  const projBias = f32(file.projBias)
  const [fw, bw] = [file.forward, file.backward].map((d) => ({ wih: f32(d.wih), whh: f32(d.whh), b: f32(d.b) }))
  const outW = f32(file.outW)
  bad('gloveRows', gloveRows.length, file.gloveWords.length * P)
  bad('gloveScale', gloveScale.length, file.gloveWords.length)
  bad('freqRows', freqRows.length, (file.freqWords.length + 1) * P)
  bad('projBias', projBias.length, P)
  bad('inputRows', inputRows.length, file.sizes.length)
  if (INPUT_GROUPS.flat().length !== file.sizes.length) throw new Error(`quote-nn: the model reads ${file.sizes.length} inputs, this code ${INPUT_GROUPS.flat().length}; retrain it with scripts/train-quote-nn.py`)
  inputRows.forEach((r, k) => bad(`inputRows[${k}]`, r.length, file.sizes[k]! * P))
  for (const d of [fw!, bw!]) {
    bad('wih', d.wih.length, 4 * H * P)
    bad('whh', d.whh.length, 4 * H * H)
    bad('b', d.b.length, 4 * H)
  }
  bad('outW', outW.length, 9 * 2 * H)
  const wih = new Float32Array(8 * H * P)
  wih.set(fw!.wih, 0)
  wih.set(bw!.wih, 4 * H * P)
  const gateBias = gates(wih, projBias, P)
  gateBias.set(gateBias.subarray(0, 4 * H).map((v, r) => v + fw!.b[r]!), 0)
  gateBias.set(gateBias.subarray(4 * H).map((v, r) => v + bw!.b[r]!), 4 * H)
  return {
    proj: P,
    hidden: H,
    sizes: file.sizes,
    glove: new Map(file.gloveWords.map((w, i) => [w, i])),
    gloveRows,
    gloveScale,
    freq: new Map(file.freqWords.map((w, i) => [w, i + 1])),
    wih,
    whhF: Float64Array.from(fw!.whh),
    whhB: Float64Array.from(bw!.whh),
    ...(H % 4 === 0 ? { blocksF: blocks(fw!.whh, H), blocksB: blocks(bw!.whh, H) } : {}),
    gateBias,
    gateFreq: gates(wih, freqRows, P),
    gateGroups: groupTables(inputRows.map((r) => gates(wih, r, P)), file.sizes, 8 * H),
    gateGlove: new Map(),
    outW,
    outB: f32(file.outB),
    file,
  }
}

/** Recurrent weights (4H × H) in blocks of four gate rows: `out[((r >> 2) * H + k) * 4 + (r & 3)] = whh[r * H + k]`. */
function blocks(whh: Float32Array, H: number): Float32Array {
  const out = new Float32Array(4 * H * H)
  for (let r = 0; r < 4 * H; r++) for (let k = 0; k < H; k++) out[((r >> 2) * H + k) * 4 + (r & 3)] = whh[r * H + k]!
  return out
}

/** What this module uses of WebAssembly (the project's TypeScript settings have no DOM types). */
interface WasmMemory {
  buffer: ArrayBuffer
  grow(pages: number): number
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => { exports: Record<string, unknown> }
}

interface LstmWasm {
  memory: WasmMemory
  run: (w: number, gin: number, n: number, H: number, gstride: number, reverse: number, out: number, ostride: number, state: number) => void
}

let wasm: LstmWasm | null | undefined

/** The WebAssembly LSTM, instantiated once; null where WebAssembly SIMD is not available. */
function lstmWasm(): LstmWasm | null {
  if (wasm !== undefined) return wasm
  try {
    const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly
    const inst = new WA.Instance(new WA.Module(LSTM_WASM))
    wasm = { memory: inst.exports.memory as WasmMemory, run: inst.exports.run as LstmWasm['run'] }
  } catch {
    wasm = null
  }
  return wasm
}

/** How the recurrent part runs: WebAssembly where it can (the default), or JavaScript. */
export type NNEngine = 'wasm' | 'js'

/** The form a token is looked up in (as `norm` in scripts/train-quote-nn.py): lower case, straight quotes. */
export function nnWord(t: string): string {
  return t.toLowerCase().replace(/[“”„«»]/g, '"').replace(/[‘’`]/g, "'")
}

/** The gate inputs of GloVe word `i`, computed the first time it is met. */
function gloveGates(nn: QuoteNN, i: number): Float32Array {
  let g = nn.gateGlove.get(i)
  if (g) return g
  const P = nn.proj
  const row = new Float32Array(P)
  const s = nn.gloveScale[i]!
  for (let k = 0; k < P; k++) row[k] = nn.gloveRows[i * P + k]! * s
  g = gates(nn.wih, row, P)
  // (A long run meets at most the table's 30,000 words: 46 MB of rows at most.)
  nn.gateGlove.set(i, g)
  return g
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** One direction of the LSTM over the gate inputs `gin` (n × 8H, this direction's at `gOff`); writes its states into `out` (n × 2H) at `offset`. */
function runDirection(whh: Float64Array, gin: Float32Array, n: number, H: number, gOff: number, reverse: boolean, out: Float32Array, offset: number): void {
  const h = new Float64Array(H)
  const c = new Float64Array(H)
  const g = new Float64Array(4 * H)
  const G = 4 * H
  for (let step = 0; step < n; step++) {
    const t = reverse ? n - 1 - step : step
    const go = t * 8 * H + gOff
    // (Four gate rows at a time, each reading h once: the loop is the tagger's hottest.)
    for (let r = 0; r < G; r += 4) {
      let s0 = gin[go + r]!
      let s1 = gin[go + r + 1]!
      let s2 = gin[go + r + 2]!
      let s3 = gin[go + r + 3]!
      const w0 = r * H
      const w1 = w0 + H
      const w2 = w1 + H
      const w3 = w2 + H
      for (let k = 0; k < H; k++) {
        const hk = h[k]!
        s0 += whh[w0 + k]! * hk
        s1 += whh[w1 + k]! * hk
        s2 += whh[w2 + k]! * hk
        s3 += whh[w3 + k]! * hk
      }
      g[r] = s0
      g[r + 1] = s1
      g[r + 2] = s2
      g[r + 3] = s3
    }
    const o = t * 2 * H + offset
    for (let k = 0; k < H; k++) {
      const ig = sigmoid(g[k]!)
      const fg = sigmoid(g[H + k]!)
      const cg = Math.tanh(g[2 * H + k]!)
      const og = sigmoid(g[3 * H + k]!)
      const ck = fg * c[k]! + ig * cg
      c[k] = ck
      const hk = og * Math.tanh(ck)
      h[k] = hk
      out[o + k] = hk
    }
  }
}

/**
 * Per token, the probabilities of O, B and I in each layer: `probs[i * 9 + layer * 3 + tag]` (layers as
 * `LAYERS`: cue, source, content). `codes` are the tagger's `nnCodes` (`sizes.length` per token).
 */
export function runQuoteNN(nn: QuoteNN, tokens: readonly Token[], codes: Uint8Array, engine: NNEngine = 'wasm'): Float32Array {
  const n = tokens.length
  const { hidden: H, sizes } = nn
  const K = sizes.length
  const G = 8 * H
  // In WebAssembly's memory: both directions' weights, the gate inputs, the states, and two scratches.
  const wa = engine === 'wasm' && nn.blocksF && nn.blocksB ? lstmWasm() : null
  const W = 4 * H * H
  const at = { wF: 0, wB: W, gin: 2 * W, hs: 2 * W + n * G, sF: 2 * W + n * G + n * 2 * H, sB: 2 * W + n * G + n * 2 * H + 10 * H }
  if (wa) {
    const need = (at.sB + 10 * H) * 4
    const have = wa.memory.buffer.byteLength
    if (need > have) wa.memory.grow(Math.ceil((need - have) / 65536))
  }
  const mem = wa ? new Float32Array(wa.memory.buffer) : null
  const gin = mem ? mem.subarray(at.gin, at.gin + n * G) : new Float32Array(n * G)
  // A token's gate inputs: the sum of its rows (bias, GloVe word, frequent word, input-code groups),
  // added in one pass per token.
  const NG = INPUT_GROUPS.length
  const tabs: Float32Array[] = new Array(NG + 2)
  const offs = new Int32Array(NG + 2)
  const bias = nn.gateBias
  for (let i = 0; i < n; i++) {
    const o = i * G
    const w = nnWord(tokens[i]!.text)
    let gi = nn.glove.get(w)
    if (gi === undefined && w.endsWith('.')) gi = nn.glove.get(w.replace(/\.+$/, ''))
    let m = 0
    if (gi !== undefined) {
      tabs[m] = gloveGates(nn, gi)
      offs[m++] = 0
    }
    tabs[m] = nn.gateFreq
    offs[m++] = (nn.freq.get(w) ?? 0) * G
    for (let j = 0; j < NG; j++) {
      let row = 0
      for (const k of INPUT_GROUPS[j]!) row = row * sizes[k]! + Math.min(codes[i * K + k]!, sizes[k]! - 1)
      tabs[m] = nn.gateGroups[j]!
      offs[m++] = row * G
    }
    for (let k = 0; k < G; k++) {
      let s = bias[k]!
      for (let t = 0; t < m; t++) s += tabs[t]![offs[t]! + k]!
      gin[o + k] = s
    }
  }
  let hs: Float32Array
  if (wa && mem) {
    mem.set(nn.blocksF!, at.wF)
    mem.set(nn.blocksB!, at.wB)
    wa.run(at.wF * 4, at.gin * 4, n, H, G, 0, at.hs * 4, 2 * H, at.sF * 4)
    wa.run(at.wB * 4, (at.gin + 4 * H) * 4, n, H, G, 1, (at.hs + H) * 4, 2 * H, at.sB * 4)
    hs = mem.subarray(at.hs, at.hs + n * 2 * H)
  } else {
    hs = new Float32Array(n * 2 * H)
    runDirection(nn.whhF, gin, n, H, 0, false, hs, 0)
    runDirection(nn.whhB, gin, n, H, 4 * H, true, hs, H)
  }
  const probs = new Float32Array(n * 9)
  const z = new Float64Array(3)
  const { outW, outB } = nn
  const H2 = 2 * H
  for (let i = 0; i < n; i++) {
    const ho = i * H2
    for (let layer = 0; layer < 3; layer++) {
      let max = -Infinity
      for (let tag = 0; tag < 3; tag++) {
        const r = layer * 3 + tag
        let s = outB[r]!
        const wo = r * H2
        for (let k = 0; k < H2; k++) s += outW[wo + k]! * hs[ho + k]!
        z[tag] = s
        if (s > max) max = s
      }
      let sum = 0
      for (let tag = 0; tag < 3; tag++) sum += z[tag] = Math.exp(z[tag]! - max)
      for (let tag = 0; tag < 3; tag++) probs[i * 9 + layer * 3 + tag] = z[tag]! / sum
    }
  }
  return probs
}
