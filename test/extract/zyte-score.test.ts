import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { aggregate, predictionsFromJson, scoreAll, scorePage, shingles, tokenize } from '../../scripts/eval/zyte-score.js'

describe('zyte scorer units', () => {
  it('tokenizes like Python \\w+ (letters, digits, _; case kept; marks split)', () => {
    expect(tokenize("Don't stop_me now, 2024! Ünïcode")).toEqual(['Don', 't', 'stop_me', 'now', '2024', 'Ünïcode'])
    expect(tokenize('e\u0301te')).toEqual(['e', 'te'])
  })
  it('makes 4-gram shingles, one short shingle for short texts', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e']).keys()].length).toBe(2)
    expect(shingles(['a', 'b']).size).toBe(1)
    expect(shingles([]).size).toBe(0)
  })
  it('normalises per-page counts and handles the degenerate cases', () => {
    const same = scorePage('one two three four five', 'one two three four five')
    expect(same).toMatchObject({ tp: 1, fp: 0, fn: 0, exact: true })
    const empty = scorePage('one two three four five', '')
    expect(empty).toMatchObject({ tp: 0, fp: 0, fn: 1 })
    const s = aggregate([same, empty])
    expect(s.precision).toBe(1) // the empty prediction is left out of precision
    expect(s.recall).toBe(0.5)
    expect(s.accuracy).toBe(0.5)
  })
})

const dir = fileURLToPath(new URL('../../../shared/data/extraction/zyte-benchmark/', import.meta.url))
const present = existsSync(dir)
if (!present) console.log(`zyte-score: ${dir} absent, published-output checks skipped`)

describe.skipIf(!present)('zyte scorer against the published table (dev split)', () => {
  const load = (f: string) => predictionsFromJson(JSON.parse(readFileSync(dir + f, 'utf8')))
  // system, F1, P, R, accuracy — from the benchmark README
  const table: [string, number, number, number, number][] = [
    ['readability_js', 0.944, 0.909, 0.983, 0.144],
    ['html-text', 0.658, 0.492, 0.993, 0],
    ['trafilatura', 0.955, 0.933, 0.979, 0.28],
    ['AutoExtract', 0.966, 0.981, 0.952, 0.416],
    ['justext', 0.799, 0.861, 0.745, 0.08],
  ]
  it.each(table)('%s', (system, f1, p, r, acc) => {
    const s = scoreAll(load('ground-truth.json'), load(`output/${system}.json`))
    expect(s.f1).toBeCloseTo(f1, 3)
    expect(s.precision).toBeCloseTo(p, 3)
    expect(s.recall).toBeCloseTo(r, 3)
    expect(s.accuracy).toBeCloseTo(acc, 3)
  })
})
