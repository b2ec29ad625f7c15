import type { Analysis, Entity, Mention, NewsEvent, Quote, Source } from '../../src/core/types.js'

/** The span of the `n`th (0-based) occurrence of `needle` in `text`; throws when absent, so fixtures stay honest. */
export function at(text: string, needle: string, n = 0): Mention {
  let start = -1
  for (let i = 0; i <= n; i++) {
    start = text.indexOf(needle, start + 1)
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} #${n} not in text`)
  }
  return { start, end: start + needle.length, text: needle }
}

function base(id: string, title: string, text: string): Analysis {
  return {
    id,
    url: null,
    title,
    byline: null,
    published: null,
    site: null,
    language: 'en',
    text,
    removed: [],
    sentences: [{ start: 0, end: text.length }],
    entities: [],
    times: [],
    quotes: [],
    sources: [],
    events: [],
    messages: [],
    version: 'test',
  }
}

function entity(id: string, name: string, type: Entity['type'], mentions: Mention[], aliases: string[] = []): Entity {
  return { id, name, type, aliases, roles: [], roleMentions: [], mentions }
}

/** A hand-made analysis of a short back-channel report: entities, a quote with cue and speaker, sources, a denial. */
export function lavrovArticle(): Analysis {
  const text =
    'NBC reported that Russian Foreign Minister Sergey Lavrov met former US officials in New York. ' +
    'Four former officials revealed the meeting to NBC.\n' +
    '"This is disinformation," Maria Zakharova told a news conference. Moscow denied the reports.'
  const a = base('lavrov', 'Lavrov held back-channel talks, NBC says', text)
  a.published = '2023-07-08'
  a.site = 'example.com'
  a.url = 'https://example.com/lavrov'
  a.entities = [
    entity('e1', 'Sergey Lavrov', 'PERSON', [at(text, 'Sergey Lavrov')], ['Lavrov', 'Sergei Lavrov']),
    entity('e2', 'NBC', 'ORG', [at(text, 'NBC'), at(text, 'NBC', 1)], ['NBC News']),
    entity('e3', 'Maria Zakharova', 'PERSON', [at(text, 'Maria Zakharova')]),
    entity('e4', 'New York', 'LOC', [at(text, 'New York')]),
    entity('e5', 'Moscow', 'LOC', [at(text, 'Moscow')]),
  ]
  const quoted = at(text, 'This is disinformation,')
  const quote: Quote = {
    id: 'q1',
    kind: 'direct',
    act: 'speech',
    start: quoted.start,
    end: quoted.end,
    text: quoted.text,
    cue: at(text, 'told a news conference'),
    speaker: { kind: 'person', entity: 'e3', ...at(text, 'Maria Zakharova') },
    source: 's3',
  }
  a.quotes = [quote]
  const sources: Source[] = [
    { id: 's1', kind: 'outlet', entity: 'e2', ...at(text, 'NBC reported') },
    { id: 's2', kind: 'anonymous', count: 4, description: 'former officials', ...at(text, 'Four former officials') },
    { id: 's3', kind: 'named', entity: 'e3', ...at(text, 'Maria Zakharova') },
  ]
  a.sources = sources
  const meet = at(text, 'Sergey Lavrov met former US officials in New York')
  const deny = at(text, 'Moscow denied the reports')
  const events: NewsEvent[] = [
    { id: 'ev1', type: 'meet', code: '040', ...meet, actors: ['e1'], targets: [], place: 'New York', according: ['s1', 's2'], stance: 'reported' },
    { id: 'ev2', type: 'deny', code: '023', ...deny, actors: ['e5'], targets: [], according: [], stance: 'denied', denies: 'ev1' },
  ]
  a.events = events
  return a
}

/** A second article quoting the same person, spelled differently, so entities merge across articles; its quote is a claim. */
export function zakharovaArticle(): Analysis {
  const text = 'Spokeswoman María Zakharova insisted on Friday that "no such talks took place". Lavrov was in Geneva.'
  const a = base('zakharova-2', 'Moscow again denies talks', text)
  a.entities = [
    entity('e1', 'María Zakharova', 'PERSON', [at(text, 'María Zakharova')]),
    entity('e2', 'Lavrov', 'PERSON', [at(text, 'Lavrov')]),
    entity('e3', 'Geneva', 'LOC', [at(text, 'Geneva')]),
  ]
  const quoted = at(text, 'no such talks took place')
  a.quotes = [
    // "insisted": a claim, so the fixtures hold quotes of two acts.
    { id: 'q1', kind: 'mixed', act: 'claim', start: quoted.start, end: quoted.end, text: quoted.text, cue: at(text, 'insisted'), speaker: { kind: 'person', entity: 'e1', ...at(text, 'María Zakharova') } },
  ]
  return a
}

export const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'] as const

/** An article whose id, title, text, entity and quote carry script-injection payloads. */
export function xssArticle(): Analysis {
  const text = `Eve said "${XSS[0]} ${XSS[1]}" and linked ${XSS[2]} today. Mallory <b>agreed</b>.`
  const a = base('xss-<script>', `${XSS[0]}${XSS[1]} ${XSS[2]}`, text)
  a.url = XSS[2]
  a.site = XSS[1]
  a.byline = `${XSS[0]} <img src=x onerror="globalThis.__xss=1"> <svg onload=alert(2)>`
  a.entities = [entity('e1', `Eve ${XSS[1]}`, 'PERSON', [at(text, 'Eve')], [XSS[0]])]
  const quoted = at(text, `${XSS[0]} ${XSS[1]}`)
  a.quotes = [{ id: 'q1', kind: 'direct', act: 'speech', start: quoted.start, end: quoted.end, text: quoted.text, cue: at(text, 'said'), speaker: { kind: 'person', entity: 'e1', ...at(text, 'Eve') } }]
  return a
}
