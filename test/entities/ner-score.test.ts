import { describe, expect, it } from 'vitest'
import { bioChunks, EntityScorer } from '../../src/nlp/ner-score.js'

describe('bioChunks (conlleval reading of BIO)', () => {
  const cases: [string, string[], string[]][] = [
    ['single entity', ['B-PER', 'I-PER', 'O'], ['PER:0-2']],
    ['two adjacent entities of one type', ['B-LOC', 'B-LOC'], ['LOC:0-1', 'LOC:1-2']],
    ['I- after O starts an entity', ['O', 'I-ORG', 'I-ORG'], ['ORG:1-3']],
    ['I- of another type starts an entity', ['B-PER', 'I-ORG'], ['PER:0-1', 'ORG:1-2']],
    ['entity at the end', ['O', 'B-MISC'], ['MISC:1-2']],
    ['no entity', ['O', 'O'], []],
  ]
  it.each(cases)('%s', (_, tags, expected) => {
    expect(bioChunks(tags).map((c) => `${c.type}:${c.start}-${c.end}`)).toEqual(expected)
  })
})

describe('EntityScorer (exact match of start, end and type)', () => {
  const cases: [string, string[], string[], { correct: number; predicted: number; gold: number }][] = [
    ['perfect', ['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'I-PER', 'O', 'B-LOC'], { correct: 2, predicted: 2, gold: 2 }],
    ['boundary error counts as wrong', ['B-PER', 'I-PER'], ['B-PER', 'O'], { correct: 0, predicted: 1, gold: 1 }],
    ['type error counts as wrong', ['B-ORG'], ['B-LOC'], { correct: 0, predicted: 1, gold: 1 }],
    ['missed entity', ['B-ORG', 'O', 'B-LOC'], ['B-ORG', 'O', 'O'], { correct: 1, predicted: 1, gold: 2 }],
    ['spurious entity', ['O', 'O'], ['B-MISC', 'O'], { correct: 0, predicted: 1, gold: 0 }],
  ]
  it.each(cases)('%s', (_, gold, predicted, counts) => {
    const s = new EntityScorer()
    s.add(gold, predicted)
    expect(s.total).toEqual(counts)
  })

  it('micro-averages precision, recall and F1 over sentences', () => {
    const s = new EntityScorer()
    s.add(['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'I-PER', 'O', 'B-ORG'])
    s.add(['B-ORG'], ['B-ORG'])
    const score = s.score()
    expect(score.precision).toBeCloseTo(2 / 3)
    expect(score.recall).toBeCloseTo(2 / 3)
    expect(score.f1).toBeCloseTo(2 / 3)
    expect(s.scoreOf('LOC')).toMatchObject({ correct: 0, gold: 1, predicted: 0, f1: 0 })
  })

  it('ignores types outside the given set on both sides (UNER has no MISC)', () => {
    const s = new EntityScorer(['PER', 'ORG', 'LOC'])
    s.add(['B-PER', 'O'], ['B-PER', 'B-MISC'])
    expect(s.total).toEqual({ correct: 1, predicted: 1, gold: 1 })
  })
})
