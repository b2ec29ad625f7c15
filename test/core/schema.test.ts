import { describe, expect, it } from 'vitest'
import { analysisSchema, checkAnalysisIntegrity } from '../../src/core/schema.js'
import { analyzeArticle } from '../../src/pipeline.js'

describe('the analysis contract', () => {
  const a = analyzeArticle(
    { id: 'x', text: 'Foreign Minister Anna Berg met Paul Kim in Oslo on Monday. "The talks were useful," Berg told reporters.' },
    { published: '2024-05-10' },
  )

  it('every field of PRODUCT.md is present, arrays empty where nothing was found', () => {
    const json = JSON.parse(JSON.stringify(a))
    for (const k of ['id', 'url', 'title', 'byline', 'published', 'site', 'language', 'text', 'removed', 'sentences', 'entities', 'times', 'quotes', 'sources', 'events'])
      expect(json).toHaveProperty(k)
    expect(analysisSchema.safeParse(json).success).toBe(true)
    expect(json.removed).toEqual([])
    expect(checkAnalysisIntegrity(json)).toEqual([])
  })

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(a))).toEqual(a)
  })

  it('rejects an analysis that drifts from the contract', () => {
    const json = JSON.parse(JSON.stringify(a))
    delete json.quotes
    expect(analysisSchema.safeParse(json).success).toBe(false)
    const bad = JSON.parse(JSON.stringify(a))
    bad.entities.push({ id: 'z', name: 'Z', type: 'PER', aliases: [], roles: [], roleMentions: [], mentions: [] })
    expect(analysisSchema.safeParse(bad).success).toBe(false)
  })

  it('integrity check names a span whose text is not its slice', () => {
    const json = JSON.parse(JSON.stringify(a))
    json.sentences.push({ start: 0, end: 9999 })
    json.times.push({ start: 0, end: 3, text: 'xyz', value: '2024' })
    expect(checkAnalysisIntegrity(json)).toEqual([
      `sentences[${json.sentences.length - 1}]: span 0-9999 outside text of length ${a.text.length}`,
      `times[${json.times.length - 1}]: text "xyz" != slice "For"`,
    ])
  })
})
