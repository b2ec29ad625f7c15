import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { prepareQuotes } from '../../src/nlp/find-quotes.js'
import { decodeQuoteNN, nnWord, QUOTE_NN_FORMAT, runQuoteNN, runQuoteNNs, type QuoteNNFile } from '../../src/nlp/quote-nn.js'
import { BITS, decodeModel, encodeModel, NOUT, NN_INPUT_SIZES, NN_INPUTS, NNEURAL, NSTATIC, staticFeatures } from '../../src/nlp/quote-tagger.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

/** A tiny random model written by `scripts/train-quote-nn.py --fixture`, with PyTorch's probabilities for six tokens. */
const fixture = JSON.parse(gunzipSync(readFileSync(new URL('../../fixtures/quotes/quote-nn-tiny.json.gz', import.meta.url))).toString('utf8')) as {
  model: QuoteNNFile
  tokens: string[]
  codes: number[][]
  probs: number[][]
}
/** The same with two LSTM layers (`--fixture --layers 2`). */
const fixture2 = JSON.parse(gunzipSync(readFileSync(new URL('../../fixtures/quotes/quote-nn-tiny-2l.json.gz', import.meta.url))).toString('utf8')) as typeof fixture
const tokens = fixture.tokens.map((text, i) => ({ text, start: i * 10, end: i * 10 + text.length }))
const codes = Uint8Array.from(fixture.codes.flat())

describe('the neural quote tagger', () => {
  it('reads the input codes the training script numbers', () => {
    expect(fixture.model.sizes).toEqual([...NN_INPUT_SIZES])
    expect(fixture.codes[0]).toHaveLength(NN_INPUTS)
  })

  it('gives the probabilities PyTorch gives for the same model and tokens', () => {
    const probs = runQuoteNN(decodeQuoteNN(fixture.model), tokens, codes)
    expect(probs).toHaveLength(tokens.length * 9)
    fixture.probs.forEach((row, i) => row.forEach((p, k) => expect(probs[i * 9 + k]).toBeCloseTo(p, 5)))
  })

  it('gives the same probabilities in WebAssembly and in JavaScript, also where memory must grow', () => {
    const nn = decodeQuoteNN(fixture.model)
    expect(nn.blocksF).toBeDefined()
    const js = runQuoteNN(nn, tokens, codes, 'js')
    const wasm = runQuoteNN(nn, tokens, codes, 'wasm')
    js.forEach((p, k) => expect(wasm[k]).toBeCloseTo(p, 6))
    // A document of 20,000 tokens needs more than the module's first page of memory; then a short one again.
    const many = Array.from({ length: 20000 }, (_, i) => tokens[i % tokens.length]!)
    const manyCodes = Uint8Array.from({ length: 20000 * NN_INPUTS }, (_, k) => codes[k % codes.length]!)
    const longJs = runQuoteNN(nn, many, manyCodes, 'js')
    const longWasm = runQuoteNN(nn, many, manyCodes, 'wasm')
    let worst = 0
    longJs.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - longWasm[k]!))))
    expect(worst).toBeLessThan(1e-5)
    expect([...runQuoteNN(nn, tokens, codes, 'wasm')]).toEqual([...wasm])
    // A second network keeps its own tables: running it changes nothing for the first.
    const other = decodeQuoteNN({ ...fixture.model, outB: Buffer.from(new Float32Array(9).fill(0.5).buffer).toString('base64') })
    expect([...runQuoteNN(other, tokens, codes, 'wasm')]).not.toEqual([...wasm])
    expect([...runQuoteNN(nn, tokens, codes, 'wasm')]).toEqual([...wasm])
  })

  it('runs a second LSTM layer as PyTorch does, in WebAssembly and in JavaScript', () => {
    expect(fixture2.tokens).toEqual(fixture.tokens)
    const nn = decodeQuoteNN(fixture2.model)
    expect(nn.layer2).toBeDefined()
    for (const engine of ['wasm', 'js'] as const) {
      const probs = runQuoteNN(nn, tokens, codes, engine)
      fixture2.probs.forEach((row, i) => row.forEach((p, k) => expect(probs[i * 9 + k]).toBeCloseTo(p, 5)))
    }
    expect(nn.wasm).toBeTruthy()
    // The second layer changes what comes out: the one-layer model of the same seed gives other probabilities.
    const one = runQuoteNN(decodeQuoteNN(fixture.model), tokens, codes)
    expect(Math.max(...[...runQuoteNN(nn, tokens, codes)].map((p, k) => Math.abs(p - one[k]!)))).toBeGreaterThan(1e-3)
    // A damaged second layer is refused like the first.
    const { layer2 } = fixture2.model
    expect(() => decodeQuoteNN({ ...fixture2.model, layer2: { ...layer2!, backward: { ...layer2!.backward, wih: layer2!.backward.b } } })).toThrow(/layer2 wih has 16 values, expected 128.*train-quote-nn\.py/)
  })

  it('computes the gate rows of GloVe words in WebAssembly when the projection is a multiple of 4', () => {
    // The fixture's projection (5) widened to 8 with zero columns: the same network, now on that path.
    const m = fixture.model
    const P = m.proj
    const W = 8
    const widen = (b64: string, bytes: 1 | 4) => {
      const src = Buffer.from(b64, 'base64')
      const rows = src.length / bytes / P
      const out = Buffer.alloc(rows * W * bytes)
      for (let r = 0; r < rows; r++) src.copy(out, r * W * bytes, r * P * bytes, (r + 1) * P * bytes)
      return out.toString('base64')
    }
    const dir = (d: QuoteNNFile['forward']) => ({ ...d, wih: widen(d.wih, 4) })
    const wide: QuoteNNFile = { ...m, proj: W, gloveRows: widen(m.gloveRows, 1), freqRows: widen(m.freqRows, 4), inputRows: m.inputRows.map((r) => widen(r, 4)), projBias: widen(m.projBias, 4), forward: dir(m.forward), backward: dir(m.backward) }
    const nn = decodeQuoteNN(wide)
    const probs = runQuoteNN(nn, tokens, codes, 'wasm')
    expect(nn.wasm?.wih).toBeGreaterThan(0)
    fixture.probs.forEach((row, i) => row.forEach((p, k) => expect(probs[i * 9 + k]).toBeCloseTo(p, 5)))
    // Words met again read the rows made the first time: another document with the same words agrees with JavaScript.
    const back = [...tokens].reverse()
    const backCodes = Uint8Array.from(fixture.codes.slice().reverse().flat())
    const js = runQuoteNN(nn, back, backCodes, 'js')
    runQuoteNN(nn, back, backCodes, 'wasm').forEach((p, k) => expect(p).toBeCloseTo(js[k]!, 6))
  })

  it('gives each layer of each token probabilities that sum to one', () => {
    const probs = runQuoteNN(decodeQuoteNN(fixture.model), tokens, codes)
    for (let i = 0; i < tokens.length * 3; i++) expect(probs[i * 3]! + probs[i * 3 + 1]! + probs[i * 3 + 2]!).toBeCloseTo(1, 5)
  })

  it('looks words up in lower case with straight quotation marks', () => {
    expect(nnWord('“Said’')).toBe(`"said'`)
    // "The" and "the" are one word to the model: the same token gives the same probabilities.
    const nn = decodeQuoteNN(fixture.model)
    const a = runQuoteNN(nn, [{ text: 'The', start: 0, end: 3 }], codes.subarray(0, NN_INPUTS))
    const b = runQuoteNN(nn, [{ text: 'the', start: 0, end: 3 }], codes.subarray(0, NN_INPUTS))
    expect([...a]).toEqual([...b])
  })

  it('refuses a damaged file or another format, saying how to make a new one', () => {
    expect(() => decodeQuoteNN({ ...fixture.model, outW: fixture.model.outB })).toThrow(/outW has 9 values, expected 72.*train-quote-nn\.py/)
    expect(() => decodeQuoteNN({ ...fixture.model, format: 'other' as typeof QUOTE_NN_FORMAT })).toThrow(/unknown model format "other"/)
  })

  it('adds NNEURAL rows per token to the perceptron, and travels with the model file', () => {
    const text = 'The minister said that the talks had failed.'
    const toks = tokenize(text)
    const { input } = prepareQuotes({ text, tokens: toks, sentences: splitSentences(text, toks), entities: [] }, { model: null })
    const nn = decodeQuoteNN(fixture.model)
    expect(staticFeatures(input).width).toBe(NSTATIC)
    const f = staticFeatures(input, undefined, [nn])
    expect(f.width).toBe(NSTATIC + NNEURAL)
    // The rows differ from token to token with the probabilities.
    expect(new Set(Array.from({ length: f.n }, (_, i) => f.rows[i * f.width + NSTATIC + 3])).size).toBeGreaterThan(1)
    const back = decodeModel(JSON.parse(JSON.stringify(encodeModel({ weights: new Float32Array((1 << BITS) * NOUT), nn: [nn] }))))
    expect(back.nn).toHaveLength(1)
    expect([...runQuoteNN(back.nn![0]!, tokens, codes)]).toEqual([...runQuoteNN(nn, tokens, codes)])
    // A model file of before the second network holds one network, not a list: it still reads.
    const old = encodeModel({ weights: new Float32Array((1 << BITS) * NOUT) })
    expect(decodeModel({ ...old, nn: fixture.model }).nn).toHaveLength(1)
  })

  it('averages the probabilities of several networks', () => {
    const a = decodeQuoteNN(fixture.model)
    const b = decodeQuoteNN({ ...fixture.model, outB: Buffer.from(new Float32Array(9).fill(0.5).buffer).toString('base64') })
    const pa = runQuoteNN(a, tokens, codes)
    const pb = runQuoteNN(b, tokens, codes)
    const both = runQuoteNNs([a, b], tokens, codes)
    both.forEach((p, k) => expect(p).toBeCloseTo((pa[k]! + pb[k]!) / 2, 6))
    expect([...runQuoteNNs([a], tokens, codes)]).toEqual([...pa])
  })
})
