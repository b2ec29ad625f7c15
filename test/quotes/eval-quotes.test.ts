import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evalQuotes, isHeldOut, quoteSets, readPolnear, repoQuoteSets, speakerName } from '../../scripts/eval/quotes.js'
import type { ScoreQuote } from '../../scripts/eval/quote-score.js'

// A data folder laid out as ../shared/data: quotes/<set>/<split>.jsonl, one written here with resolved
// speaker names (name mode) and one PolNeAR-like file.
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-quotes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const text = 'The bridge will reopen in May, Mayor Olivia Chow said on Tuesday. "We are ready," she said. Chow believes the city is ready.'
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s })
const doc = {
  id: 'mini-1',
  text,
  quotes: [
    { ...span('The bridge will reopen in May'), kind: 'indirect', cue: span('said'), speaker: span('Mayor Olivia Chow'), speaker_name: 'Olivia Chow' },
    { ...span('"We are ready,"'), kind: 'direct', cue: { ...span('she said'), start: text.indexOf('said', text.indexOf('she')) , text: 'said' }, speaker: span('she'), speaker_name: 'Olivia Chow' },
  ],
  meta: {},
}
mkdirSync(join(dir, 'quotes', 'mini'), { recursive: true })
writeFileSync(join(dir, 'quotes', 'mini', 'test.jsonl'), JSON.stringify(doc) + '\n')
mkdirSync(join(dir, 'quotes', 'polnear'), { recursive: true })
writeFileSync(join(dir, 'quotes', 'polnear', 'dev.jsonl'), JSON.stringify({ ...doc, id: 'pn-4', meta: { orig_split: 'test' } }) + '\n')

describe('quote evaluation over the data folder', () => {
  it('finds every set, PolNeAR dev first', () => {
    expect(quoteSets(dir).map((s) => s.name)).toEqual(['polnear-dev', 'mini-test'])
    expect(quoteSets(join(dir, 'nothing'))).toEqual([])
  })

  it('scores each set on one line, by name where the gold quotes have names', async () => {
    const out = await evalQuotes(dir)
    // PolNeAR counts every attribution: the belief ("Chow believes …"), not in this gold, is a false alarm.
    expect(out).toMatch(/^quotes: polnear-dev 1 docs quote F1 80\.0 \(P 66\.7 R 100\.0\)/)
    const mini = out.split(' || ').find((p) => p.startsWith('mini-test'))!
    expect(mini).toMatch(/^mini-test 1 docs quote F1 100\.0 /)
    // Other sets count statements only (the belief is left out); "she" is resolved to Olivia Chow, so
    // both quotes are right by name.
    expect(mini).toMatch(/joint F1 100\.0 .*speaker name acc 100\.0/)
  })

  it('scores the hand-annotated name-mode set that ships in the repository, with or without a data folder', async () => {
    const sets = repoQuoteSets()
    expect(sets.map((x) => x.name)).toEqual(['ecb-sample-names'])
    // The set is well formed: every span lies in its text, fragments in order inside the quote, names strings or null.
    const docs = readPolnear(sets[0]!.file)
    expect(docs).toHaveLength(61)
    for (const d of docs)
      for (const q of d.quotes as (ScoreQuote & { fragments?: [number, number][]; speaker_name: string | null })[]) {
        expect(0 <= q.start && q.start < q.end && q.end <= d.text.length, `${d.id} ${q.start}-${q.end}`).toBe(true)
        for (const [a, b] of q.fragments ?? []) expect(q.start <= a && a < b && b <= q.end).toBe(true)
        expect(q.speaker_name === null || typeof q.speaker_name === 'string').toBe(true)
      }
    const out = await evalQuotes(join(dir, 'nothing'), { withRepoSets: true })
    expect(out).toMatch(/^quotes: ecb-sample-names 61 docs quote F1 \d+\.\d .*speaker name acc \d+\.\d/)
  }, 60_000)

  it('says so when there is no quote data', async () => {
    expect(await evalQuotes(join(dir, 'nothing'))).toMatch(/no quote data/)
  })

  it('names a speaker by its entity, else by the name the product gives it', () => {
    const names = new Map([['e1', 'Olivia Chow']])
    expect(speakerName({ kind: 'person', entity: 'e1', text: 'she' }, names)).toBe('Olivia Chow')
    expect(speakerName({ kind: 'person', text: 'Smith', name: 'Smith' }, names)).toBe('Smith')
    // (no name given: a capitalised mention is no name of itself)
    expect(speakerName({ kind: 'person', text: 'Her lawyer' }, names)).toBeNull()
    expect(speakerName({ kind: 'person', text: 'he' }, names)).toBeNull()
    expect(speakerName({ kind: 'unknown' }, names)).toBeNull()
  })

  it('counts PolNeAR test documents as held out', () => {
    // sha1 first hex digit: 0–8 trained on, 9–f held out (dev's 9–b and the hidden test split's c–f).
    const ids = Array.from({ length: 200 }, (_, i) => `doc-${i}`)
    const held = ids.filter(isHeldOut)
    expect(held.length).toBeGreaterThan(60)
    expect(held.length).toBeLessThan(140)
  })
})
