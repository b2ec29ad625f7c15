import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { analysisSchema, checkAnalysisIntegrity } from '../src/core/schema.js'
import type { Analysis, Entity } from '../src/core/types.js'
import { analyzeArticle } from '../src/pipeline.js'

/**
 * The reference article (../shared/examples/backchannel-report.txt): the facts a user wants to see
 * without reading it, as DEVELOPERS.md lists them.
 */
const file = fileURLToPath(new URL('../../shared/examples/backchannel-report.txt', import.meta.url))
const present = existsSync(file)
if (!present) console.log(`skipping the reference-article tests: ${file} not found (it comes with ../shared)`)

describe.skipIf(!present)('the reference article', () => {
  let a: Analysis
  const person = (surname: string): Entity => {
    const e = a.entities.find((x) => x.type === 'PERSON' && x.name.endsWith(surname))
    if (!e) throw new Error(`no PERSON entity ending in ${surname}; have ${a.entities.map((x) => x.name).join(', ')}`)
    return e
  }
  const entity = (name: string) => a.entities.find((x) => x.name === name || x.aliases.includes(name))

  beforeAll(() => {
    a = analyzeArticle({ id: 'backchannel', text: readFileSync(file, 'utf8') }, { published: '2023-07-08' })
  })

  it('is valid against the contract, every span text equal to its slice', () => {
    analysisSchema.parse(JSON.parse(JSON.stringify(a)))
    expect(checkAnalysisIntegrity(a)).toEqual([])
  })

  it('cuts the page junk at the end, and only that', () => {
    expect(a.text).not.toMatch(/Powered by|Join and support|Remind me next month|Privacy Policy/)
    expect(a.text.trimEnd()).toMatch(/did not reveal the existence of mines\.$/)
    expect(a.text).toMatch(/^Lavrov was in town to chair the UN Security Council\./)
    expect(a.removed.length).toBeGreaterThan(0)
  })

  it('knows the people, with their roles, and merges Sergey / Sergei Lavrov', () => {
    const lavrov = person('Lavrov')
    expect([lavrov.name, ...lavrov.aliases]).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov']))
    expect(lavrov.roles.join(' | ')).toMatch(/Foreign Minister/)
    expect(a.entities.filter((e) => e.type === 'PERSON' && /Lavrov/.test(e.name))).toHaveLength(1)
    expect(person('Zakharova').roles.join(' | ')).toMatch(/spokeswoman/)
    expect(person('Zelensky').roles.join(' | ')).toMatch(/President/)
    for (const name of ['Haass', 'Kupchan', 'Graham']) person(name)
    const nbc = a.entities.filter((e) => /^NBC/.test(e.name))
    expect(nbc).toHaveLength(1)
    expect(nbc[0]!.subtype).toBe('OUTLET')
  })

  it('Lavrov met Haass, Kupchan and Graham in New York in April, as NBC reported', () => {
    const ids = ['Lavrov', 'Haass', 'Kupchan', 'Graham'].map((n) => person(n).id)
    const meetings = a.events.filter((e) => e.type === 'meet')
    const participants = new Set(meetings.flatMap((e) => [...e.actors, ...e.targets]))
    for (const id of ids) expect(participants).toContain(id)
    const first = meetings.find((e) => e.actors.includes(ids[0]!) && e.place)
    expect(first).toBeDefined()
    expect(a.entities.find((e) => e.id === first!.place)?.name).toBe('New York')
    expect(first!.time).toBe('2023-04')
    expect(first!.code).toMatch(/^04/)
    // The meeting told a second time ("Sitting down with Lavrov were …") is linked to the first.
    const sitting = meetings.find((e) => ids.every((id) => [...e.actors, ...e.targets].includes(id)))
    expect(sitting?.sameAs).toBe(first!.id)
    expect([sitting?.time, sitting?.place]).toEqual([first!.time, first!.place])
    const nbcSource = a.sources.find((s) => s.kind === 'outlet' && /NBC/.test(s.text))
    expect(nbcSource).toBeDefined()
    expect(first!.according).toContain(nbcSource!.id)
  })

  it('NBC rests on four former and two current officials, anonymous', () => {
    const anon = a.sources.filter((s) => s.kind === 'anonymous')
    const counts = anon.map((s) => s.count ?? 0)
    expect(counts.includes(6) || (counts.includes(4) && counts.includes(2))).toBe(true)
    expect(anon.some((s) => /officials/.test(s.description ?? s.text))).toBe(true)
  })

  it('Maria Zakharova denied it, with her words quoted', () => {
    const zakharova = person('Zakharova')
    // The innermost quote: Agenzia Nova's report quotes her words.
    const quote = a.quotes.filter((q) => q.text.includes('This is disinformation')).sort((x, y) => x.text.length - y.text.length)[0]
    expect(quote?.speaker.entity).toBe(zakharova.id)
    expect(quote?.cue?.text).toMatch(/told/)
    const denial = a.events.find((e) => e.type === 'deny' && e.actors.includes(zakharova.id))
    expect(denial).toBeDefined()
    const denied = a.events.find((e) => e.id === denial!.denies)
    expect(denied?.type).toBe('meet')
    expect(denied?.stance).toBe('denied')
  })

  it("Zelensky's two quotes, his claim about explosives at Zaporizhzhia, and the IAEA inspection that did not confirm it", () => {
    const zelensky = person('Zelensky')
    const crimea = a.quotes.find((q) => q.text.includes('We cannot imagine Ukraine without Crimea'))
    expect(crimea?.speaker.entity).toBe(zelensky.id)
    const cia = a.quotes.find((q) => q.text.includes('My communication with the CIA chief'))
    expect(cia?.speaker.entity).toBe(zelensky.id)
    expect(cia?.speaker.text).toBe('he')
    const claim = a.events.find((e) => e.type === 'claim' && e.actors.includes(zelensky.id) && /explosives/.test(e.text))
    expect(claim).toBeDefined()
    expect(claim!.stance).toBe('disputed')
    const iaea = entity('IAEA')
    expect(iaea).toBeDefined()
    const inspection = a.events.find((e) => e.type === 'investigate' && e.actors.includes(iaea!.id))
    expect(inspection?.denies).toBe(claim!.id)
  })

  it('resolves "in April", "last April" and "this week" against the publication date', () => {
    const value = (t: string) => a.times.find((x) => x.text === t)?.value
    expect(value('April')).toBe('2023-04')
    expect(value('last April')).toBe('2023-04')
    expect(value('this week')).toBe('2023-07-03/2023-07-09')
  })
})
