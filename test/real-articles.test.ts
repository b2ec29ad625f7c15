import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analysisSchema, checkAnalysisIntegrity } from '../src/core/schema.js'
import type { Analysis } from '../src/core/types.js'
import { analyzeArticle } from '../src/pipeline.js'

/**
 * End to end on real articles nobody here wrote, read at test time from ../shared/data (their texts
 * are not openly licensed, so they are not copied into the repository). Each case asserts facts a
 * reader sees in the article.
 */
const data = fileURLToPath(new URL('../../shared/data/', import.meta.url))
const polnearFile = `${data}quotes/polnear/dev.jsonl`
const pagesDir = `${data}extraction/readability-test-pages/`
const havePolnear = existsSync(polnearFile)
const havePages = existsSync(pagesDir)
if (!havePolnear || !havePages) console.log(`skipping real-article tests: ${data} not found (it comes with ../shared)`)

function valid(a: Analysis): Analysis {
  analysisSchema.parse(JSON.parse(JSON.stringify(a)))
  expect(checkAnalysisIntegrity(a)).toEqual([])
  return a
}

const quoteOf = (a: Analysis, words: string) => {
  const q = a.quotes.find((x) => x.text.includes(words))
  if (!q) throw new Error(`no quote with ${JSON.stringify(words)}; quotes: ${a.quotes.map((x) => x.text.slice(0, 40)).join(' | ')}`)
  return q
}
const entityName = (a: Analysis, id: string | undefined) => a.entities.find((e) => e.id === id)?.name

describe.skipIf(!havePolnear)('PolNeAR articles (plain text)', () => {
  const docs = havePolnear
    ? new Map(
        readFileSync(polnearFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { id: string; text: string; meta: { publication_date?: string } })
          .map((d) => [d.id, d]),
      )
    : new Map()
  const analyse = (id: string) => {
    const d = docs.get(id)
    if (!d) throw new Error(`PolNeAR article ${id} not found`)
    return valid(analyzeArticle({ id: d.id, text: d.text, published: d.meta.publication_date ?? null }, { raw: true }))
  }

  it('Politico: Wasserman Schultz is quoted on the joint fundraising agreement', () => {
    const a = analyse('politico_2016-04-20_dnc-chair-dismisses-sanders-accu')
    const q = quoteOf(a, 'Both candidates have a joint fundraising agreement')
    expect(q.kind).toBe('direct')
    expect(q.speaker.text).toMatch(/Wasserman Schultz/)
    expect(entityName(a, q.speaker.entity)).toMatch(/Wasserman Schultz/)
    expect(q.cue?.text).toMatch(/^said/)
  })

  it('USA Today: Matt Mackowiak says Carson is cratering; Phil Musser on Trump', () => {
    const a = analyse('usa-today_2015-11-25_carson-is-cratering-while-trump-')
    expect(entityName(a, quoteOf(a, 'Carson is cratering').speaker.entity)).toMatch(/Mackowiak/)
    expect(entityName(a, quoteOf(a, 'the clear and tough message from Trump').speaker.entity)).toMatch(/Musser/)
  })

  it('HuffPost: Vice President Joe Biden, with his role, is quoted', () => {
    const a = analyse('huff-post_2016-10-14_donald-trump-jr-women-who-can-t-')
    const biden = a.entities.find((e) => e.type === 'PERSON' && /Biden/.test(e.name))
    expect(biden?.roles.join(' | ')).toMatch(/Vice President/)
    expect(quoteOf(a, 'What I found astounding').speaker.entity).toBe(biden?.id)
  })
})

describe.skipIf(!havePages)('web pages (HTML)', () => {
  const page = (slug: string) => valid(analyzeArticle({ id: slug, html: readFileSync(`${pagesDir}${slug}/source.html`, 'utf8') }))

  it('BBC: title, date, President Obama and his words', () => {
    const a = page('bbc-1')
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'")
    expect(a.published?.slice(0, 10)).toBe('2015-07-24')
    const obama = a.entities.find((e) => e.type === 'PERSON' && /Obama/.test(e.name))
    expect(obama?.roles.join(' | ')).toMatch(/President/)
    expect(quoteOf(a, 'most frustrated and most stymied').speaker.entity).toBe(obama?.id)
    expect(a.text).not.toMatch(/Share this page|More on this story/)
  })

  it('The Guardian: title, date, byline, and Hori Parata quoted', () => {
    const a = page('guardian-1')
    expect(a.title).toMatch(/^'What is the sea telling us\?': Māori tribes fearful over whale strandings/)
    expect(a.published?.slice(0, 10)).toBe('2019-01-03')
    expect(a.byline).toMatch(/Eleanor Ainge Roy/)
    expect(entityName(a, quoteOf(a, 'greed in the ocean is hurting the whales').speaker.entity)).toMatch(/Parata/)
  })

  it('The New York Times: title, byline, and officials as the source', () => {
    const a = page('nytimes-1')
    expect(a.title).toBe('United States to Lift Sudan Sanctions')
    expect(a.byline).toMatch(/Jeffrey Gettleman/)
    expect(a.text).toMatch(/After nearly 20 years of hostile relations/)
    expect(a.sources.some((s) => s.kind === 'anonymous' && /officials/.test(s.text))).toBe(true)
  })
})
