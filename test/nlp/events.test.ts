import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/pipeline.js'
import { actorMatches, prf } from '../../scripts/eval/events.js'

/** The coded events of one sentence: PLOVER type and the names of their actors. */
function events(text: string): { plover: string | undefined; type: string; actors: string[] }[] {
  const a = analyzeArticle({ text }, { raw: true })
  const name = (id: string) => a.entities.find((e) => e.id === id)?.name ?? id
  return a.events.filter((e) => e.type !== 'statement').map((e) => ({ plover: e.plover, type: e.type, actors: e.actors.map(name) }))
}

describe('event types across PLOVER', () => {
  it.each([
    ['Germany and France agreed to expand their trade ties.', 'AGREE'],
    ['Canada pledged to send doctors to Haiti.', 'AGREE'],
    ['The Prime Minister praised the Kenyan government for its reforms.', 'SUPPORT'],
    ['Spain signed a fishing accord with Morocco on Monday.', 'SUPPORT'],
    ['Spain and Morocco reached an agreement on fishing rights.', 'AGREE'],
    ['Japan provided emergency aid to the Philippines after the storm.', 'AID'],
    ['Serbia rejected the proposal from the European Union.', 'REJECT'],
    ['Thousands of protesters rallied in Caracas against the government.', 'PROTEST'],
    ['Police in Nairobi arrested twelve opposition activists.', 'COERCE'],
    ['Turkish jets bombed targets in northern Iraq.', 'ASSAULT'],
    ['Russia expelled two British diplomats.', 'SANCTION'],
    ['Moscow deployed troops along the border with Georgia.', 'MOBILIZE'],
    ['The rebels released the hostages in Mali.', 'RETREAT'],
    ['Egypt asked Sudan to hand over the suspects.', 'REQUEST'],
  ])('%s → %s', (text, plover) => {
    expect(events(text).map((e) => e.plover)).toContain(plover)
  })

  it('codes a meeting that is only planned as an intent to meet, not a meeting', () => {
    const planned = events('Vladimir Putin will meet Recep Tayyip Erdogan in Ankara next week.')
    expect(planned.map((e) => e.type)).toEqual(['agree'])
    expect(planned[0]!.plover).toBe('AGREE')
    const held = events('Vladimir Putin met Recep Tayyip Erdogan in Ankara on Monday.')
    expect(held.map((e) => e.type)).toEqual(['meet'])
  })

  it('lets a nationality act where no one else is named, and lists a sentence\'s events in the order of their words', () => {
    const e = events('Egyptian police opened fire on the crowd and arrested dozens.')
    expect(e.map((x) => x.plover)).toEqual(['ASSAULT', 'COERCE'])
    expect(e[0]!.actors).toEqual(['Egyptian'])
  })

  it('codes no event in a sentence without one', () => {
    expect(events('The weather in Paris was mild on Tuesday.')).toEqual([])
  })
})

describe('events evaluation helpers', () => {
  it('matches actors loosely, by a shared word', () => {
    expect(actorMatches('Jordan; Britain', ['United Kingdom; Britain'])).toBe(true)
    expect(actorMatches('European Community', ['European Community foreign ministers'])).toBe(true)
    expect(actorMatches('Serbia', ['Croatia'])).toBe(false)
    expect(actorMatches(null, ['Serbia'])).toBe(false)
  })

  it('computes micro P/R/F1', () => {
    expect(prf(2, 4, 8)).toEqual({ p: 0.5, r: 0.25, f1: 1 / 3 })
    expect(prf(0, 0, 3)).toEqual({ p: 0, r: 0, f1: 0 })
  })
})
