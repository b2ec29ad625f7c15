import { describe, expect, it } from 'vitest'
import {
  emptyCounts,
  matchQuotes,
  normaliseName,
  prf,
  sameSpeakerName,
  scoreComponents,
  scoreDocument,
  speakerType,
  tokF1,
  tokenSet,
  wordTokens,
  type ScoreQuote,
} from '../../scripts/eval/quote-score.js'

//            0         1         2         3         4         5         6         7
//            0123456789012345678901234567890123456789012345678901234567890123456789012345
const TEXT = '"We will win," Zelensky said. Officials said the talks failed. He didn\'t care.'
const q = (start: number, end: number, extra: Partial<ScoreQuote> = {}): ScoreQuote => ({ start, end, ...extra })
const at = (s: string, from = 0) => ({ start: TEXT.indexOf(s, from), end: TEXT.indexOf(s, from) + s.length })

describe('word tokens', () => {
  it.each([
    ['He didn\'t care.', ['He', "didn't", 'care']],
    ['well-known “fact”', ['well-known', 'fact']],
    ['U.S. 1,000', ['U', 'S', '1', '000']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(wordTokens(text).map((t) => text.slice(t.start, t.end))).toEqual(words)
  })
})

describe('tokF1 and token sets', () => {
  const toks = wordTokens(TEXT)
  it.each([
    // quotation marks and punctuation do not count
    ['marks ignored', [at('"We will win,"')], [at('We will win')], 1],
    ['half overlap', [at('We will win')], [at('win')], 0.5],
    ['disjoint', [at('We will')], [at('talks failed')], 0],
    ['token counted by its first character', [{ start: 1, end: 5 }], [{ start: 1, end: 2 }], 2 / 3],
  ])('%s', (_name, a, b, expected) => {
    expect(tokF1(tokenSet(toks, a), tokenSet(toks, b))).toBeCloseTo(expected as number, 5)
  })
})

describe('greedy matching', () => {
  const toks = wordTokens(TEXT)
  it('pairs one to one, best pair first', () => {
    const gold = [q(0, 14), q(45, 61)]
    const pred = [q(45, 61), q(1, 12), q(0, 3)]
    const m = matchQuotes(gold, pred, toks)
    expect(m.map((x) => [x.g, x.p])).toEqual([
      [0, 1],
      [1, 0],
    ])
  })
  it('drops pairs under 0.5', () => {
    expect(matchQuotes([q(0, 14)], [q(9, 29)], toks)).toEqual([])
  })
  it('breaks ties by the earlier gold start', () => {
    const m = matchQuotes([q(45, 61), q(0, 14)], [q(0, 61)], wordTokens(TEXT), 0.1)
    expect(m).toHaveLength(1)
    expect(m[0]!.g).toBe(1)
  })
  it('uses fragments when present', () => {
    const gold = q(0, 61, { fragments: [[0, 14], [45, 61]] })
    const pred = q(0, 61)
    // pred covers the interrupting words too: 8 shared of 3+3 gold and 10 pred tokens
    const m = matchQuotes([gold], [pred], toks)
    expect(m[0]!.f1).toBeCloseTo((2 * 6) / (6 + 10), 5)
  })
})

describe('name-mode proxy on data without gold names', () => {
  it('counts a predicted name that agrees with a name in the gold source phrase', () => {
    const text = '"We will win," said Ukrainian President Volodymyr Zelensky. "We will not," said the minister.'
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s })
    const gold: ScoreQuote[] = [
      { ...span('We will win'), speaker: span('Ukrainian President Volodymyr Zelensky') },
      { ...span('We will not'), speaker: span('the minister') },
    ]
    const right = scoreDocument(text, gold, [{ ...span('We will win'), speaker_name: 'Zelensky' }, { ...span('We will not'), speaker_name: null }])
    expect([right.namedInGold, right.namedAgree]).toEqual([1, 1])
    const wrong = scoreDocument(text, gold, [{ ...span('We will win'), speaker_name: 'Ukrainian' }])
    expect([wrong.namedInGold, wrong.namedAgree]).toEqual([1, 0])
  })
})

describe('document scores', () => {
  const sp = (s: string, from = 0) => ({ ...at(s, from), text: s })
  it.each<[string, ScoreQuote[], ScoreQuote[], Partial<ReturnType<typeof emptyCounts>>]>([
    [
      'perfect match with speaker and cue',
      [q(0, 14, { speaker: sp('Zelensky'), cue: sp('said'), kind: 'direct' })],
      [q(1, 12, { speaker: sp('Zelensky'), cue: sp('said') })],
      { matched: 1, exact: 1, joint: 1, speakerStrict: 1, speakerLenient: 1, cueCorrect: 1 },
    ],
    [
      'wrong speaker: matched but not joint',
      [q(0, 14, { speaker: sp('Zelensky') })],
      [q(0, 14, { speaker: sp('Officials') })],
      { matched: 1, joint: 0, speakerStrict: 0, speakerLenient: 0 },
    ],
    [
      'lenient speaker: one shared character',
      [q(0, 14, { speaker: { start: 15, end: 29, text: 'Zelensky said.' } })],
      [q(0, 14, { speaker: { start: 26, end: 35, text: 'id. Offic' } })],
      { matched: 1, speakerStrict: 0, speakerLenient: 1 },
    ],
    [
      'no gold speaker: correct only without a predicted speaker',
      [q(45, 61)],
      [q(45, 61)],
      { matched: 1, joint: 1, speakerStrict: 1 },
    ],
    [
      'no gold speaker but one predicted',
      [q(45, 61)],
      [q(45, 61, { speaker: sp('Officials') })],
      { matched: 1, joint: 0 },
    ],
    [
      'partial overlap is a match, not exact',
      [q(45, 61)],
      [q(40, 61)],
      { matched: 1, exact: 0 },
    ],
    ['missed quote and false alarm', [q(0, 14)], [q(62, 77)], { gold: 1, pred: 1, matched: 0 }],
  ])('%s', (_name, gold, pred, expected) => {
    const c = scoreDocument(TEXT, gold, pred)
    expect(c).toMatchObject(expected)
  })

  it('counts recall by kind and speaker type', () => {
    const c = scoreDocument(TEXT, [q(0, 14, { kind: 'direct', speaker: sp('Zelensky') }), q(45, 61, { kind: 'indirect', speaker: sp('Officials') })], [q(0, 14, { speaker: sp('Zelensky') })])
    expect(c.goldByKind).toEqual({ direct: 1, indirect: 1 })
    expect(c.matchedByKind).toEqual({ direct: 1 })
    expect(c.goldBySpeaker.group).toBe(1)
    expect(c.matchedBySpeaker.named).toBe(1)
  })
})

describe('name mode', () => {
  it.each([
    ['Justin Trudeau', 'Trudeau', true],
    ['Prime Minister Justin Trudeau', 'Justin Trudeau', true],
    ['François Legault', 'Francois Legault', true],
    ['Dr. Theresa Tam', 'theresa tam', true],
    ['Andrew Scheer', 'Scheer’s', true],
    ['Justin Trudeau', 'Pierre Trudeau', false],
    ['Justin Trudeau', 'Justin', false],
    ['Mark Felt', 'Mark Felt Sr.', true],
    ['W. Mark Felt Sr.', 'Mark Felt', true],
    ['Justin Trudeau', 'he', false],
    ['Justin Trudeau', undefined, false],
    ['', undefined, true],
  ])('%j ~ %j: %s', (gold, pred, same) => {
    expect(sameSpeakerName(gold, pred)).toBe(same)
  })
  it('keeps a title that is the whole name', () => {
    expect(normaliseName('the President')).toEqual(['president'])
    expect(normaliseName('Sen. Mitch McConnell, R-Ky.')).toEqual(['mitch', 'mcconnell', 'r', 'ky'])
  })
  it('scores the headline by name where the gold quote has one', () => {
    const sp = { ...at('He'), text: 'He' }
    const gold = [q(62, 77, { speaker: sp, speaker_name: 'Volodymyr Zelensky' })]
    // The span is right, the name is not (and the other way round).
    const wrongName = scoreDocument(TEXT, gold, [q(62, 77, { speaker: sp, speaker_name: 'he' })])
    expect(wrongName).toMatchObject({ matched: 1, speakerStrict: 1, nameMatched: 1, nameCorrect: 0, joint: 0 })
    const rightName = scoreDocument(TEXT, gold, [q(62, 77, { speaker: { ...at('Zelensky'), text: 'Zelensky' }, speaker_name: 'Zelensky' })])
    expect(rightName).toMatchObject({ matched: 1, speakerStrict: 0, nameMatched: 1, nameCorrect: 1, joint: 1 })
  })
})

describe('speaker types', () => {
  it.each([
    ['Zelensky', 'named'],
    ['Ukrainian President Volodymyr Zelensky', 'named'],
    ['he', 'pronoun'],
    ['They', 'pronoun'],
    ['officials', 'group'],
    ['Four former national security officials', 'group'],
    ['people familiar with the matter', 'group'],
    [undefined, 'none'],
    ['the report', 'other'],
  ])('%j → %s', (text, type) => {
    expect(speakerType(text)).toBe(type)
  })
})

describe('CofeNet-compatible components', () => {
  it('scores content fragments, sources and cues by exact token set', () => {
    const gold: ScoreQuote[] = [q(0, 61, { fragments: [[0, 14], [45, 61]], speaker: { ...at('Zelensky'), text: 'Zelensky' }, cue: { ...at('said'), text: 'said' } })]
    const pred: ScoreQuote[] = [q(0, 14, { speaker: { ...at('Zelensky'), text: 'Zelensky' }, cue: { ...at('Zelensky said'), text: 'Zelensky said' } })]
    const r = scoreComponents(TEXT, gold, pred)
    expect(r.content).toEqual({ gold: 2, pred: 1, tp: 1 })
    expect(r.source).toEqual({ gold: 1, pred: 1, tp: 1 })
    expect(r.cue).toEqual({ gold: 1, pred: 1, tp: 0 })
  })
})

describe('prf', () => {
  it.each([
    [1, 2, 4, 0.5, 0.25],
    [0, 0, 3, 0, 0],
  ])('tp %i pred %i gold %i', (tp, pred, gold, p, r) => {
    const x = prf(tp, pred, gold)
    expect(x.p).toBeCloseTo(p)
    expect(x.r).toBeCloseTo(r)
    expect(x.f1).toBeCloseTo(p + r ? (2 * p * r) / (p + r) : 0)
  })
})
