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
 * A model may have a second LSTM layer (`layer2`; the shipped ones have one layer), which reads the
 * first's states: its gate inputs are one matrix product per token.
 * The sums, the recurrent part and the output layer run in WebAssembly with SIMD (`./lstm.wat`, four
 * lanes of float32, as PyTorch computes; each network keeps its tables in its own instance's memory)
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
  /** A second LSTM layer over the first's states (input weights 4H × 2H per direction); absent: one layer. */
  layer2?: { forward: { wih: string; whh: string; b: string }; backward: { wih: string; whh: string; b: string } }
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
  /** The WebAssembly instance holding this network's tables, made on first use (null: not available). */
  wasm?: NNWasm | null
  /** Gate inputs (8H each) of the bias, of each frequent word (row 0: any other word). */
  gateBias: Float32Array
  gateFreq: Float32Array
  /** Gate inputs of the input codes, summed over each group of `INPUT_GROUPS` (one row per combination of its codes). */
  gateGroups: Float32Array[]
  /** Gate inputs of the GloVe words met so far. */
  gateGlove: Map<number, Float32Array>
  /** The second layer, when the model has one. */
  layer2?: NNLayer2
  /** 9 × 2H. */
  outW: Float32Array
  outB: Float32Array
  /** The file, to write the model out again. */
  file: QuoteNNFile
}

/** A second LSTM layer: its gate inputs are `wih` (8H × 2H: the forward's 4H rows, then the backward's) times the first layer's states, plus `b`. */
export interface NNLayer2 {
  wih: Float32Array
  b: Float32Array
  whhF: Float64Array
  whhB: Float64Array
  blocksF?: Float32Array
  blocksB?: Float32Array
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
  let layer2: NNLayer2 | undefined
  if (file.layer2) {
    const [f2, b2] = [file.layer2.forward, file.layer2.backward].map((d) => ({ wih: f32(d.wih), whh: f32(d.whh), b: f32(d.b) }))
    for (const d of [f2!, b2!]) {
      bad('layer2 wih', d.wih.length, 4 * H * 2 * H)
      bad('layer2 whh', d.whh.length, 4 * H * H)
      bad('layer2 b', d.b.length, 4 * H)
    }
    const wih2 = new Float32Array(8 * H * 2 * H)
    wih2.set(f2!.wih, 0)
    wih2.set(b2!.wih, 4 * H * 2 * H)
    const b = new Float32Array(8 * H)
    b.set(f2!.b, 0)
    b.set(b2!.b, 4 * H)
    layer2 = { wih: wih2, b, whhF: Float64Array.from(f2!.whh), whhB: Float64Array.from(b2!.whh), ...(H % 4 === 0 ? { blocksF: blocks(f2!.whh, H), blocksB: blocks(b2!.whh, H) } : {}) }
  }
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
    ...(layer2 ? { layer2 } : {}),
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

interface WasmExports {
  memory: WasmMemory
  run: (w: number, gin: number, n: number, H: number, gstride: number, reverse: number, out: number, ostride: number, state: number) => void
  sum: (idx: number, n: number, slots: number, G: number, bias: number, dst: number) => void
  dense: (x: number, n: number, inSize: number, w: number, b: number, nout: number, dst: number) => void
}

/**
 * A network's instance of `./lstm.wat`: its tables copied into the instance's memory once (byte offsets
 * below), the gate rows of the GloVe words met so far after them, and each document's scratch on top.
 */
interface NNWasm {
  x: WasmExports
  bias: number
  zero: number
  freq: number
  groups: number[]
  wF: number
  wB: number
  /** The input weights (8H × P), for the gate rows of GloVe words (0 when P is not a multiple of 4: then JavaScript computes them). */
  wih: number
  /** The second layer's input weights and bias, recurrent blocks (0 when there is none). */
  wih2: number
  b2: number
  wF2: number
  wB2: number
  outW: number
  outB: number
  /** Byte offset of each GloVe word's gate row. */
  glove: Map<number, number>
  /** First free byte. */
  top: number
}

let wasmModule: object | null | undefined

/** An instance of the WebAssembly module, or null where WebAssembly SIMD is not available. */
function wasmInstance(): WasmExports | null {
  const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly
  try {
    if (wasmModule === undefined) wasmModule = WA ? new WA.Module(LSTM_WASM) : null
    return wasmModule && WA ? (new WA.Instance(wasmModule).exports as unknown as WasmExports) : null
  } catch {
    wasmModule = null
    return null
  }
}

/** Grows the instance's memory to hold `bytes` (at least doubling it, so that growing is rare). */
function ensure(x: WasmExports, bytes: number): void {
  const have = x.memory.buffer.byteLength
  if (bytes > have) x.memory.grow(Math.ceil((Math.max(bytes, 2 * have) - have) / 65536))
}

/** The network's WebAssembly instance with its tables, made on first use. */
function nnWasm(nn: QuoteNN): NNWasm | null {
  if (nn.wasm !== undefined) return nn.wasm
  const x = nn.blocksF && nn.blocksB && (!nn.layer2 || nn.layer2.blocksF) ? wasmInstance() : null
  if (!x) return (nn.wasm = null)
  const l2 = nn.layer2
  const none = new Float32Array(0)
  const parts: Float32Array[] = [nn.gateBias, new Float32Array(nn.gateBias.length), nn.gateFreq, ...nn.gateGroups, nn.blocksF!, nn.blocksB!, nn.outW, nn.outB, l2?.wih ?? none, l2?.b ?? none, l2?.blocksF ?? none, l2?.blocksB ?? none, nn.proj % 4 === 0 ? nn.wih : none]
  const at: number[] = []
  let top = 0
  for (const p of parts) {
    at.push(top)
    top += Math.ceil(p.length / 4) * 16
  }
  ensure(x, top)
  const mem = new Float32Array(x.memory.buffer)
  parts.forEach((p, k) => mem.set(p, at[k]! / 4))
  const NG = nn.gateGroups.length
  const [wih2, b2, wF2, wB2] = l2 ? at.slice(7 + NG, 11 + NG) : [0, 0, 0, 0]
  nn.wasm = { x, bias: at[0]!, zero: at[1]!, freq: at[2]!, groups: at.slice(3, 3 + NG), wF: at[3 + NG]!, wB: at[4 + NG]!, wih: nn.proj % 4 === 0 ? at[11 + NG]! : 0, wih2: wih2!, b2: b2!, wF2: wF2!, wB2: wB2!, outW: at[5 + NG]!, outB: at[6 + NG]!, glove: new Map(), top }
  return nn.wasm
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
  g = computeGloveGates(nn, i)
  // (A long run meets at most the table's 30,000 words: 46 MB of rows at most.)
  nn.gateGlove.set(i, g)
  return g
}

function computeGloveGates(nn: QuoteNN, i: number): Float32Array {
  const P = nn.proj
  const row = new Float32Array(P)
  const s = nn.gloveScale[i]!
  for (let k = 0; k < P; k++) row[k] = nn.gloveRows[i * P + k]! * s
  return gates(nn.wih, row, P)
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
  const { sizes } = nn
  const K = sizes.length
  const NG = INPUT_GROUPS.length
  // Each token's table rows: its GloVe word (-1: none), its frequent word (0: any other), its input-code groups.
  const gloveId = new Int32Array(n)
  const freqId = new Int32Array(n)
  const groupRow = new Int32Array(n * NG)
  for (let i = 0; i < n; i++) {
    const w = nnWord(tokens[i]!.text)
    let gi = nn.glove.get(w)
    if (gi === undefined && w.endsWith('.')) gi = nn.glove.get(w.replace(/\.+$/, ''))
    gloveId[i] = gi ?? -1
    freqId[i] = nn.freq.get(w) ?? 0
    for (let j = 0; j < NG; j++) {
      let row = 0
      for (const k of INPUT_GROUPS[j]!) row = row * sizes[k]! + Math.min(codes[i * K + k]!, sizes[k]! - 1)
      groupRow[i * NG + j] = row
    }
  }
  const wa = engine === 'wasm' ? nnWasm(nn) : null
  const logits = wa ? runWasm(nn, wa, n, gloveId, freqId, groupRow) : runJs(nn, n, gloveId, freqId, groupRow)
  // Softmax over the three tags of each layer.
  const probs = new Float32Array(n * 9)
  for (let i = 0; i < n * 3; i++) {
    const a = logits[i * 3]!
    const b = logits[i * 3 + 1]!
    const c = logits[i * 3 + 2]!
    const max = Math.max(a, b, c)
    const ea = Math.exp(a - max)
    const eb = Math.exp(b - max)
    const ec = Math.exp(c - max)
    const sum = ea + eb + ec
    probs[i * 3] = ea / sum
    probs[i * 3 + 1] = eb / sum
    probs[i * 3 + 2] = ec / sum
  }
  return probs
}

/** The network in WebAssembly: the output layer's values (n × 9) for the token rows given. */
function runWasm(nn: QuoteNN, wa: NNWasm, n: number, gloveId: Int32Array, freqId: Int32Array, groupRow: Int32Array): Float32Array {
  const { x } = wa
  const H = nn.hidden
  const G = 8 * H
  const NG = INPUT_GROUPS.length
  // The gate rows of GloVe words met for the first time go on top of the others: their 8-bit rows,
  // scaled, times the input weights, in one product (in JavaScript when P is not a multiple of 4).
  const fresh: number[] = []
  for (let i = 0; i < n; i++) {
    const gi = gloveId[i]!
    if (gi < 0 || wa.glove.has(gi)) continue
    wa.glove.set(gi, wa.top + fresh.length * G * 4)
    fresh.push(gi)
  }
  if (fresh.length) {
    const m = fresh.length
    const P = nn.proj
    const scratch = wa.top + m * G * 4
    ensure(x, scratch + m * P * 4)
    if (wa.wih) {
      const rows = new Float32Array(x.memory.buffer, scratch, m * P)
      for (let j = 0; j < m; j++) {
        const gi = fresh[j]!
        const s = nn.gloveScale[gi]!
        for (let k = 0; k < P; k++) rows[j * P + k] = nn.gloveRows[gi * P + k]! * s
      }
      x.dense(scratch, m, P, wa.wih, wa.zero, G, wa.top)
    } else {
      const mem = new Float32Array(x.memory.buffer, wa.top, m * G)
      fresh.forEach((gi, j) => mem.set(computeGloveGates(nn, gi), j * G))
    }
    wa.top += m * G * 4
  }
  // This document's scratch on top: row offsets, gate inputs, states, output values, the directions' state.
  const slots = NG + 2
  const idx = wa.top
  const gin = idx + Math.ceil((n * slots) / 4) * 16
  const hs = gin + n * G * 4
  const out = hs + n * 2 * H * 4
  const state = out + Math.ceil((n * 9) / 4) * 16
  ensure(x, state + 20 * H * 4)
  const rows = new Int32Array(x.memory.buffer, idx, n * slots)
  for (let i = 0; i < n; i++) {
    const o = i * slots
    const gi = gloveId[i]!
    rows[o] = gi < 0 ? wa.zero : wa.glove.get(gi)!
    rows[o + 1] = wa.freq + freqId[i]! * G * 4
    for (let j = 0; j < NG; j++) rows[o + 2 + j] = wa.groups[j]! + groupRow[i * NG + j]! * G * 4
  }
  x.sum(idx, n, slots, G, wa.bias, gin)
  x.run(wa.wF, gin, n, H, G, 0, hs, 2 * H, state)
  x.run(wa.wB, gin + 4 * H * 4, n, H, G, 1, hs + H * 4, 2 * H, state + 10 * H * 4)
  if (nn.layer2) {
    // The second layer: its gate inputs from the first's states (into the first's gate inputs, no longer
    // needed), its states over the first's.
    x.dense(hs, n, 2 * H, wa.wih2, wa.b2, G, gin)
    x.run(wa.wF2, gin, n, H, G, 0, hs, 2 * H, state)
    x.run(wa.wB2, gin + 4 * H * 4, n, H, G, 1, hs + H * 4, 2 * H, state + 10 * H * 4)
  }
  x.dense(hs, n, 2 * H, wa.outW, wa.outB, 9, out)
  return new Float32Array(x.memory.buffer, out, n * 9).slice()
}

/** The network in JavaScript (float64): the output layer's values (n × 9) for the token rows given. */
function runJs(nn: QuoteNN, n: number, gloveId: Int32Array, freqId: Int32Array, groupRow: Int32Array): Float64Array {
  const H = nn.hidden
  const G = 8 * H
  const NG = INPUT_GROUPS.length
  const gin = new Float32Array(n * G)
  const acc = new Float64Array(G)
  const add = (tab: Float32Array, off: number) => {
    for (let k = 0; k < G; k++) acc[k]! += tab[off + k]!
  }
  for (let i = 0; i < n; i++) {
    acc.set(nn.gateBias)
    if (gloveId[i]! >= 0) add(gloveGates(nn, gloveId[i]!), 0)
    add(nn.gateFreq, freqId[i]! * G)
    for (let j = 0; j < NG; j++) add(nn.gateGroups[j]!, groupRow[i * NG + j]! * G)
    gin.set(acc, i * G)
  }
  let hs = new Float32Array(n * 2 * H)
  runDirection(nn.whhF, gin, n, H, 0, false, hs, 0)
  runDirection(nn.whhB, gin, n, H, 4 * H, true, hs, H)
  const H2 = 2 * H
  const l2 = nn.layer2
  if (l2) {
    for (let i = 0; i < n; i++)
      for (let r = 0; r < G; r++) {
        let s = l2.b[r]!
        for (let k = 0; k < H2; k++) s += l2.wih[r * H2 + k]! * hs[i * H2 + k]!
        gin[i * G + r] = s
      }
    hs = new Float32Array(n * 2 * H)
    runDirection(l2.whhF, gin, n, H, 0, false, hs, 0)
    runDirection(l2.whhB, gin, n, H, 4 * H, true, hs, H)
  }
  const out = new Float64Array(n * 9)
  const { outW, outB } = nn
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < 9; r++) {
      let s = outB[r]!
      for (let k = 0; k < H2; k++) s += outW[r * H2 + k]! * hs[i * H2 + k]!
      out[i * 9 + r] = s
    }
  }
  return out
}

/** The probabilities of several networks (trained from different seeds), averaged; those of one alone. */
export function runQuoteNNs(nns: readonly QuoteNN[], tokens: readonly Token[], codes: Uint8Array): Float32Array {
  if (nns.length === 1) return runQuoteNN(nns[0]!, tokens, codes)
  const sum = new Float32Array(tokens.length * 9)
  for (const nn of nns) {
    const p = runQuoteNN(nn, tokens, codes)
    for (let k = 0; k < sum.length; k++) sum[k]! += p[k]!
  }
  for (let k = 0; k < sum.length; k++) sum[k]! /= nns.length
  return sum
}
