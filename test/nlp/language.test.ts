import { describe, expect, it } from 'vitest'
import { findTimes } from '../../src/nlp/find-times.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

describe('tokenize', () => {
  it.each([
    ["Mr. Lavrov's visit", ['Mr.', 'Lavrov', "'s", 'visit']],
    ["It didn't go well.", ['It', 'did', "n't", 'go', 'well', '.']],
    ['the U.S. officials', ['the', 'U.S.', 'officials']],
    ['$1,000.50 in Paris,France', ['$', '1,000.50', 'in', 'Paris', ',', 'France']],
    ['"This is fake," she said.', ['"', 'This', 'is', 'fake', ',', '"', 'she', 'said', '.']],
    ['Putin’s ear', ['Putin', '’s', 'ear']],
    ['AT&T and co-founder', ['AT&T', 'and', 'co-founder']],
    ['2016 10:57PMJeb Bush Hits Rubio at 5PM', ['2016', '10', ':', '57PM', 'Jeb', 'Bush', 'Hits', 'Rubio', 'at', '5PM']],
  ])('%s', (text, expected) => {
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.text)).toEqual(expected)
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
  })
})

describe('splitSentences', () => {
  const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end))
  it.each([
    ['Mr. Smith met Dr. Jones. They talked.', ['Mr. Smith met Dr. Jones.', 'They talked.']],
    ['"We will win." He left.', ['"We will win."', 'He left.']],
    ['U.S. officials said so. The next day it rained.', ['U.S. officials said so.', 'The next day it rained.']],
    ['He lives in the U.S. The talks failed.', ['He lives in the U.S.', 'The talks failed.']],
    ['No period here\nNew paragraph', ['No period here', 'New paragraph']],
    ['It cost 3.5 million. Prices rose on Jan. 5 again.', ['It cost 3.5 million.', 'Prices rose on Jan. 5 again.']],
  ])('%s', (text, expected) => expect(split(text)).toEqual(expected))
})

describe('findTimes, against the publication date 2023-07-08 (a Saturday)', () => {
  const times = (text: string, ref: string | null = '2023-07-08') => findTimes(text, ref).map((t) => [t.text, t.value])
  it.each([
    ['they met in April', [['April', '2023-04']]],
    ['talks last April', [['last April', '2023-04']]],
    ['in December', [['December', '2022-12']]],
    ['Zelensky said this week', [['this week', '2023-07-03/2023-07-09']]],
    ['on Tuesday', [['on Tuesday', '2023-07-04']]],
    ['on Jan. 5, 2016', [['Jan. 5, 2016', '2016-01-05']]],
    ['elected in 2016', [['2016', '2016']]],
    ['last year', [['last year', '2022']]],
    ['next month', [['next month', '2023-08']]],
  ])('%s', (text, expected) => expect(times(text)).toEqual(expected))
  it('keeps only absolute expressions without a reference date', () => {
    expect(times('in April and on Jan. 5, 2016', null)).toEqual([['Jan. 5, 2016', '2016-01-05']])
  })
})
