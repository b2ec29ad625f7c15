import { describe, expect, it } from 'vitest'
import { bioChunks } from '../../src/nlp/ner-score.js'
import { loadEntityModel, tagDocument, tagTokens, wordShape } from '../../src/nlp/entity-tagger.js'

const model = loadEntityModel()

function entities(sentence: string): string[] {
  const words = sentence.split(' ')
  const tags = tagTokens(words, model)
  return bioChunks(tags).map((c) => `${c.type}:${words.slice(c.start, c.end).join(' ')}`)
}

describe('wordShape', () => {
  it.each([
    ['Lavrov', 'Xx'],
    ['U.S.', 'X.X.'],
    ['1996-08-22', 'd-d-d'],
    ['NATO', 'X'],
    ['Zaporizhzhia', 'Xx'],
  ])('%s → %s', (w, shape) => expect(wordShape(w)).toBe(shape))
})

describe('entity tagger', () => {
  const cases: [string, string[]][] = [
    ['German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday .', ['MISC:German', 'PER:Angela Merkel', 'MISC:French', 'PER:Emmanuel Macron', 'LOC:Paris']],
    ['Apple said on Tuesday that its chief executive Tim Cook would visit Beijing .', ['ORG:Apple', 'PER:Tim Cook', 'LOC:Beijing']],
    ['The European Union and NATO condemned the attack .', ['ORG:European Union', 'ORG:NATO']],
    ['Russian Foreign Minister Sergey Lavrov attended meetings in New York .', ['MISC:Russian', 'PER:Sergey Lavrov', 'LOC:New York']],
  ]
  it.each(cases)('%s', (sentence, expected) => expect(entities(sentence)).toEqual(expected))

  it('gives one BIO tag per word, and nothing for an empty sentence', () => {
    expect(tagTokens(['Lavrov', 'spoke', '.'], model)).toHaveLength(3)
    expect(tagTokens([], model)).toEqual([])
  })

  it('uses the rest of the document for an all-caps headline', () => {
    const doc = [
      ['RUSSIA', 'SAYS', 'LAVROV', 'WILL', 'VISIT', 'NEW', 'YORK'],
      ['Russian', 'Foreign', 'Minister', 'Sergey', 'Lavrov', 'will', 'visit', 'New', 'York', ',', 'Moscow', 'said', '.'],
    ]
    const tags = tagDocument(doc, model)
    expect(tags[1]!.slice(3, 5)).toEqual(['B-PER', 'I-PER'])
    expect(tags[0]![0]).toBe('B-LOC')
  })

  it('loads the shipped model in under a second', () => {
    const t0 = performance.now()
    loadEntityModel(new URL('../../models/entities.json.gz', import.meta.url))
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})
