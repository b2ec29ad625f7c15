import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Entity, Quote } from '../../src/core/types.js'
import { analyse } from './helpers.js'

const shared = new URL('../../../shared/', import.meta.url)
const file = fileURLToPath(new URL('examples/backchannel-report.txt', shared))
const present = existsSync(fileURLToPath(shared)) && existsSync(file)
if (!present) console.log('quotes: ../shared/examples/backchannel-report.txt absent, reference article tests skipped')

/** A hand-built entity list for the article: every occurrence of each name form. */
function entities(text: string): Entity[] {
  const make = (id: string, name: string, type: Entity['type'], forms: string[], extra: Partial<Entity> = {}): Entity => {
    const mentions = forms.flatMap((f) => [...text.matchAll(new RegExp(`\\b${f}\\b`, 'g'))].map((m) => ({ start: m.index, end: m.index + f.length, text: f })))
    return { id, name, type, aliases: forms, roles: [], roleMentions: [], mentions, ...extra }
  }
  return [
    make('nbc', 'NBC', 'ORG', ['NBC', 'NBC News'], { subtype: 'OUTLET' }),
    make('cnn', 'CNN', 'ORG', ['CNN'], { subtype: 'OUTLET' }),
    make('nova', 'Agenzia Nova', 'ORG', ['Agenzia Nova'], { subtype: 'OUTLET' }),
    make('lavrov', 'Sergey Lavrov', 'PERSON', ['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov'], { roles: ['Russian Foreign Minister'] }),
    make('zakharova', 'Maria Zakharova', 'PERSON', ['Maria Zakharova', 'Zakharova'], { roles: ['spokeswoman for the Russian Foreign Ministry'] }),
    make('zelensky', 'Volodymyr Zelensky', 'PERSON', ['Volodymyr Zelensky', 'Zelensky'], { roles: ['Ukrainian President'] }),
    make('putin', 'Vladimir Putin', 'PERSON', ['Vladimir Putin'], { roles: ['President'] }),
    make('russia', 'Russia', 'LOC', ['Russia', 'Moscow'], { subtype: 'GPE' }),
  ]
}

describe.skipIf(!present)('reference article: backchannel-report.txt', () => {
  const text = present ? readFileSync(file, 'utf8') : ''
  const { quotes, sources } = analyse(text, present ? entities(text) : [])
  const find = (words: string): Quote => {
    // the innermost quote that contains the words (the Nova quote contains Zakharova's)
    const q = quotes.filter((x) => x.text.includes(words)).sort((a, b) => a.text.length - b.text.length)[0]
    if (!q) throw new Error(`no quote contains ${JSON.stringify(words)}; quotes: ${JSON.stringify(quotes.map((x) => x.text.slice(0, 50)))}`)
    return q
  }

  it.each<[string, string, string | undefined, string, string | undefined]>([
    // content words, cue, speaker text, speaker kind, entity
    ['This is disinformation, a fake news spread by Western media', 'told a news conference', 'Zakharova', 'person', 'zakharova'],
    ['Moscow has denied reports that Russian Foreign Minister Sergei Lavrov had talks', 'reporting', 'Agenzia Nova', 'outlet', 'nova'],
    ['We cannot imagine Ukraine without Crimea', 'said', 'Zelensky', 'person', 'zelensky'],
    ['And while Crimea is under the Russian occupation', 'said', 'Zelensky', 'person', 'zelensky'],
    ['My communication with the CIA chief should always be behind the scenes', 'said', 'he', 'person', 'zelensky'],
    ['Sitting down with Lavrov were Richard Haass', 'reports', 'the outlet', 'outlet', 'nbc'],
    ['academics, leaders from major think tanks', 'told', 'sources', 'anonymous', undefined],
    ['the war would not come to an end until Crimea was back under Ukrainian control', 'said', 'Ukrainian President Volodymyr Zelensky', 'person', 'zelensky'],
    ['Russia had laid explosives on the Zaporizhzhia nuclear power plant', 'claimed', 'he', 'person', 'zelensky'],
    ['in April, Russian Foreign Minister Sergey Lavrov attended meetings in New York', 'reported', 'NBC', 'outlet', 'nbc'],
  ])('%s', (words, cue, speaker, kind, entity) => {
    const q = find(words)
    expect(q.text).toBe(text.slice(q.start, q.end))
    expect(q.cue?.text).toBe(cue)
    expect(q.speaker.text).toBe(speaker)
    expect(q.speaker.kind).toBe(kind)
    expect(q.speaker.entity).toBe(entity)
    expect(q.source).toBeDefined()
  })

  it('reads the direct quotes as direct and the indirect ones as indirect or mixed', () => {
    expect(find('This is disinformation').kind).toBe('direct')
    expect(find('Sitting down with Lavrov').kind).toBe('direct')
    expect(find('he war would not come to an end').kind).toBe('indirect')
    expect(['indirect', 'mixed']).toContain(find('attended meetings in New York').kind)
  })

  it('finds no quote in scare quotes or apostrophes', () => {
    expect(quotes.some((q) => q.text.replace(/["“”.]/g, '') === 'back-channel diplomacy')).toBe(false)
    expect(quotes.some((q) => q.text.replace(/["“”.]/g, '') === 'Track Two diplomacy')).toBe(false)
    expect(quotes.some((q) => q.text.startsWith('s ear'))).toBe(false)
  })

  it('finds the sources: outlets, the named speakers and the counted anonymous officials', () => {
    const nbc = sources.find((s) => s.entity === 'nbc')
    expect(nbc).toMatchObject({ kind: 'outlet', text: 'NBC' })
    expect(find('Sitting down with Lavrov').source).toBe(nbc!.id)
    expect(find('academics, leaders').source).toBe(sources.find((s) => s.text === 'sources')!.id)
    expect(sources.find((s) => s.entity === 'nova')?.kind).toBe('outlet')
    expect(sources.find((s) => s.entity === 'zakharova')?.kind).toBe('named')
    expect(sources.find((s) => s.entity === 'zelensky')?.kind).toBe('named')
    const anon = sources.filter((s) => s.kind === 'anonymous' && s.count !== undefined)
    expect(anon.map((s) => [s.text, s.count, s.description])).toEqual([
      ['Four former national security officials', 4, 'former national security officials'],
      ['two who are current officials', 2, 'current officials'],
    ])
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length)
    for (const s of sources) expect(s.text).toBe(text.slice(s.start, s.end))
  })

  it('works without entities', () => {
    const bare = analyse(text)
    const q = bare.quotes.find((x) => x.text.includes('Sitting down with Lavrov'))!
    expect(q.speaker.kind).toBe('outlet')
    expect(bare.sources.find((s) => s.id === q.source)?.text).toBe('NBC')
  })
})
