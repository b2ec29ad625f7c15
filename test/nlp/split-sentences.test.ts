import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  it('ends a sentence after a time before an opening quotation mark', () => {
    expect(split('She heard an explosion around 2 a.m. "It shook the whole house," she said.')).toEqual(['She heard an explosion around 2 a.m.', '"It shook the whole house," she said.'])
  })
  it('keeps a time that a capitalised word goes on from, and a title before a name', () => {
    expect(split('The fire started at 2 a.m. Sunday near the river.')).toEqual(['The fire started at 2 a.m. Sunday near the river.'])
    expect(split('Dr. Smith said it was over. Mr. Jones agreed.')).toEqual(['Dr. Smith said it was over.', 'Mr. Jones agreed.'])
  })
})

describe('splitSentences after an abbreviation', () => {
  it('ends a sentence before a word that opens one', () => {
    expect(split('He called to ban Muslims from entering the U.S. While Clinton has condemned it, they want more.')).toEqual(['He called to ban Muslims from entering the U.S.', 'While Clinton has condemned it, they want more.'])
    expect(split('The firm moved to the U.K. Its rivals stayed.')).toEqual(['The firm moved to the U.K.', 'Its rivals stayed.'])
  })
  it('but not before a name that goes on', () => {
    expect(split('He works in the U.S. Senate offices.')).toEqual(['He works in the U.S. Senate offices.'])
  })
})

describe('tokenize', () => {
  it('splits the possessive after an abbreviation into its own token', async () => {
    const { tokenize: tok } = await import('../../src/nlp/tokenize.js')
    expect(tok("B.C.'s top doctor and the U.S.’s envoy").map((t) => t.text)).toEqual(['B.C.', "'s", 'top', 'doctor', 'and', 'the', 'U.S.', '’s', 'envoy'])
  })
})

describe('splitSentences after a title with a prefix', () => {
  it('"then-Sen.", "ex-Gov." are titles before a name, not sentence ends', () => {
    expect(split('She defeated then-Sen. Barack Obama in 2008. He won.')).toEqual(['She defeated then-Sen. Barack Obama in 2008.', 'He won.'])
    expect(split('He accused then-Gov. Bill Clinton of lying.')).toEqual(['He accused then-Gov. Bill Clinton of lying.'])
  })
})
