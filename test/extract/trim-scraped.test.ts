import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { trimScrapedText } from '../../src/extract/trim-scraped.js'

/** The kept text must be exactly the input minus the removed spans. */
function rebuild(input: string, removed: readonly { start: number; end: number }[]): string {
  let out = ''
  let pos = 0
  for (const r of removed) {
    expect(r.start).toBeGreaterThanOrEqual(pos)
    expect(r.end).toBeGreaterThan(r.start)
    out += input.slice(pos, r.start)
    pos = r.end
  }
  return out + input.slice(pos)
}

describe('trimScrapedText', () => {
  it('cuts junk at both ends and junk lines in between, with reasons', () => {
    const input = readFileSync(new URL('../../fixtures/extract/scraped-with-junk.txt', import.meta.url), 'utf8')
    const { text, removed } = trimScrapedText(input)
    expect(rebuild(input, removed)).toBe(text)
    expect(text.split('\n')).toEqual([
      'The river flooded three villages overnight, local officials said, and hundreds of residents were moved to schools on higher ground.',
      'Rescue teams worked through the night. "We have never seen water this high," said one volunteer, who has lived in the valley for forty years.',
      'The regional government said it would release emergency funds on Friday, and the army has been asked to help repair two bridges.',
    ])
    expect(removed.map((r) => r.reason)).toEqual([
      'navigation', 'advertisement', 'share-links', 'newsletter-appeal', 'related-links', 'comment-prompt', 'copyright',
    ])
    expect(input.slice(removed[0]!.start, removed[0]!.end)).toBe('Home › World › Europe\n')
  })

  // [what, input, expected kept text]
  const table: [string, string, string][] = [
    ['clean text untouched', 'One sentence here, fine.\nAnother sentence follows it.', 'One sentence here, fine.\nAnother sentence follows it.'],
    ['empty', '', ''],
    ['cookie notice at the top', 'We use cookies to give you the best experience.\nThe council voted on Tuesday to close the bridge for repairs, a spokesman said.', 'The council voted on Tuesday to close the bridge for repairs, a spokesman said.'],
    ['CRLF line breaks', 'The council voted on Tuesday to close the bridge for repairs.\r\nAdvertisement\r\nIt will reopen in May, officials said in a statement.\r\n', 'The council voted on Tuesday to close the bridge for repairs.\r\nIt will reopen in May, officials said in a statement.\r\n'],
    ['a long paragraph that mentions a newsletter stays', 'The company, which publishes a newsletter about farming, said on Monday that profits rose sharply in the third quarter, helped by exports.', 'The company, which publishes a newsletter about farming, said on Monday that profits rose sharply in the third quarter, helped by exports.'],
  ]
  it.each(table)('%s', (_what, input, expected) => {
    const { text, removed } = trimScrapedText(input)
    expect(text).toBe(expected)
    expect(rebuild(input, removed)).toBe(text)
  })
})

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))
const example = `${shared}examples/backchannel-report.txt`
const present = existsSync(example)
if (!present) console.log(`trim-scraped: ${example} absent, backchannel test skipped`)

describe.skipIf(!present)('trimScrapedText on the backchannel report', () => {
  it('cuts exactly the last six lines, from "Powered by" on', () => {
    const input = readFileSync(example, 'utf8')
    const { text, removed } = trimScrapedText(input)
    const junkStart = input.indexOf('\nPowered by The Post Millennial CMS')
    expect(junkStart).toBeGreaterThan(0)
    expect(text).toBe(input.slice(0, junkStart))
    expect(removed[0]!.start).toBe(junkStart)
    expect(removed.at(-1)!.end).toBe(input.length)
    expect(rebuild(input, removed)).toBe(text)
    // The first line repeats a later sentence; it is content and stays.
    expect(text.startsWith('Lavrov was in town to chair the UN Security Council.\n')).toBe(true)
    const reasons = new Set(removed.map((r) => r.reason))
    expect(reasons).toContain('donation-appeal')
    expect(reasons).toContain('privacy-notice')
  })
})
