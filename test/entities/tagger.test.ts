import { describe, expect, it } from 'vitest'
import { bioChunks } from '../../src/nlp/ner-score.js'
import { docContext, docPredictions, loadEntityModel, NTAGS, secondPassFeatures, sentenceFeatures, staticScores, tagDocument, TAGS, tagTokens, wordShape, type EntityModel } from '../../src/nlp/entity-tagger.js'

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

  it('loads the shipped model in under three seconds', () => {
    // The better of two loads (an explicit path is never cached), so that a moment of contention on a
    // shared machine does not decide it. (Well under a second alone; the best of two took 1.05 s with two
    // test runs side by side on two cores, so the bound catches a loader gone slow by a multiple, not load.)
    let best = Infinity
    for (let k = 0; k < 2 && best >= 1000; k++) {
      const t0 = performance.now()
      loadEntityModel(new URL('../../models/entities.json.gz', import.meta.url))
      best = Math.min(best, performance.now() - t0)
    }
    expect(best).toBeLessThan(3000)
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

describe('the fast path', () => {
  /** Sums of each feature's weights, read from the model's own tables (as the trainer builds them). */
  function sum(m: EntityModel, features: readonly string[]): number[] {
    const out = new Array<number>(NTAGS).fill(0)
    for (const f of features) {
      const r = m.index.get(f)
      if (r !== undefined) for (let t = 0; t < NTAGS; t++) out[t]! += m.weights[r * NTAGS + t] ?? 0
    }
    return out
  }
  const doc = [
    ['RUSSIA', 'SAYS', 'LAVROV', 'WILL', 'VISIT', 'NEW', 'YORK'],
    ['Russian', 'Foreign', 'Minister', 'Sergey', 'Lavrov', 'met', 'Richard', 'Haass', 'in', 'New', 'York', ',', '"', 'Moscow', '"', 'said', '.'],
    ['Leeds', '2', 'Chelsea', '1', 'Arsenal', '3', 'a|b', '|', 'x||y'],
    ['The', 'International', 'Atomic', 'Energy', 'Agency', '(', 'IAEA', ')', 'said', 'on', 'Tuesday', ':', 'Zaporizhzhia', 'is', 'safe', '.'],
    ['lavrov', 'and', 'zelensky', 'spoke', '.'],
  ]
  const first = tagDocument(doc, model)

  it('scores every token as the sum of the weights of its features given as strings, both passes', () => {
    const fast = staticScores(doc, model, first)
    const ctx = docContext(doc)
    const pred = docPredictions(doc, first)
    let compared = 0
    doc.forEach((words, s) => {
      const feats = sentenceFeatures(words, model.gazetteer, ctx, undefined, model.clusters)
      const second = secondPassFeatures(words, first[s]!, pred)
      feats.forEach((fs, i) => {
        const want = [...sum(model, fs), ...sum(model.second!, fs)]
        const got = [...fast[s]!.scores.subarray(i * 2 * NTAGS, (i + 1) * 2 * NTAGS)]
        for (let t = 0; t < 2 * NTAGS; t++) expect(got[t]).toBeCloseTo(want[t]!, 3)
        const want2 = sum(model.second!, second[i]!)
        const got2 = [...fast[s]!.second!.subarray(i * NTAGS, (i + 1) * NTAGS)]
        for (let t = 0; t < NTAGS; t++) expect(got2[t]).toBeCloseTo(want2[t]!, 3)
        compared++
      })
    })
    expect(compared).toBe(doc.reduce((n, s) => n + s.length, 0))
    // Not all zero: the features were found.
    expect(fast[1]!.scores.some((x) => Math.abs(x) > 1)).toBe(true)
  })
})

describe('loading a model', () => {
  it('names the file and what it should be when it cannot read it', () => {
    const bad = new URL('../../package.json', import.meta.url)
    expect(() => loadEntityModel(bad)).toThrow(/entity model .*package\.json: cannot read it .*npm run train -- entities/)
  })
})
