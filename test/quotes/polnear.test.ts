import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { matchQuotes, speakerCorrect, wordTokens, type ScoreQuote } from '../../scripts/eval/quote-score.js'
import { analyse } from './helpers.js'

// PolNeAR is not openly licensed: the texts are read from the shared data folder at run time and only
// the short quote openings asserted below appear here.
const file = fileURLToPath(new URL('../../../shared/data/quotes/polnear/dev.jsonl', import.meta.url))
const present = existsSync(file)
if (!present) console.log('quotes: ../shared/data/quotes/polnear/dev.jsonl absent, PolNeAR article tests skipped')

interface Doc {
  id: string
  text: string
  quotes: ScoreQuote[]
}

const docs = new Map<string, Doc>()
if (present)
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"id"')) continue
    const d = JSON.parse(line) as Doc
    docs.set(d.id, d)
  }

/** [article id, opening of the quote's content, speaker a reader sees, speaker kind]. */
const cases: [string, string, string, string][] = [
  ['usa-today_2016-10-31_feds-in-talks-to-get-emails-from', 'Federal authorities are in discussions', 'an official familiar with the matter', 'anonymous'],
  ['usa-today_2016-10-31_feds-in-talks-to-get-emails-from', 'that the FBI had obtained a warrant', 'NBC News and ABC News', 'outlet'],
  ['usa-today_2016-10-31_feds-in-talks-to-get-emails-from', 'that the bureau had uncovered emails', 'FBI Director James Comey', 'person'],
  ['wash-post_2015-12-10_netanyahu-rejects-trump-s-remark', "the prime minister's Dec. 28 meeting", 'The officials', 'anonymous'],
  ['wash-post_2015-12-10_netanyahu-rejects-trump-s-remark', '"He is not only a racist', 'Issawi Frej', 'person'],
  ['usa-today_2016-06-29_sanders-ready-to-take-a-stand-to', '"The middle class of this country', 'he', 'person'],
  ['usa-today_2016-06-29_sanders-ready-to-take-a-stand-to', 'he will have the votes', 'Sanders', 'person'],
]

describe.skipIf(!present)('PolNeAR dev articles', () => {
  it.each(cases)('%s: %s', (id, opening, speaker, kind) => {
    const doc = docs.get(id)
    expect(doc, `article ${id} in dev.jsonl`).toBeDefined()
    const { text } = doc!
    const gold = doc!.quotes.find((q) => text.slice(q.start, q.end).startsWith(opening))
    expect(gold, 'the gold quote').toBeDefined()
    // What a reader sees is what the annotators marked: the speaker starts with the name asserted.
    expect(gold!.speaker?.text?.startsWith(speaker)).toBe(true)
    const { quotes } = analyse(text)
    const found = quotes.find((q) => text.slice(q.start, q.end).includes(opening))
    expect(found, `quotes: ${JSON.stringify(quotes.map((q) => q.text.slice(0, 40)))}`).toBeDefined()
    // the whole source phrase, as the annotators marked it ("Issawi Frej, a member of parliament …")
    expect(found!.speaker.text!.startsWith(speaker), found!.speaker.text).toBe(true)
    expect(found!.speaker.kind).toBe(kind)
    // and the scorer agrees: a match (tokF1 ≥ 0.5) with a correct speaker
    const tokens = wordTokens(text)
    const pred: ScoreQuote = { ...found!, speaker: { start: found!.speaker.start, end: found!.speaker.end } }
    expect(matchQuotes([gold!], [pred], tokens)).toHaveLength(1)
    expect(speakerCorrect(tokens, gold!, pred).strict).toBe(true)
  })
})
