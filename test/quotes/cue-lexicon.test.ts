import { describe, expect, it } from 'vitest'
import { bare, expectRuleQuote, rules, show } from './helpers.js'

// The wider cue lexicon (`src/nlp/data/cue-verbs.ts`): verbs of statement, opinion, awareness,
// prediction, complaint and judgment, and cue nouns after a possessor. Made-up sentences, rules alone.


describe('findQuotes rules: the wider cue lexicon', () => {
  it.each([
    ['a statement verb', 'The mayor reaffirmed that the bridge would reopen in May.', 'that the bridge would reopen in May', 'reaffirmed', 'The mayor'],
    ['an opinion verb', 'Ms. Carter speculated that the council would delay the vote.', 'that the council would delay the vote', 'speculated', 'Ms. Carter'],
    ['an awareness verb with "that"', 'The auditors discovered that the fund had lost money for years.', 'that the fund had lost money for years', 'discovered', 'The auditors'],
    ['a prediction verb', 'Economists anticipate that prices will rise next spring.', 'that prices will rise next spring', 'anticipate', 'Economists'],
    ['a complaint after the content', 'The rules keep changing, the farmer lamented.', 'The rules keep changing', 'lamented', 'the farmer'],
    ['a judgment verb takes its object', 'The governor lambasted the new budget plan.', 'the new budget plan', 'lambasted', 'The governor'],
    ['a hearer before the content', 'Officials reminded residents that the roads would close at noon.', 'that the roads would close at noon', 'reminded', 'Officials'],
    ['a denial verb', 'The company downplayed the risk of a strike.', 'the risk of a strike', 'downplayed', 'The company'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })

  it.each([
    ['a possessor name', "Markets fell on the minister's prediction that rates would rise.", 'rates would rise', 'prediction', 'the minister'],
    ['a possessive pronoun', 'The plant closed a day after her warning that the jobs would go abroad.', 'the jobs would go abroad', 'warning', 'her'],
  ])('a cue noun after %s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker, (found) => bare(found).replace(/^that /, '') === quote)
  })

  it('does not take a noun that only looks like a cue', () => {
    const text = 'The protest drew thousands of people to the square on Sunday.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})
