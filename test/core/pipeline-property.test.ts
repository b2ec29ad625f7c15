import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analysisSchema, checkAnalysisIntegrity } from '../../src/core/schema.js'
import { analyzeArticle } from '../../src/pipeline.js'

/**
 * The whole pipeline on text it was not written for: sentences of the bundled sample (openly
 * licensed news) cut, shuffled and spliced with odd quotation marks, dashes, line breaks, invisible
 * and astral characters. Whatever comes in, the analysis keeps the contract: it parses, every span
 * points into the text and names the slice it claims, every id it refers to exists.
 */
const sample = readFileSync(new URL('../../samples/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text)
const sentences = sample.flatMap((t) => t.split(/(?<=[.!?]["”’]?)\s+/)).filter((s) => s.length > 20)

const noise = fc.constantFrom(
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', "''", '``', ' — ', ' – ', ' - ', '\n', '\n\n', '\r\n', '\t', ': ', ', ', '. ',
  '\u200b', '\u00a0', '\ufeff', '😀', '\ud83d', 'é', 'e\u0301', 'İ', 'ß', 'ﬁ', 'ǅ', 'Ⅻ', '١٢٣', '中文', '—“', '…', '...',
  ' he said', ' said Lavrov', ' according to officials', ' NBC reported', 'Mr.', 'U.S.', 'APRIL 3, 2023', ' 2023-04-01 ',
)
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...sentences) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...sentences), fc.double({ min: 0, max: 1, noNaN: true })).map(([s, at]) => s.slice(Math.floor(at * s.length))) },
  { weight: 2, arbitrary: noise },
  { weight: 1, arbitrary: fc.constantFrom(...sentences).map((s) => s.toUpperCase()) },
)

describe('analyzeArticle on spliced and mutated text', () => {
  it('never throws, and the analysis keeps the contract', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (parts, dated) => {
        const text = parts.join(parts.length % 2 ? ' ' : '')
        const a = analyzeArticle({ text, ...(dated ? { published: '2023-07-08' } : {}) })
        analysisSchema.parse(JSON.parse(JSON.stringify(a)))
        expect(checkAnalysisIntegrity(a)).toEqual([])
      }),
      { numRuns: 150, seed: 20261129 },
    )
  })

  it('stays fast on one very long paragraph with unbalanced quotation marks', () => {
    const text = Array.from({ length: 400 }, (_, i) => sentences[i % sentences.length]!.replace(/[.!?]["”’]?$/, i % 7 ? ',' : ' “')).join(' ')
    const t0 = performance.now()
    const a = analyzeArticle({ text })
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(checkAnalysisIntegrity(a)).toEqual([])
    expect(a.entities.length).toBeGreaterThan(0)
  })
})
