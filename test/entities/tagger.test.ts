import { describe, expect, it } from 'vitest'
import { bioChunks } from '../../src/nlp/ner-score.js'
import { docContext, loadEntityModel, NTAGS, sentenceFeatures, tagDocument, TAGS, tagTokens, wordShape, type EntityModel } from '../../src/nlp/entity-tagger.js'

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

  it('tags alike with its per-word feature rows cached or not (a fresh model, then the same one again)', () => {
    const doc = [
      ['Chancellor', 'Angela', 'Merkel', 'met', 'Emmanuel', 'Macron', 'in', 'Paris', '.'],
      ['MERKEL', 'AND', 'MACRON', 'MEET', 'IN', 'PARIS'],
      ['Apple', 'said', 'Tim', 'Cook', 'would', 'visit', 'Beijing', 'and', 'Paris', '.'],
    ]
    const fresh = loadEntityModel(new URL('../../models/entities.json.gz', import.meta.url))
    const cold = tagDocument(doc, fresh)
    // Other text in between fills the caches with other words; then the same document again.
    tagDocument([['Berlin', 'and', 'Paris', 'agreed', ',', 'Merkel', 'said', '.']], fresh)
    expect(tagDocument(doc, fresh)).toEqual(cold)
    expect(tagDocument(doc, model)).toEqual(cold)
    expect(cold[0]!.slice(1, 3)).toEqual(['B-PER', 'I-PER'])
  })

  it('loads the shipped model in under a second', () => {
    const t0 = performance.now()
    loadEntityModel(new URL('../../models/entities.json.gz', import.meta.url))
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})

describe('beam decoding', () => {
  /** A hand-made model: "Alpha" leans to B-ORG over U-PER, but nothing after it wants to go on with an ORG. */
  function toyModel(beam: number): EntityModel {
    const rows: [string, Record<string, number>][] = [
      ['w=Alpha', { 'B-ORG': 2, 'U-PER': 1.9 }],
      ['w=beta', { O: 5 }],
      ['w=.', { O: 5 }],
    ]
    const weights = new Float32Array(rows.length * NTAGS)
    rows.forEach(([, ws], r) => {
      for (const [t, v] of Object.entries(ws)) weights[r * NTAGS + TAGS.indexOf(t)] = v
    })
    return { index: new Map(rows.map(([f], r) => [f, r])), weights, gazetteer: new Map(), beam, temperature: 1 }
  }

  it('greedy decoding, once it has opened an entity, must carry it on', () => {
    expect(tagDocument([['Alpha', 'beta', '.']], toyModel(1))).toEqual([['B-ORG', 'I-ORG', 'I-ORG']])
  })

  it('a beam keeps the path that did not open it, and that path wins', () => {
    expect(tagDocument([['Alpha', 'beta', '.']], toyModel(2))).toEqual([['B-PER', 'O', 'O']])
  })

  it('the shipped model says how to decode: a beam width and a temperature per pass', () => {
    expect(model.beam).toBeGreaterThanOrEqual(1)
    for (const m of [model, model.second]) expect(m?.temperature).toBeGreaterThan(0)
  })
})

describe('gazetteer in headlines', () => {
  const gaz = new Map([['New York', 4]])
  const marks = (words: string[]): string[][] => sentenceFeatures(words, gaz, docContext([words])).map((fs) => fs.filter((f) => f.startsWith('g=')))

  it('looks up an all-caps name in title case when the whole sentence is in capitals', () => {
    const m = marks(['RUSSIA', 'SAYS', 'LAVROV', 'WILL', 'VISIT', 'NEW', 'YORK'])
    expect(m[5]).toEqual(['g=B-LOC'])
    expect(m[6]).toEqual(['g=I-LOC'])
  })

  it('does not in an ordinary sentence, where capitals mean something else', () => {
    const m = marks(['He', 'wrote', 'NEW', 'YORK', 'on', 'the', 'wall', '.'])
    expect(m[2]).toEqual([])
    expect(marks(['He', 'flew', 'to', 'New', 'York', '.'])[3]).toEqual(['g=B-LOC'])
  })
})
