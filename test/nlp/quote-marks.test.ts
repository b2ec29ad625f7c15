import { describe, expect, it } from 'vitest'
import { findQuotedSpans } from '../../src/nlp/quote-marks.js'

const inner = (text: string) => findQuotedSpans(text).map((q) => text.slice(q.start, q.end))

describe('findQuotedSpans', () => {
  it('pairs straight marks by the characters around them', () => {
    expect(inner('He said "we will win" and left.')).toEqual(['we will win'])
  })

  it('reads a typographic mark of the wrong shape by its place: “ after a comma closes, ” before a word opens', () => {
    expect(inner('“The reality is, that could create real problems for her here,“ said Jim Clyburn. “We will see.”')).toEqual(['The reality is, that could create real problems for her here,', 'We will see.'])
    expect(inner('”Mr. Trump embodies the legacy of racism. He represents our greatest shame.” ― Sonya Herridge')).toEqual(['Mr. Trump embodies the legacy of racism. He represents our greatest shame.'])
    // (and German „…“ pairs as it should)
    expect(inner('Merkel sagte: „Wir schaffen das.“ Dann ging sie.')).toEqual(['Wir schaffen das.'])
  })

  it('closes a spaced mark at the end of a line and opens one at the start of a line (scraped text)', () => {
    const text = 'The system has failed us.\nThe politicians failed us. "\n"I do feel bad when I see property burned," said a man.'
    // The mark after "us. " closes nothing; it does not open a quotation that runs into the next line.
    expect(inner(text)).toEqual(['I do feel bad when I see property burned,'])
  })

  it('keeps a quotation that runs over paragraphs, each opening with a mark', () => {
    const text = '"We will win this war.\n"And we will never forget," Zelensky said.'
    expect(inner(text)).toEqual(['We will win this war.\n"And we will never forget,'])
  })

  it('does not run a straight mark left open into a paragraph that opens with a typographic one', () => {
    const text = '"The whole thing was outrageous.\n\n“It never crossed my mind,” she said.'
    expect(inner(text)).toEqual(['The whole thing was outrageous.', 'It never crossed my mind,'])
  })

  it('closes a spaced mark after a comma before a lower-case word ("…, " he said)', () => {
    expect(inner('" We have no idea, " he said. Then he left.')).toEqual([' We have no idea, '])
  })

  it('closes, in the next line, a quotation a line break cut (text with a line break after each sentence)', () => {
    const text = 'Mr Steele spoke.\n" It\'s hard to say at this point.\nEverything is just speculation, " he said.\n"We have no information on motive."'
    expect(inner(text)).toEqual([" It's hard to say at this point.\nEverything is just speculation, ", 'We have no information on motive.'])
  })

  it('closes it with a spaced mark after a comma before a capitalised attribution', () => {
    const text = 'The crowd grew.\n"I am in the middle of the riot action.\nRight now, things are tense, " Councilman Jumaane Williams said on Twitter.'
    expect(inner(text)).toEqual(['I am in the middle of the riot action.\nRight now, things are tense, '])
  })

  it('closes it over several lines with no mark, when its attribution follows the closing mark', () => {
    const text = 'Banners hung in the square.\n" The murder was the last straw.\nBeing young here is a crime...\nThey are stealing our dreams, " said one leaflet.\nThe protesters stayed.'
    expect(inner(text)).toEqual([' The murder was the last straw.\nBeing young here is a crime...\nThey are stealing our dreams, '])
    // (not when no attribution follows: the open quote ends with its line)
    const open = 'Banners hung in the square.\n" The murder was the last straw.\nBeing young here is a crime...\nThey are stealing our dreams, " Then the march began.'
    expect(inner(open)[0]).toBe(' The murder was the last straw.')
  })
})

describe('findQuotedSpans over several lines after its attribution', () => {
  it('closes a quotation over several lines with no mark when a verb of speech introduced it', () => {
    const text = 'When asked, the star said, " I\'ve done enough for a lifetime!\nI partied.\nI had fun.\nI don\'t need any of that anymore. "\nReid started a clothing line.'
    expect(inner(text)).toEqual([" I've done enough for a lifetime!\nI partied.\nI had fun.\nI don't need any of that anymore. "])
  })
  it('but not one nothing introduced', () => {
    const text = 'The star was asked. " I\'ve done enough for a lifetime!\nI partied.\nI had fun.\nI don\'t need any of that anymore. "\nReid started a clothing line.'
    expect(inner(text)).toEqual([" I've done enough for a lifetime!"])
  })
})
