import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LSTM_WASM_TS, lstmWasmSource } from '../../scripts/build-lstm-wasm.js'

describe('the WebAssembly LSTM', () => {
  it('is shipped as what src/nlp/lstm.wat assembles to (run scripts/build-lstm-wasm.ts after editing it)', async () => {
    expect(readFileSync(LSTM_WASM_TS, 'utf8')).toBe(await lstmWasmSource())
  })
})
