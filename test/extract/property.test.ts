import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/extract/extract-html.js'
import { trimScrapedText } from '../../src/extract/trim-scraped.js'

const fixtures = ['news-article.html', 'jsonld-article.html'].map((f) =>
  readFileSync(new URL(`../../fixtures/extract/${f}`, import.meta.url), 'utf8'),
)
const zyteDir = fileURLToPath(new URL('../../../shared/data/extraction/zyte-benchmark/html/', import.meta.url))
const real = existsSync(zyteDir)
  ? readdirSync(zyteDir).sort().slice(0, 6).map((f) => gunzipSync(readFileSync(zyteDir + f)).toString('utf8'))
  : []
if (!real.length) console.log('property: zyte pages absent, fuzzing fixtures only')
const corpus = [...fixtures, ...real]

/** A page from the corpus, then a chain of edits: truncation, cut, duplication, inserted junk markup. */
const mutatedPage = fc
  .tuple(
    fc.integer({ min: 0, max: corpus.length - 1 }),
    fc.array(
      fc.tuple(
        fc.constantFrom('truncate', 'cut', 'dup', 'insert'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('<div>', '</div>', '<p', '<!--', '<script>', '</', '"', '<table><tr><td>', '&amp', '\u0000', '<br/>', '<![CDATA[', '<svg><title>', '</body></html>', '<a href="', 'é\ud800'),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([i, edits]) => {
    let html = corpus[i]!
    for (const [op, a, b, junk] of edits) {
      const x = Math.floor(a * html.length)
      const y = Math.floor(b * html.length)
      const [lo, hi] = x < y ? [x, y] : [y, x]
      if (op === 'truncate') html = html.slice(0, x)
      else if (op === 'cut') html = html.slice(0, lo) + html.slice(Math.min(hi, lo + 5000))
      else if (op === 'dup') html = html.slice(0, hi) + html.slice(lo, Math.min(hi, lo + 5000)) + html.slice(hi)
      else html = html.slice(0, x) + junk.repeat(1 + Math.floor(b * 50)) + html.slice(x)
    }
    return html
  })

/**
 * Runs per property: 2,000 + 1,000 mutated pages by default (about 10 s here); set
 * PROPERTY_RUNS=20000 (say) for a heavier run of the first property (the second gets half).
 */
const runs = Number(process.env['PROPERTY_RUNS'] ?? 2000)

describe('extractHtml and trimScrapedText never throw and stay fast on mutated pages', () => {
  it('extractHtml', () => {
    fc.assert(
      fc.property(mutatedPage, (html) => {
        const t0 = performance.now()
        const a = extractHtml(html)
        expect(performance.now() - t0).toBeLessThan(1000)
        expect(typeof a.text).toBe('string')
        // Output contract: no blank lines, no padded lines.
        for (const line of a.text ? a.text.split('\n') : []) expect(line).toBe(line.trim().replace(/\s+/g, ' ') || 'non-empty')
      }),
      { numRuns: runs },
    )
  }, 120_000)

  it('trimScrapedText keeps text = input minus removed spans', () => {
    fc.assert(
      fc.property(mutatedPage, (html) => {
        const input = extractHtml(html).text + '\nComments\nPowered by Example CMS'
        const t0 = performance.now()
        const { text, removed } = trimScrapedText(input)
        expect(performance.now() - t0).toBeLessThan(1000)
        let rebuilt = ''
        let pos = 0
        for (const r of removed) {
          expect(r.start).toBeGreaterThanOrEqual(pos)
          rebuilt += input.slice(pos, r.start)
          pos = r.end
        }
        expect(rebuilt + input.slice(pos)).toBe(text)
      }),
      { numRuns: Math.ceil(runs / 2) },
    )
  }, 120_000)
})
