import { describe, expect, it } from 'vitest'
import type { Entity } from '../../src/core/types.js'
import { countOf, genderOf, isAnonymous, resolveSpeaker } from '../../src/nlp/find-sources.js'
import { analyse } from './helpers.js'

describe('anonymous sources', () => {
  it.each([
    ['officials', true],
    ['Protest groups', true],
    ['a senior administration official', true],
    ['people familiar with the matter', true],
    ['Clinton aides', true],
    ['a Cairo airport official', true],
    ['many Democrats', true],
    ['Senate Democrats', true],
    ['Many opponents', true],
    ['some Carrier workers', true],
    ['a majority of Republicans', true],
    ['86 percent of black voters', true],
    ['a campaign spokeswoman', true],
    ['Four former officials and two who are current officials', true],
    ['John Smith', false],
    ['Maria Zakharova', false],
    ['the report', false],
    ['Many Happy Returns', false],
    // shares and parts of a group
    ['Only about 4 in 10 Republican voters in each state', true],
    ['One in five voters', true],
    ['Forty-one percent', true],
    ['45 percent of likely Democratic caucusgoers', true],
    ['nearly two-thirds of Democratic primary voters', true],
    ['a number of administration officials', true],
    ['one of his senior aides', true],
    ['Many in the crowd', true],
    ['many marchers and spectators', true],
    ['Ten percent of Bernie Sanders', false],
    ['one of Trump', false],
    // groups with a postmodifier, a relative clause, or "some in the …"
    ['People involved in the lobbying project', true],
    ['people everywhere', true],
    ['a handful of Democrats who point to his record and his ties to labor', true],
    ['Some in the "Bernie or Bust" crowd', true],
    ['Many in the small community of Decatur', true],
    ['some of those hardliners', true],
    // a group with unnamed members is anonymous, a list of names is not
    ['Smith and his aides who are here', true],
    ['Federal and state officials', true],
    ['Democratic and Republican leaders', true],
    ['Smith and Jones', false],
    ['Edwards and others', true],
    ['Greek authorities', true],
    ['white working-class Democrats', true],
    // shares with a hedge or an average, parts of "you", groups around a named person, contact clauses, examples
    ['about a third of Republican voters or less', true],
    ['An average of 12 percent of likely voters', true],
    ['overwhelming majorities of men and women', true],
    ['some of you', true],
    ['any of the senators', true],
    ['some on his staff', true],
    ["some of the DNC's biggest donors", true],
    ['The Democratic nominee and her advisers', true],
    ['Smith and his wife', false],
    ['the economists I interviewed', true],
    ['people we have spoken with', true],
    ['critics such as Smith', true],
    ['one Republican familiar with the talks', true],
    ['World War I veterans', true],
    ['Citizens for Safe Streets', false],
    ['The majority leader', false],
    // counted and quantified crowds, groups where they are or with what they feel, the people of a body
    ['Hundreds of voters', true],
    ['A significant number of Democrats', true],
    ['Lots of angry white people', true],
    ['Nearly eight of 10 voters', true],
    ['Many people here', true],
    ['Republicans across the country', true],
    ['The smartest people on the left', true],
    ['Americans worried about illegal immigration', true],
    ['Policy makers in Beijing', true],
    ['Their friends and advisers', true],
    ['Many in Congress', true],
    ['Jim Bopp of the Platform Committee', false],
    ['Hundreds', false],
    // a relative clause or a participle after the group, a focusing adverb before it, any percentage of a group
    ['The state officials whose laws have been invalidated', true],
    ['Another intelligence source speaking to Fox News', true],
    ['even many conservative patriots, like both of the Bush presidents', true],
    ['a high percentage of voters in both parties', true],
    ['Some 56 percent of Cuban-Americans polled', true],
    ['many of whom', true],
    ['another', true],
    ['Even John Smith', false],
  ])('%j → %s', (text, anonymous) => {
    expect(isAnonymous(text)).toBe(anonymous)
  })

  it('counts a numbered group', () => {
    expect(countOf('Four former national security officials')).toEqual({ count: 4, description: 'former national security officials' })
    // a relative clause says how the source spoke, not who it is
    expect(countOf('Two officials familiar with the talks, who spoke on condition of anonymity')).toEqual({ count: 2, description: 'officials familiar with the talks' })
  })

  it('"which" stands for the phrase before it', () => {
    const text = 'The Biden administration, which has offered support, said the talks were private.'
    const biden: Entity = { id: 'e1', name: 'Biden', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [{ start: 4, end: 9, text: 'Biden' }] }
    const which = { start: text.indexOf('which'), end: text.indexOf('which') + 5 }
    const sp = resolveSpeaker({ text, entities: [biden] }, { speaker: which, antecedent: { start: 0, end: 24 } }, [])
    expect(sp).toEqual({ kind: 'organization', ...which, text: 'which' })
    // without what it stands for, no one
    expect(resolveSpeaker({ text, entities: [biden] }, { speaker: which }, []).kind).toBe('unknown')
  })

  it('"who" after part of a group ("many in the establishment, who") is anonymous, whatever names the group', () => {
    const text = 'The plan angered many in the Republican establishment, who had backed him.'
    const who = { start: text.indexOf('who'), end: text.indexOf('who') + 3 }
    const ante = { start: text.indexOf('the Republican'), end: text.indexOf(', who') }
    expect(resolveSpeaker({ text, entities: [] }, { speaker: who, antecedent: ante }, []).kind).toBe('anonymous')
    // (the group alone is no one's)
    const whole = 'The plan angered the Republican establishment, which had backed him.'
    const which = { start: whole.indexOf('which'), end: whole.indexOf('which') + 5 }
    expect(resolveSpeaker({ text: whole, entities: [] }, { speaker: which, antecedent: { start: whole.indexOf('the Republican'), end: whole.indexOf(', which') } }, []).kind).not.toBe('anonymous')
  })

  it('"who asked not to be named" is how a source is kept, not a quote; the source is what "who" stands for', () => {
    const text = 'A senior administration official, who asked not to be named because the talks are private, said Iran had agreed.'
    const { quotes, sources } = analyse(text)
    expect(quotes.map((q) => q.text)).toEqual(['Iran had agreed'])
    expect(sources.map((s) => [s.kind, s.text, s.count, s.description])).toEqual([['anonymous', 'A senior administration official', 1, 'senior administration official']])
    expect(quotes[0]!.source).toBe(sources[0]!.id)
  })
})

describe('speakers', () => {
  const text = 'Hillary Clinton spoke. Clinton aides said the talks went well.'
  const clinton: Entity = {
    id: 'e1', name: 'Hillary Clinton', type: 'PERSON', aliases: ['Clinton'], roles: [], roleMentions: [],
    mentions: [{ start: 0, end: 15, text: 'Hillary Clinton' }, { start: 23, end: 30, text: 'Clinton' }],
  }
  it('a group named after a person is anonymous, not that person', () => {
    const start = text.indexOf('Clinton aides')
    expect(resolveSpeaker({ text, entities: [clinton] }, { speaker: { start, end: start + 13 } }, [])).toEqual({ kind: 'anonymous', start, end: start + 13, text: 'Clinton aides' })
  })
  it('a place that only modifies a common noun is not the speaker', () => {
    const t = 'An Alberta judge ruled on Monday.'
    const alberta: Entity = { id: 'e1', name: 'Alberta', type: 'LOC', aliases: [], roles: [], roleMentions: [], mentions: [{ start: 3, end: 10, text: 'Alberta' }] }
    expect(resolveSpeaker({ text: t, entities: [alberta] }, { speaker: { start: 0, end: 16 } }, []).entity).toBeUndefined()
  })

  it('a spokesperson for a named person is anonymous, not that person', () => {
    const t = 'A spokesperson for Marco Mendicino said the department was reviewing its options.'
    const m: Entity = { id: 'e1', name: 'Marco Mendicino', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [{ start: 19, end: 34, text: 'Marco Mendicino' }] }
    expect(resolveSpeaker({ text: t, entities: [m] }, { speaker: { start: 0, end: 34 } }, [])).toMatchObject({ kind: 'anonymous' })
    expect(resolveSpeaker({ text: t, entities: [m] }, { speaker: { start: 0, end: 34 } }, []).entity).toBeUndefined()
  })

  it('"Ashley Wallis of Environmental Defence" is Ashley Wallis', () => {
    const t = 'Ashley Wallis of Environmental Defence said it.'
    const mention = (name: string) => ({ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name })
    const org: Entity = { id: 'e1', name: 'Environmental Defence', type: 'ORG', aliases: [], roles: [], roleMentions: [], mentions: [mention('Environmental Defence')] }
    const person: Entity = { id: 'e2', name: 'Ashley Wallis', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention('Ashley Wallis')] }
    expect(resolveSpeaker({ text: t, entities: [org, person] }, { speaker: { start: 0, end: 38 } }, [])).toMatchObject({ kind: 'person', entity: 'e2' })
  })

  it('a surname the entity stage missed is the one person named with it', () => {
    const t = 'Tishana King saw it. Marta Kingsley did not. King told the Daily News.'
    const mention = (name: string) => ({ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name })
    const king: Entity = { id: 'e1', name: 'Tishana King', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention('Tishana King')] }
    const kingsley: Entity = { id: 'e2', name: 'Marta Kingsley', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention('Marta Kingsley')] }
    const start = t.lastIndexOf('King')
    expect(resolveSpeaker({ text: t, entities: [king, kingsley] }, { speaker: { start, end: start + 4 } }, [])).toMatchObject({ kind: 'person', entity: 'e1' })
    // (two people of that surname: neither)
    const other: Entity = { ...kingsley, id: 'e3', name: 'Marta King' }
    expect(resolveSpeaker({ text: t, entities: [king, other] }, { speaker: { start, end: start + 4 } }, []).entity).toBeUndefined()
  })

  it('"Police said" is the one police force the article names, also after it', () => {
    const t = 'Police said two officers were on patrol. According to the NYPD statement, they fired.'
    const nypd: Entity = { id: 'e1', name: 'NYPD', type: 'ORG', aliases: [], roles: [], roleMentions: [], mentions: [{ start: t.indexOf('NYPD'), end: t.indexOf('NYPD') + 4, text: 'NYPD' }] }
    expect(resolveSpeaker({ text: t, entities: [nypd] }, { speaker: { start: 0, end: 6 } }, [])).toMatchObject({ kind: 'organization', entity: 'e1' })
    // ("the police" too)
    const u = 'Yesterday, the police explained that officers fired. According to the NYPD statement, they did.'
    const nypd2: Entity = { ...nypd, mentions: [{ start: u.indexOf('NYPD'), end: u.indexOf('NYPD') + 4, text: 'NYPD' }] }
    expect(resolveSpeaker({ text: u, entities: [nypd2] }, { speaker: { start: 11, end: 21 } }, [])).toMatchObject({ kind: 'organization', entity: 'e1' })
    // (Not after a force named without an entity: "Toronto police say …")
    const v = 'Toronto police say a man died. Police said officers were called. RCMP Cpl. Janelle Shoihet said it was closed.'
    const rcmp: Entity = { ...nypd, name: 'RCMP', mentions: [{ start: v.indexOf('RCMP'), end: v.indexOf('RCMP') + 4, text: 'RCMP' }] }
    const at = v.indexOf('Police said')
    expect(resolveSpeaker({ text: v, entities: [rcmp] }, { speaker: { start: at, end: at + 6 } }, []).entity).toBeUndefined()
  })

  it('"she" is the woman who spoke last, not a person of unknown gender named since', () => {
    const t = 'Ms. Tishana King told The News that she saw the whole incident from her window on the third floor of the building. ' +
      'Gray had been standing outside with five other young men before the two officers arrived in an unmarked car that night. ' +
      '"I could not see what the kids were doing," she said.'
    const mention = (name: string, from = 0) => ({ start: t.indexOf(name, from), end: t.indexOf(name, from) + name.length, text: name })
    const king: Entity = { id: 'e1', name: 'Tishana King', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention('Tishana King')] }
    const gray: Entity = { id: 'e2', name: 'Gray', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention('Gray')] }
    const start = t.lastIndexOf('she')
    const site = { speaker: { start, end: start + 3 } }
    expect(resolveSpeaker({ text: t, entities: [king, gray] }, site, [{ speaker: { kind: 'person', entity: 'e1' } }])).toMatchObject({ entity: 'e1' })
    // (with no one who spoke, the most recent person who may be meant, as before)
    expect(resolveSpeaker({ text: t, entities: [king, gray] }, site, [])).toMatchObject({ entity: 'e2' })
  })

  it('"the company" is the organisation named before, but no party or public body', () => {
    const org = (name: string, t: string): Entity => ({ id: 'e1', name, type: 'ORG', aliases: [], roles: [], roleMentions: [], mentions: [{ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name }] })
    const site = (t: string) => ({ speaker: { start: t.indexOf('The company'), end: t.indexOf('The company') + 11 } })
    const t1 = 'Jagmeet Singh leads the NDP. The company said 300 jobs would be lost.'
    expect(resolveSpeaker({ text: t1, entities: [org('NDP', t1)] }, site(t1), []).entity).toBeUndefined()
    const t2 = 'Acme Widgets cut its forecast. The company said 300 jobs would be lost.'
    expect(resolveSpeaker({ text: t2, entities: [org('Acme Widgets', t2)] }, site(t2), []).entity).toBe('e1')
  })

  it('"the statement" is the author of the statement named with the last cue, unless an outlet reported it', () => {
    const t = 'In an emailed statement, Health Canada said it is working with partners. The statement added that travellers should watch their health.'
    const hc: Entity = { id: 'e1', name: 'Health Canada', type: 'ORG', aliases: [], roles: [], roleMentions: [], mentions: [{ start: 25, end: 38, text: 'Health Canada' }] }
    const cue = { start: t.indexOf('said'), end: t.indexOf('said') + 4 }
    const site = { speaker: { start: t.indexOf('The statement'), end: t.indexOf('The statement') + 13 } }
    const previous = (kind: 'organization' | 'outlet') => [{ speaker: { kind, entity: 'e1', start: 25, end: 38, text: 'Health Canada' }, attribution: { fragments: [{ start: cue.end + 1, end: t.indexOf('.') }], cue } }]
    expect(resolveSpeaker({ text: t, entities: [hc] }, site, previous('organization')).entity).toBe('e1')
    expect(resolveSpeaker({ text: t, entities: [hc] }, site, previous('outlet')).entity).toBeUndefined()
    // (no statement named with the last cue: no author)
    const t2 = t.replace('In an emailed statement, ', 'On Monday, ')
    const cue2 = { start: t2.indexOf('said'), end: t2.indexOf('said') + 4 }
    const hc2 = { ...hc, mentions: [{ start: t2.indexOf('Health'), end: t2.indexOf('Health') + 13, text: 'Health Canada' }] }
    const site2 = { speaker: { start: t2.indexOf('The statement'), end: t2.indexOf('The statement') + 13 } }
    expect(resolveSpeaker({ text: t2, entities: [hc2] }, site2, [{ speaker: { kind: 'organization', entity: 'e1' }, attribution: { fragments: [], cue: cue2 } }]).entity).toBeUndefined()
  })

  it('a role with a party is the person who holds that role in that party', () => {
    const t = 'Republican nominee Donald Trump spoke first. Democratic nominee Hillary Clinton spoke next. The Democratic nominee said she would win.'
    const person = (id: string, name: string, role: string): Entity => ({ id, name, type: 'PERSON', aliases: [], roles: [role], roleMentions: [], mentions: [{ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name }] })
    const entities = [person('e1', 'Hillary Clinton', 'Democratic nominee'), person('e2', 'Donald Trump', 'Republican nominee')]
    const at = t.indexOf('The Democratic nominee')
    expect(resolveSpeaker({ text: t, entities }, { speaker: { start: at, end: at + 22 } }, []).entity).toBe('e1')
    // (the other way round: the most recent nominee is of the other party)
    const u = 'Democratic nominee Hillary Clinton spoke first. Republican nominee Donald Trump spoke next. The Democratic nominee said she would win.'
    const ents = entities.map((e) => ({ ...e, mentions: [{ start: u.indexOf(e.name), end: u.indexOf(e.name) + e.name.length, text: e.name }] }))
    const at2 = u.indexOf('The Democratic nominee')
    expect(resolveSpeaker({ text: u, entities: ents }, { speaker: { start: at2, end: at2 + 22 } }, []).entity).toBe('e1')
  })

  it('a person named in full is that person', () => {
    expect(resolveSpeaker({ text, entities: [clinton] }, { speaker: { start: 0, end: 15 } }, [])).toMatchObject({ kind: 'person', entity: 'e1' })
  })
  it('knows a gender from a title, a role or a first name, else not', () => {
    const doc = (t: string, name: string, roles: string[] = []): [{ text: string; entities: Entity[] }, Entity] => {
      const e: Entity = { id: 'e1', name, type: 'PERSON', aliases: [], roles, roleMentions: [], mentions: [{ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name }] }
      return [{ text: t, entities: [e] }, e]
    }
    expect(genderOf(...doc('Ms. Tam spoke.', 'Tam'))).toBe('female')
    expect(genderOf(...doc('Tam spoke.', 'Tam', ['spokeswoman']))).toBe('female')
    expect(genderOf(...doc('Justin Trudeau spoke.', 'Justin Trudeau'))).toBe('male')
    expect(genderOf(...doc('Tam spoke.', 'Tam'))).toBeUndefined()
    // from the pronouns after the mentions, when they clearly agree
    expect(genderOf(...doc('Reid launched her line. She said her friends helped her.', 'Reid'))).toBe('female')
    expect(genderOf(...doc('Reid spoke. He said she was right.', 'Reid'))).toBeUndefined()
    // a gendered noun right before a mention, when no title says more; "Mr. and Mrs. Khan" is no woman
    expect(genderOf(...doc('His daughter Joan Felt spoke.', 'Joan Felt'))).toBe('female')
    expect(genderOf(...doc('Mr. and Mrs. Khan spoke.', 'Khan'))).toBeUndefined()
  })
  it('reads "Miss." with a full stop as Mississippi, and lets the titles of all mentions vote', () => {
    const t = 'He died in Biloxi, Miss. LaRue was 75. Mr. LaRue had worked for Nixon. Mr. LaRue was 34 then.'
    const mention = (from: number) => ({ start: t.indexOf('LaRue', from), end: t.indexOf('LaRue', from) + 5, text: 'LaRue' })
    const e: Entity = { id: 'e1', name: 'LaRue', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [mention(0), mention(30), mention(60)] }
    expect(genderOf({ text: t, entities: [e] }, e)).toBe('male')
    const t2 = 'Miss Tam spoke. Ms. Tam left.'
    const tam: Entity = { id: 'e2', name: 'Tam', type: 'PERSON', aliases: [], roles: [], roleMentions: [], mentions: [{ start: 5, end: 8, text: 'Tam' }, { start: 20, end: 23, text: 'Tam' }] }
    expect(genderOf({ text: t2, entities: [tam] }, tam)).toBe('female')
  })
})

describe('anonymous groups: possessives, people interviewed, "one or more of", an organisation with some experts', () => {
  it.each([
    ["Teachers'", true],
    ["young people's", true],
    ["Smith's", false],
    ['interviews with a dozen county officials and organizers', true],
    ['interviews with Smith', false],
    ['one or more of its board members', true],
    ['The Jones campaign and some security experts', true],
    ['Jones and Smith', false],
  ])('%s → %s', (phrase, anonymous) => {
    expect(isAnonymous(phrase)).toBe(anonymous)
  })
})
