import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Entity } from '../../src/core/types.js'
import { entityAt, findEntities, similarity } from '../../src/nlp/find-entities.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

function analyse(text: string): Entity[] {
  const tokens = tokenize(text)
  return findEntities({ text, tokens, sentences: splitSentences(text, tokens) })
}

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name || x.aliases.includes(name))
  if (!e) throw new Error(`no entity "${name}" in ${entities.map((x) => x.name).join(', ')}`)
  return e
}

describe('findEntities on short texts', () => {
  it('completes a surname with an inner capital and a name after an honorific, and gives a bare surname to the most named person', () => {
    const text = 'Frederick Cheney LaRue, 75, the Nixon aide, died. Mr. LaRue came to Washington in 1969. His father, Ike Parsons LaRue, went to jail. Mr. LaRue said in 1971 that he was no millionaire.'
    const es = analyse(text)
    const fred = byName(es, 'Frederick Cheney LaRue')
    expect(fred.type).toBe('PERSON')
    expect(fred.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Frederick Cheney LaRue', 'Mr. LaRue', 'Mr. LaRue'])
    expect(byName(es, 'Ike Parsons LaRue').mentions).toHaveLength(1)
    expect(es.some((e) => e.name === 'Mr.')).toBe(false)
  })

  it('ends a name after an honorific at its last name word, where the tagger runs it on over the verb', () => {
    // The tagger (trained on Reuters text with few honorifics) tags "Mr. Hannity is not only" and
    // "Mr. Hannity had for months pressed" as persons in this paragraph.
    const text =
      "Mr. Hannity uses his radio show to push Mr. Trump's message every night -- giving Mr. Trump the kind of exposure even a rich man can't buy.\n\n" +
      'But Mr. Hannity is not only Mr. Trump\'s biggest booster; he also plays the role of adviser. Several aides said Mr. Hannity had for months pressed Mr. Trump with ideas on strategy. Mr. de Blasio and Ms. Ocasio-Cortez declined.'
    const es = analyse(text)
    const mentions = es.flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)))
    expect(mentions.filter((m) => /^(?:Mr|Ms)\./.test(m) && /\s\p{Ll}+(?:\s|$)/u.test(m.replace(/ de /, ' ')))).toEqual([])
    expect(byName(es, 'Mr. Hannity').mentions).toHaveLength(3)
    expect(byName(es, 'Mr. Trump').mentions).toHaveLength(4)
    expect(byName(es, 'Mr. de Blasio').type).toBe('PERSON')
    expect(byName(es, 'Ms. Ocasio-Cortez').type).toBe('PERSON')
  })

  it('joins a short given name and a generational suffix to the person named in full, not a father to his son', () => {
    const es = analyse('Frederick Cheney LaRue, a Nixon aide, died. Fred LaRue was 75. Mark Felt Sr. led the FBI. Mark Felt spoke rarely. Tom Hale Jr. met Tom Hale Sr. on Monday. Donald Trump Jr. said Donald Trump would win.')
    expect(byName(es, 'Frederick Cheney LaRue').mentions.map((m) => m.text)).toEqual(['Frederick Cheney LaRue', 'Fred LaRue'])
    expect(byName(es, 'Mark Felt Sr.').mentions.map((m) => m.text)).toEqual(['Mark Felt Sr.', 'Mark Felt'])
    expect(byName(es, 'Tom Hale Jr.').mentions.map((m) => m.text)).toEqual(['Tom Hale Jr.'])
    expect(byName(es, 'Tom Hale Sr.').mentions.map((m) => m.text)).toEqual(['Tom Hale Sr.'])
    expect(byName(es, 'Donald Trump Jr.').mentions.map((m) => m.text)).toEqual(['Donald Trump Jr.'])
  })

  it('ends a name at a comma', () => {
    // The tagger runs "George Washington University, Felt" together in this sentence.
    const text = 'Mark Felt joined the bureau. Days before Pearl Harbor, after earning a law degree in night classes at George Washington University, Felt applied to the FBI and joined it in January 1942.'
    const es = analyse(text)
    expect(es.filter((e) => e.name.includes(',')).map((e) => e.name)).toEqual([])
    // (The pieces take their types: an organisation's head word, the surname of a person named before.)
    expect(es.find((e) => e.name.endsWith('Washington University'))?.type).toBe('ORG')
    expect(byName(es, 'Mark Felt').mentions.map((m) => m.text)).toEqual(['Mark Felt', 'Felt'])
  })

  it('reads a place before a role as the place, not an organisation', () => {
    const es = analyse('The fire destroyed the church. On Saturday, the Alaska Governor said she was sorry.')
    expect(es.map((e) => [e.name, e.type])).toEqual([['Alaska', 'LOC']])
  })

  it('keeps a middle initial inside the name, with the given name before it and the surname after it', () => {
    // The tagger reads "D. Williams" here without the given name it does not know, and "Mayor John" without the rest.
    expect(analyse('Councilman Jumaane D. Williams said it.').map((e) => e.name)).toEqual(['Jumaane D. Williams'])
    expect(analyse('Mayor John D. Tory said it.').map((e) => e.name)).toEqual(['John D. Tory'])
    expect(analyse('In 1972 E. Howard Hunt was arrested.').map((e) => e.name)).toEqual(['E. Howard Hunt'])
  })

  it('reads a police force as an organisation, with its head word and without the verb after it', () => {
    // The tagger reads "Ontario Provincial Police said" as one MISC name and stops before "Service".
    expect(analyse('The Ontario Provincial Police said the highway was closed.').map((e) => [e.name, e.type])).toEqual([['Ontario Provincial Police', 'ORG']])
    expect(analyse('Toronto Police Service officers arrived.').map((e) => e.name)).toEqual(['Toronto Police Service'])
  })

  it('keeps the owner in an office\'s name', () => {
    // The tagger reads "Office" alone here.
    expect(analyse("The Prime Minister's Office said it.").map((e) => [e.name, e.type])).toEqual([["Prime Minister's Office", 'ORG']])
    expect(analyse("The Attorney General's Office said it.").map((e) => [e.name, e.type])).toEqual([["Attorney General's Office", 'ORG']])
  })

  it('keeps a plural possessive inside an organisation\'s name', () => {
    // The tagger splits at the apostrophe: "Nova Scotia Nurses" (a place) and "Union", "Ontario Nurses" and "Association" (a person).
    expect(analyse("The Nova Scotia Nurses' Union says its members are exhausted.").map((e) => [e.name, e.type])).toEqual([["Nova Scotia Nurses' Union", 'ORG']])
    expect(analyse('The Ontario Nurses’ Association said the same.').map((e) => [e.name, e.type])).toEqual([['Ontario Nurses’ Association', 'ORG']])
  })

  it('drops a police or council title written short from the name', () => {
    expect(analyse('"It is shocking," said Insp. Norm Proctor.').map((e) => e.name)).toEqual(['Norm Proctor'])
    expect(analyse('Coun. Josh Matlow said the plan was a disaster.').map((e) => e.name)).toEqual(['Josh Matlow'])
  })

  it('ends a name at a verb the tagger ran it on over, and splits a role of a city off the name after it', () => {
    const names = analyse('Green Party Leader Mike Schreiner accused Ford of wasting money.').map((e) => [e.name, e.type])
    expect(names.slice(0, 2)).toEqual([['Green Party', 'ORG'], ['Mike Schreiner', 'PERSON']])
    // (the name after the verb stays a name of its own)
    expect(names.map(([n]) => n)).toContain('Ford')
    expect(analyse('Palmer City Clerk Janette Bower told the newspaper the building was vacant.').map((e) => [e.name, e.type])).toEqual([['Palmer City', 'ORG'], ['Janette Bower', 'PERSON']])
  })

  it('reads an outlet written in capitals, a place that an organisation\'s name goes on from, and a double surname the tagger left out', () => {
    expect(analyse('USA TODAY reported that the donations were suspicious.').map((e) => [e.name, e.type])).toEqual([['USA TODAY', 'ORG']])
    expect(analyse('She told New Hampshire Public Radio that the fees were fair.').map((e) => [e.name, e.type])).toEqual([['New Hampshire Public Radio', 'ORG']])
    // (a surname that is also a month or a modal, alone before a verb of speech after the full name; not elsewhere)
    expect(analyse('Theresa May met the leaders. May said she would stay. May was warm.').map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Theresa May', 'PERSON', 2]])
    // (French compound given names: a surname the tagger left out after them, with or without a role before)
    expect(analyse('MONTREAL — Bloc Québécois Leader Yves-François Blanchet says his party will oppose the bill.').map((e) => [e.name, e.type])).toEqual([['MONTREAL', 'LOC'], ['Bloc Québécois', 'ORG'], ['Yves-François Blanchet', 'PERSON']])
    expect(analyse('Montreal police Insp. Jean-Pierre Brabant said officers arrested three people.').filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Jean-Pierre Brabant'])
    // (and the given name the tagger left out between a role and a surname)
    const bloc = 'MONTREAL — Bloc Québécois Leader Yves-François Blanchet says his party will oppose the bill.\n\n"This is an attack on Quebec\'s jurisdiction," Blanchet told reporters in Montreal on Sunday.\n\nQuebec Premier François Legault agreed.'
    expect(analyse(bloc).filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.length])).toEqual([['Yves-François Blanchet', 2], ['François Legault', 1]])
    // (a surname of a saint's name, "St. Louis": with the given name, and alone before a verb of speech, the person)
    const coach = 'Leafs head coach Sheldon Keefe praised his captain.\n\nCanadiens coach Martin St. Louis said his team did not have enough.\n\n"We gave them too many chances," St. Louis said.'
    expect(analyse(coach).filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.length])).toEqual([['Sheldon Keefe', 1], ['Martin St. Louis', 2]])
    // (a county is a place, though its first word is a given name)
    expect(analyse('Officials in Harrison County said the roads were closed.').map((e) => [e.name, e.type])).toEqual([['Harrison County', 'LOC']])
    // (… and after a given name at the end of a sentence, where the tagger left it out: "Leader Elizabeth May.")
    expect(analyse('The vote was opposed by Green Party Leader Elizabeth May.').map((e) => [e.name, e.type])).toEqual([['Green Party', 'ORG'], ['Elizabeth May', 'PERSON']])
    // (a two-word surname alone is the person named with it in full)
    expect(analyse('Health Minister Ginette Petitpas Taylor met the premiers. Petitpas Taylor said pharmacare would move ahead.').filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.length])).toEqual([['Ginette Petitpas Taylor', 2]])
    // (an acronym the tagger left out after a place: the force or party of that place)
    expect(analyse('Manitoba RCMP say a man has been charged.').map((e) => [e.name, e.type])).toEqual([['Manitoba RCMP', 'ORG']])
    // (a titled name does not run on over "and" into the next title; "Procter and Gamble" stays one)
    expect(analyse("Liberal Leader Justin Trudeau and Conservative Leader Erin O'Toole clashed on Thursday.").filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Justin Trudeau', "Erin O'Toole"])
    // (a given name first, a company's word last: a company)
    expect(analyse('Rogers Communications said Tuesday that service had been restored.').map((e) => [e.name, e.type])).toEqual([['Rogers Communications', 'ORG']])
    // (a department named with its country: "Health Canada" is no place)
    expect(analyse('Health Canada says the recall affects products sold in Ontario and Quebec.').map((e) => [e.name, e.type])[0]).toEqual(['Health Canada', 'ORG'])
    expect(analyse('Elections Canada said turnout was high.').map((e) => [e.name, e.type])).toEqual([['Elections Canada', 'ORG']])
    expect(analyse('City Council Speaker Melissa Mark-Viverito criticized Sen. Bernie Sanders.').map((e) => [e.name, e.type])).toEqual([['City Council', 'ORG'], ['Melissa Mark-Viverito', 'PERSON'], ['Bernie Sanders', 'PERSON']])
    expect(analyse('City Council Member Jumaane Williams lamented that the vigil turned violent.').map((e) => [e.name, e.type])).toContainEqual(['Jumaane Williams', 'PERSON'])
    // (a role in lower case inside the tagger's name)
    expect(analyse('Likely Republican nominee Donald Trump said the bill was bad.').map((e) => [e.name, e.type])).toContainEqual(['Donald Trump', 'PERSON'])
    // (a surname with an inner capital after a title of an organisation)
    expect(analyse('Senate Majority Leader Mitch McConnell is criticizing the plan.').map((e) => [e.name, e.type])).toContainEqual(['Mitch McConnell', 'PERSON'])
  })

  it('ends an organisation at a possessive before a person\'s given name and surname', () => {
    // The tagger reads "Reunion Pictures' Matthew O'Connor" as one place here.
    const es = analyse("The move comes as a surprise to Reunion Pictures' Matthew O'Connor, who coproduced the film.")
    expect(es.map((e) => [e.name, e.type])).toContainEqual(["Matthew O'Connor", 'PERSON'])
    expect(es.some((e) => e.name.startsWith('Reunion Pictures') && e.name !== 'Reunion Pictures')).toBe(false)
    // (No given name after the possessive: one name.)
    expect(analyse("The San Bernardino County Sheriff's Department said it.").map((e) => e.name)).toEqual(["San Bernardino County Sheriff's Department"])
  })

  it('reads a given name that is also a place, after a noun for people, as a person', () => {
    // The tagger reads "Paris" alone as the city here.
    const es = analyse('"We want more uprisings," said 32-year-old protester Paris Kyriakides.')
    expect(es.map((e) => [e.name, e.type])).toContainEqual(['Paris Kyriakides', 'PERSON'])
    expect(es.filter((e) => e.name === 'Paris')).toEqual([])
    // (Not an adjective before a place: "major Hong Kong-listed firms".)
    expect(analyse('Shares of major Hong Kong-listed firms fell on Monday.').filter((e) => e.type === 'PERSON')).toEqual([])
  })

  it('ends a name at the verb of a title-case headline', () => {
    const es = analyse('Ted Cruz Hints Trump Would Get Border Wall Contract\n\nDonald Trump Tells Florida Supporters The Wrong Date')
    expect(byName(es, 'Ted Cruz').type).toBe('PERSON')
    expect(byName(es, 'Donald Trump').type).toBe('PERSON')
    expect(es.some((e) => /Hints|Tells/.test(e.name))).toBe(false)
  })

  it('reads a name with an initial, a generational suffix, or after a sentence-opening function word', () => {
    const es = analyse('Oscar P. Quintero spoke. Robert John Dougherty III said nothing. Had Woodward not run it, the story would have died.')
    expect(byName(es, 'Oscar P. Quintero').type).toBe('PERSON')
    expect(byName(es, 'Robert John Dougherty III').type).toBe('PERSON')
    expect(byName(es, 'Woodward').type).toBe('PERSON')
  })

  it('reads streets as places, not people', () => {
    const es = analyse('The fire started at 123 E. Dahlia Ave. in Palmer. The march reached Pennsylvania Avenue. John Street said it was calm.')
    expect(byName(es, 'E. Dahlia Ave.')).toMatchObject({ type: 'LOC', subtype: 'FACILITY' })
    expect(byName(es, 'Pennsylvania Avenue')).toMatchObject({ type: 'LOC', subtype: 'FACILITY' })
    expect(byName(es, 'John Street').type).toBe('PERSON')
  })

  it('keeps the surname after a middle initial', () => {
    const es = analyse('Judge John J. Sirica presided. George H.W. Bush won the election. Frederick C. LaRue said nothing.')
    for (const name of ['John J. Sirica', 'George H.W. Bush', 'Frederick C. LaRue']) expect(byName(es, name).type).toBe('PERSON')
    expect(es.some((e) => e.name === 'John J.' || e.name === 'George H.W.')).toBe(false)
  })

  it('gives a given name alone to the one person named in full with it, and to no one when two are', () => {
    const text = 'Hillary Clinton spoke in Ohio. Bill Clinton was there too. Later Hillary said she would win, and Bill nodded.'
    const es = analyse(text)
    expect(byName(es, 'Hillary Clinton').mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Hillary Clinton', 'Hillary'])
    expect(byName(es, 'Bill Clinton').mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Bill Clinton', 'Bill'])
    const two = 'Mark Grant met Mark Ortiz in Denver. Mark said the talks went well.'
    const people = analyse(two).filter((e) => e.type === 'PERSON')
    for (const name of ['Mark Grant', 'Mark Ortiz']) expect(byName(people, name).mentions).toHaveLength(1)
  })

  it('a name that ends in an organisation\'s head word is no person', () => {
    const es = analyse("Jo Berger, a fellow with George Washington University's Program on Extremism, spoke. Prices rose after the merger of Time Warner Cable.")
    expect(byName(es, 'George Washington University').type).toBe('ORG')
    expect(byName(es, 'Time Warner Cable').type).toBe('ORG')
    expect(byName(es, 'Jo Berger').type).toBe('PERSON')
  })

  it('keeps two people with one surname apart and gives a bare surname to the most recent one', () => {
    const text = 'Bill Clinton met Hillary Clinton in Washington on Monday. Clinton said the talks went well.'
    const es = analyse(text)
    const people = es.filter((e) => e.type === 'PERSON')
    expect(people.map((e) => e.name).sort()).toEqual(['Bill Clinton', 'Hillary Clinton'])
    const hillary = byName(es, 'Hillary Clinton')
    expect(hillary.aliases).toEqual(['Clinton'])
    expect(hillary.mentions.at(-1)!.start).toBe(text.indexOf('Clinton said'))
  })

  it('gives "Mr." and "Mrs." with one surname to the man and the woman, not both to one of them', () => {
    const text = 'Bill Clinton met Hillary Clinton in Washington. Mr. Clinton spoke first. Mrs. Clinton said the talks went well. Mr. Clinton agreed, and Mrs. Clinton left.'
    const es = analyse(text)
    const at = (s: string, from = 0) => text.indexOf(s, from)
    const mentionsOf = (name: string) => byName(es, name).mentions.map((m) => m.start)
    expect(mentionsOf('Hillary Clinton')).toEqual([at('Hillary'), at('Mrs. Clinton said'), at('Mrs. Clinton left')])
    expect(mentionsOf('Bill Clinton')).toEqual([at('Bill'), at('Clinton spoke'), at('Clinton agreed')])
  })

  it('gives a bare surname used before a relative is named in full to someone else than the relative', () => {
    const text = 'Felt worked for the FBI for 31 years. His daughter Joan Felt said he died at home. Felt was 95.'
    const es = analyse(text)
    const joan = byName(es, 'Joan Felt')
    expect(joan.mentions.map((m) => m.text)).toEqual(['Joan Felt'])
    const felt = es.find((e) => e.name === 'Felt')
    expect(felt?.mentions.map((m) => m.start)).toEqual([0, text.lastIndexOf('Felt')])
    // (but "Ms. Felt" is the daughter)
    const t2 = text + ' Ms. Felt said he loved the FBI.'
    expect(byName(analyse(t2), 'Joan Felt').mentions.map((m) => m.text)).toEqual(['Joan Felt', 'Ms. Felt'])
  })

  it('merges spelling variants, acronyms and outlet short forms', () => {
    const text =
      'Ukrainian President Volodymyr Zelenskyy spoke to NBC News on Monday. Volodymyr Zelensky said the International Atomic Energy Agency should visit. ' +
      'The IAEA declined, NBC reported.'
    const es = analyse(text)
    expect(byName(es, 'Volodymyr Zelenskyy').aliases).toContain('Volodymyr Zelensky')
    expect(byName(es, 'International Atomic Energy Agency').aliases).toEqual(['IAEA'])
    const nbc = byName(es, 'NBC News')
    expect(nbc).toMatchObject({ type: 'ORG', subtype: 'OUTLET', aliases: ['NBC'] })
  })

  it('gives events their subtype, and not other names', () => {
    const es = analyse('He fought in World War II and watched the World Cup final before the G20 Summit. The French team won.')
    const misc = es.filter((e) => e.type === 'MISC')
    expect(misc.filter((e) => e.subtype === 'EVENT').map((e) => e.name)).toEqual(expect.arrayContaining(['World War II', 'World Cup']))
    expect(byName(es, 'French').subtype).toBe('NORP')
  })

  it('reads an appositive role before the name, with its organisation', () => {
    const es = analyse('The spokesman for the Kremlin, Dmitry Peskov, said Moscow would respond.')
    const peskov = byName(es, 'Dmitry Peskov')
    expect(peskov.roles).toEqual(['spokesman for the Kremlin'])
    expect(peskov.roleMentions[0]!.org).toBe('Kremlin')
  })

  it.each([
    ['Mayor John Tory says the city cannot afford another tax increase.', 'John Tory', 'Mayor'],
    ['TORONTO — Mayor John Tory says the city cannot afford it.', 'John Tory', 'Mayor'],
    ['Prime Minister Justin Trudeau said the deal was done.', 'Justin Trudeau', 'Prime Minister'],
    ['NDP Leader Jagmeet Singh called the decision cruel. Singh said it.', 'Jagmeet Singh', 'NDP Leader'],
  ])('keeps a title out of the name and makes it a role: %j', (text, name, role) => {
    const e = byName(analyse(text), name)
    expect(e.type).toBe('PERSON')
    expect(e.mentions[0]!.text).toBe(name)
    expect(e.roles).toEqual([role])
  })

  it('has mentions whose text is the slice they point to, and ids in order of first mention', () => {
    const text = 'Russian Foreign Minister Sergey Lavrov met officials in New York. Lavrov left.'
    const es = analyse(text)
    es.forEach((e, i) => {
      expect(e.id).toBe(`e${i + 1}`)
      for (const m of [...e.mentions, ...e.roleMentions]) expect(m.text).toBe(text.slice(m.start, m.end))
    })
    expect(entityAt(es, text.indexOf('Lavrov left'), text.indexOf('Lavrov left') + 3)?.name).toBe('Sergey Lavrov')
    expect(entityAt(es, 0, 0)).toBeUndefined()
    expect(JSON.parse(JSON.stringify(es))).toEqual(es)
  })

  it('similarity', () => {
    expect(similarity('Sergey', 'Sergei')).toBeGreaterThan(0.75)
    expect(similarity('Bill', 'Hillary')).toBeLessThan(0.5)
  })
})

const shared = new URL('../../../shared/', import.meta.url)
const example = new URL('examples/backchannel-report.txt', shared)

describe.runIf(existsSync(fileURLToPath(example)))('findEntities on the back-channel report', () => {
  const text = existsSync(fileURLToPath(example)) ? readFileSync(example, 'utf8') : ''
  const es = text ? analyse(text) : []

  it('finds the people, with aliases and roles', () => {
    const lavrov = byName(es, 'Sergey Lavrov')
    expect(lavrov.type).toBe('PERSON')
    expect(lavrov.name).toBe('Sergey Lavrov')
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Lavrov']))
    expect(lavrov.roles).toContain('Russian Foreign Minister')
    expect(es.filter((e) => /Lavrov/.test(e.name))).toHaveLength(1)

    const zakharova = byName(es, 'Maria Zakharova')
    expect(zakharova.roles).toEqual(['spokeswoman for the Russian Foreign Ministry'])
    expect(zakharova.roleMentions[0]!.org).toBe('Russian Foreign Ministry')
    expect(zakharova.aliases).toContain('Zakharova')

    expect(byName(es, 'Richard Haass').roles).toEqual(['former diplomat', 'outgoing president of the Council on Foreign Relations'])
    expect(byName(es, 'Charles Kupchan').roles).toEqual(['Europe expert'])
    expect(byName(es, 'Thomas Graham').type).toBe('PERSON')
    const zelensky = byName(es, 'Volodymyr Zelensky')
    expect(zelensky.roles).toContain('Ukrainian President')
    expect(zelensky.aliases).toContain('Zelensky')
    for (const e of es) for (const r of e.roleMentions) expect(r.text).toBe(text.slice(r.start, r.end))
  })

  it('finds the organisations, merging NBC and NBC News', () => {
    expect(byName(es, 'NBC')).toMatchObject({ name: 'NBC News', type: 'ORG', subtype: 'OUTLET' })
    expect(es.filter((e) => e.name === 'NBC' || e.aliases.includes('NBC'))).toHaveLength(1)
    expect(byName(es, 'Agenzia Nova')).toMatchObject({ type: 'ORG', subtype: 'OUTLET' })
    for (const name of ['Council on Foreign Relations', 'IAEA', 'CIA', 'UN Security Council']) expect(byName(es, name).type).toBe('ORG')
    expect(byName(es, 'UN Security Council').subtype).toBe('INTERNATIONAL_ORG')
  })

  it('finds the places', () => {
    for (const name of ['New York', 'Russia', 'Ukraine', 'Crimea']) expect(byName(es, name)).toMatchObject({ type: 'LOC', subtype: 'GPE' })
    const plant = es.find((e) => e.name.startsWith('Zaporizhzhia'))
    expect(plant).toMatchObject({ type: 'LOC', subtype: 'FACILITY', name: 'Zaporizhzhia nuclear power plant' })
    expect(byName(es, 'Russian')).toMatchObject({ type: 'MISC', subtype: 'NORP' })
  })

  it('numbers entities in order of first mention', () => {
    const firsts = es.map((e) => e.mentions[0]!.start)
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts)
    expect(es[0]!.id).toBe('e1')
  })
})

if (!existsSync(fileURLToPath(example))) console.log('entities: shared/examples not found, skipping the back-channel report tests')
