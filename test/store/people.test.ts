import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/pipeline.js'
import { openStore } from '../../src/store/open-store.js'
import { choosePerson, compatibleGiven, normalizeName } from '../../src/store/people.js'
import { PG_URL, testSchema } from './test-postgres.js'

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-people-'))
const { up: probe, schema: PG_SCHEMA } = await testSchema('newsgraph_people')

describe('merging names', () => {
  it.each([
    ['Sergéi  LAVROV', 'sergei lavrov'],
    ['Jean-Yves Le Drian', 'jean yves le drian'],
    ["O'Neill", 'o neill'],
  ])('normalizeName(%j) = %j', (name, norm) => expect(normalizeName(name)).toBe(norm))

  it.each([
    ['sergei', 'sergey', true],
    ['aleksandr', 'alexander', true],
    ['s', 'sergei', true],
    ['sergio', 'sergei', false],
    ['maria', 'mario', false],
    ['tom', 'tim', false],
    ['mohammad', 'mohammed', true],
    ['jon', 'john', false],
    ['anna', 'anna', true],
  ])('compatibleGiven(%j, %j) is %j', (a, b, ok) => expect(compatibleGiven(a, b)).toBe(ok))

  it('chooses by exact name, then a given-name variant, then a unique surname; ambiguity makes a new person', () => {
    expect(choosePerson('sergei lavrov', [7], [])).toEqual({ personId: 7, rule: 'same-name' })
    expect(choosePerson('sergey lavrov', [], [{ personId: 7, givens: ['sergei'] }])).toEqual({ personId: 7, rule: 'given-name-variant' })
    expect(choosePerson('lavrov', [], [{ personId: 7, givens: ['sergei', ''] }])).toEqual({ personId: 7, rule: 'surname-only' })
    expect(choosePerson('lavrov', [], [{ personId: 7, givens: ['sergei'] }, { personId: 9, givens: ['sergio'] }])).toBeNull()
    expect(choosePerson('s lavrov', [], [{ personId: 7, givens: ['sergei'] }, { personId: 9, givens: ['sergio'] }])).toBeNull()
    expect(choosePerson('sergio lavrov', [], [{ personId: 7, givens: ['sergei'] }])).toBeNull()
  })
})

const dialects = [{ name: 'sqlite', spec: join(tmp, 'people.db') }]
if (probe) dialects.push({ name: 'postgres', spec: `${PG_URL}?schema=${PG_SCHEMA}` })

describe.each(dialects)('people across articles on $name', ({ spec }) => {
  it('merges Sergei and Sergey Lavrov with the evidence, keeps Sergio apart, and splits a wrong merge', async () => {
    const store = await openStore(spec)
    try {
      const put = (id: string, text: string) => store.put(analyzeArticle({ id, text }))
      await put('geneva', '"The talks were useful," Sergei Lavrov, the Russian Foreign Minister, told reporters in Geneva on Tuesday.')
      await put('friday', 'Russian Foreign Minister Sergey Lavrov said on Friday that the ceasefire would hold. "We are ready," Lavrov said.')
      await put('naples', 'Sergio Lavrov, a football coach from Naples, said on Sunday that his team would win the cup.')

      const [lavrov, ...others] = await store.people('Sergey Lavrov')
      expect(others).toEqual([])
      expect(lavrov).toMatchObject({ name: 'Sergei Lavrov', splitFrom: null, aliases: ['Sergei Lavrov', 'Sergey Lavrov'], articles: 2 })
      expect(lavrov!.links).toEqual([
        { articleId: 'geneva', entityId: 'e1', name: 'Sergei Lavrov', rule: 'new' },
        { articleId: 'friday', entityId: expect.any(String), name: 'Sergey Lavrov', rule: 'given-name-variant' },
      ])
      // A bare surname finds every person with it.
      expect((await store.people('Lavrov')).map((p) => p.name)).toEqual(['Sergei Lavrov', 'Sergio Lavrov'])

      // Undo the merge: Sergey's mentions become a person of their own.
      const split = await store.splitPerson(lavrov!.id, 'sergey lavrov')
      expect(split.moved).toBe(1)
      const [sergey] = await store.people('Sergey Lavrov')
      expect(sergey).toMatchObject({ id: split.personId, splitFrom: lavrov!.id, aliases: ['Sergey Lavrov'], articles: 1 })
      expect(sergey!.links[0]!.rule).toBe('split')
      expect((await store.people('Sergei Lavrov'))[0]!.aliases).toEqual(['Sergei Lavrov'])
      // Later articles follow the split by exact name.
      await put('monday', 'On Monday, Sergey Lavrov met his Chinese counterpart in Beijing, officials said.')
      expect((await store.people('Sergey Lavrov'))[0]).toMatchObject({ id: split.personId, articles: 2 })

      await expect(store.splitPerson(lavrov!.id, 'Sergey Lavrov')).rejects.toThrow(/is never named "Sergey Lavrov"; its names: Sergei Lavrov/)
      await expect(store.splitPerson(lavrov!.id, 'Sergei Lavrov')).rejects.toThrow(/only ever named/)
      await expect(store.splitPerson(999999, 'X')).rejects.toThrow('no person 999999 in the store')
    } finally {
      await store.close()
    }
  })
})
