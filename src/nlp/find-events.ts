import type { Entity, NewsEvent, Quote, Source, Span, TimeExpression } from '../core/types.js'
import {
  anaphoricEvent,
  contradiction,
  eventTriggers,
  joinedBy,
  passiveAttribution,
  reportedMarker,
  type EventTrigger,
} from './data/event-triggers.js'

export interface EventInput {
  text: string
  sentences: readonly Span[]
  entities: readonly Entity[]
  times: readonly TimeExpression[]
  quotes: readonly Quote[]
  sources: readonly Source[]
}

interface EntityMention extends Span {
  entity: Entity
}

/** Cue words of a plain statement ("said", "told"), as opposed to a claim, a denial or an accusation. */
const STATEMENT_CUE = /\b(?:said|says|say|saying|told|tells|stated|states|added|adds|wrote|writes|tweeted|posted|explained|noted|announced|declared|according to|reported|reports|reporting|revealed|confirmed|insisted|argued|warned)\b|^[:—–-]$/i

/** Event types whose actor a passive attribution ("This was stated by …") names. */
const STATEMENT_TYPES = new Set(['deny', 'claim', 'accuse', 'statement', 'threaten', 'demand', 'appeal'])

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** Actor and target candidates: people, organisations, and places that act as states ("Russia denied"). */
const actorLike = (e: Entity) => e.type === 'PERSON' || e.type === 'ORG' || (e.type === 'LOC' && e.subtype !== 'FACILITY')
/** A nationality stands for its people where no one else is named ("Egyptian police opened fire"). */
const groupLike = (e: Entity) => e.type === 'MISC' && e.subtype === 'NORP'

/** Words before a meeting trigger that make it announced or intended, not held. */
const intendedMeeting =
  /\b(?:will|would|shall|(?:plans?|planned|planning|expected|scheduled|set|due|intends?|intended|hopes?|hoped|wants?|wanted|agreed|agrees|is|are|was|were|offered|offers|decided|ready|willing|invited|asked|promised|pledged|prepared)\s+to)\s+(?:\w+\s+){0,2}$/i
const intentToMeet: EventTrigger = { type: 'agree', code: '036', plover: 'AGREE', pattern: /$^/ }

/**
 * Finds events — meet/consult, statement, deny, accuse, claim, threaten, demand, appeal,
 * investigate, negotiate, and the rest of PLOVER's types (agree, support, cooperate, aid, concede,
 * retreat, reject, request, protest, mobilize, sanction, coerce, assault) — with CAMEO codes,
 * actors, targets, time, place, the sources they rest on, and their stance. A sentence's events
 * come in the order of their trigger words.
 *
 * Rules, each with the kind of sentence that prompted it:
 * - a trigger word (data/event-triggers.ts) makes an event; its actors are the people and
 *   organisations of the clause before it ("NBC reported that in April, Russian Foreign Minister
 *   Sergey Lavrov attended meetings" → actor Lavrov, not NBC, because the clause starts after "that");
 * - "with X" after a meeting trigger names the other side; an inverted clause ("Sitting down with
 *   Lavrov were Richard Haass, …") takes its actors after the verb;
 * - a definite reference to a meeting already told ("the reported meeting") makes no new event;
 *   a meeting announced or intended ("will meet", "plans to visit") is an intent to meet (036, AGREE);
 * - where no person, organisation or place acts, a nationality does ("Egyptian police opened fire");
 * - "This was stated by … Maria Zakharova" adds its person to the previous sentence's statements;
 *   "The group was joined by … Charles Kupchan and … Thomas Graham" adds them to the last meeting;
 * - a quote becomes a statement event of its speaker; a trigger inside a quote without a subject of
 *   its own belongs to the speaker ("'This is disinformation,' Zakharova told" → Zakharova denies);
 * - stance: "reported" when a source in the sentence or a marker ("reportedly") carries it,
 *   "asserted" otherwise; "denied" when a later denial refers to it; "disputed" when the same
 *   sentence says evidence did not confirm it ("… though an inspection from the IAEA did not
 *   reveal …"), in which case the investigation event `disputes` the claim.
 */
export function findEvents(doc: EventInput): NewsEvent[] {
  const { text } = doc
  const mentions: EntityMention[] = doc.entities
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start)
  const events: NewsEvent[] = []
  const cueOfQuote = new Set<string>()
  let lastMeet: NewsEvent | undefined
  let prevSentenceEvents: NewsEvent[] = []

  const inRange = (start: number, end: number) => mentions.filter((m) => m.start >= start && m.end <= end)
  // The innermost quote that holds a position (a report may quote a quote).
  const quoteAt = (pos: number) =>
    doc.quotes.filter((q) => q.start <= pos && pos < q.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0]

  for (const sentence of doc.sentences) {
    const sText = text.slice(sentence.start, sentence.end)
    const thisSentence: NewsEvent[] = []

    if (passiveAttribution.test(sText)) {
      const people = inRange(sentence.start, sentence.end).filter((m) => m.entity.type === 'PERSON')
      for (const ev of prevSentenceEvents.filter((e) => STATEMENT_TYPES.has(e.type)))
        for (const p of people) if (!ev.actors.includes(p.entity.id)) ev.actors.push(p.entity.id)
    }
    const joined = joinedBy.exec(sText)
    if (joined && lastMeet) {
      const from = sentence.start + joined.index + joined[0].length
      for (const p of inRange(from, sentence.end))
        if (p.entity.type === 'PERSON' && !lastMeet.actors.includes(p.entity.id) && !lastMeet.targets.includes(p.entity.id))
          lastMeet.actors.push(p.entity.id)
      lastMeet.end = Math.max(lastMeet.end, sentence.end)
      lastMeet.text = text.slice(lastMeet.start, lastMeet.end)
    }

    const taken: Span[] = []
    // Where each event's trigger stands: a sentence's events go in the order of their words.
    const at = new Map<NewsEvent, number>()
    for (const trigger of eventTriggers) {
      const re = new RegExp(trigger.pattern.source, 'gi')
      for (const m of sText.matchAll(re)) {
        const ts = sentence.start + m.index
        const te = ts + m[0].length
        if (taken.some((t) => ts < t.end && t.start < te)) continue
        const before = text.slice(sentence.start, ts)
        if (trigger.type === 'meet' && anaphoricEvent.test(before + m[0].replace(/\s+with$/i, ''))) continue
        if (trigger.type === 'claim' && /\b(?:the|these|those|his|her|their|its|such)\s+$/i.test(before)) continue
        taken.push({ start: ts, end: te })
        // A meeting announced or intended ("will meet", "plans to visit") has not happened: CAMEO 036, AGREE.
        const told = trigger.type === 'meet' && intendedMeeting.test(before) ? intentToMeet : trigger
        const ev = makeTriggerEvent(doc, told, sentence, ts, te, inRange, quoteAt)
        if (!ev) continue
        at.set(ev, ts)
        // One event per type and actors in a sentence: "disinformation, a fake news" is one denial.
        if (thisSentence.some((e) => e.type === ev.type && sameSet(e.actors, ev.actors))) continue
        const cueQuote = doc.quotes.find((q) => q.cue && q.cue.start <= ts && te <= q.cue.end)
        if (cueQuote) cueOfQuote.add(cueQuote.id)
        thisSentence.push(ev)
        if (ev.type === 'meet') lastMeet = ev
      }
    }
    events.push(...thisSentence.sort((a, b) => a.start - b.start || at.get(a)! - at.get(b)!))
    prevSentenceEvents = thisSentence
  }

  // Quotes not already an event's cue become statements of their speaker.
  for (const q of doc.quotes) {
    if (cueOfQuote.has(q.id) || !q.cue || !STATEMENT_CUE.test(q.cue.text)) continue
    const pieces = [q.start, q.end, q.cue.start, q.cue.end, q.speaker.start ?? q.start, q.speaker.end ?? q.end]
    const start = Math.min(...pieces)
    const end = Math.max(...pieces)
    const outer = doc.quotes.find((o) => o !== q && o.start <= q.start && q.end <= o.end)
    const according = uniq([...(q.source ? [q.source] : []), ...(outer?.source ? [outer.source] : [])])
    const targets: string[] = []
    const told = /\btold\b/i.test(q.cue.text)
    if (told) for (const m of inRange(q.cue.start, q.cue.end)) if (actorLike(m.entity)) targets.push(m.entity.id)
    events.push({
      id: '',
      type: 'statement',
      code: '010',
      start,
      end,
      text: text.slice(start, end),
      actors: q.speaker.entity ? [q.speaker.entity] : [],
      targets,
      ...timeOf(doc.times, doc.sentences, q.cue.start),
      according,
      stance: outer ? 'reported' : 'asserted',
    })
  }

  events.sort((a, b) => a.start - b.start || a.end - b.end)
  events.forEach((ev, i) => (ev.id = `ev${i + 1}`))
  linkSameMeetings(events)
  linkDenials(events, doc)
  linkDisputes(events, doc)
  return events
}

function makeTriggerEvent(
  doc: EventInput,
  trigger: EventTrigger,
  sentence: Span,
  ts: number,
  te: number,
  inRange: (start: number, end: number) => EntityMention[],
  quoteAt: (pos: number) => Quote | undefined,
): NewsEvent | null {
  const { text } = doc
  // The clause before the trigger starts after the last "that", ", with", opening quote, or semicolon.
  const before = text.slice(sentence.start, ts)
  let clauseStart = sentence.start
  for (const m of before.matchAll(/\bthat\b|,\s*with\b|[“"‘;]|\bwhich\b|\bwho\b/gi)) clauseStart = sentence.start + m.index + m[0].length
  const clause = inRange(clauseStart, ts)
  let actors = uniq(clause.filter((m) => actorLike(m.entity)).map((m) => m.entity.id))
  if (actors.length === 0 && trigger.type !== 'meet') actors = uniq(clause.filter((m) => groupLike(m.entity)).map((m) => m.entity.id))
  const quote = quoteAt(ts)
  const cueQuote = doc.quotes.find((q) => q.cue && q.cue.start <= ts && te <= q.cue.end)
  if (cueQuote?.speaker.entity && actors.length === 0) actors = [cueQuote.speaker.entity]
  if (actors.length === 0 && quote?.speaker.entity && trigger.type !== 'meet') actors = [quote.speaker.entity]

  let targets: string[] = []
  const after = inRange(te, sentence.end).filter((m) => actorLike(m.entity))
  if (trigger.type === 'meet' || trigger.type === 'negotiate') {
    if (/\bwith$/i.test(text.slice(ts, te)) || trigger.withTargets) {
      // "with" right after the trigger, or within three words ("held talks in Paris with …").
      const near = /^(?:\s+[\w'’-]+){0,3}?\s+with\b/i.exec(text.slice(te, sentence.end))
      const from = /\bwith$/i.test(text.slice(ts, te)) ? te : near ? te + near[0].length : -1
      if (from >= 0) {
        // The first group after "with": names joined by "and" or commas, up to the next verb-ish word.
        const group: EntityMention[] = []
        for (const m of inRange(from, sentence.end)) {
          const gap = text.slice(group.length ? group[group.length - 1]!.end : from, m.start)
          if (group.length && !/^(?:\s*(?:,|and|&)\s*)+$/i.test(gap)) break
          if (!group.length && gap.trim().split(/\s+/).length > 4) break
          if (actorLike(m.entity)) group.push(m)
        }
        targets = uniq(group.map((m) => m.entity.id))
        // Inverted clause: "Sitting down with Lavrov were Richard Haass, …"
        if (actors.length === 0 && group.length) {
          const rest = inRange(group[group.length - 1]!.end, sentence.end).filter((m) => m.entity.type === 'PERSON')
          actors = uniq(rest.map((m) => m.entity.id))
        }
      }
    }
  } else if (trigger.type === 'investigate') {
    // "an inspection from the IAEA": the inspector follows "from"/"by"/"of".
    const by = /^\s+(?:from|by|of)\s+(?:the\s+)?/i.exec(text.slice(te, sentence.end))
    if (by) {
      const who = inRange(te + by[0].length, sentence.end)[0]
      if (who && who.start === te + by[0].length && actorLike(who.entity)) actors = [who.entity.id]
    }
  } else if (trigger.type !== 'deny' && trigger.type !== 'claim') {
    targets = uniq(after.slice(0, 3).map((m) => m.entity.id))
    if (targets.length === 0) targets = uniq(inRange(te, sentence.end).filter((m) => groupLike(m.entity)).slice(0, 3).map((m) => m.entity.id))
  } else if (trigger.type === 'claim') {
    // What the claim is about, up to a clause that disputes it.
    const cut = contradiction.exec(text.slice(te, sentence.end))
    const limit = cut ? te + cut.index : sentence.end
    targets = uniq(after.filter((m) => m.end <= limit).map((m) => m.entity.id))
  }
  targets = targets.filter((t) => !actors.includes(t))
  if (actors.length === 0 && targets.length === 0 && trigger.type !== 'deny') return null
  // A meeting needs someone who meets.
  if (trigger.type === 'meet' && actors.length === 0) return null

  // Sources in the sentence, and the source of a quote that holds the trigger.
  const according = doc.sources
    .filter((s) => s.start >= sentence.start && s.end <= sentence.end && !(s.entity && actors.includes(s.entity)))
    .map((s) => s.id)
  // Every quote that holds the trigger carries it, unless its speaker is the actor: Agenzia Nova
  // reporting Zakharova's "This is disinformation" makes her denial reported by Agenzia Nova.
  for (const q of doc.quotes)
    if (q.start <= ts && te <= q.end && q.source && !actors.includes(q.speaker.entity ?? '')) according.push(q.source)
  const sText = text.slice(sentence.start, sentence.end)
  if (according.length === 0 && reportedMarker.test(sText)) {
    // "reportedly": the outlet that reported last before this point (its latest report, not its first mention).
    const reports = doc.quotes
      .filter((q) => q.speaker.kind === 'outlet' && q.source && (q.speaker.start ?? q.start) < ts)
      .sort((a, b) => (b.speaker.start ?? b.start) - (a.speaker.start ?? a.start))
    const last = reports[0]?.source ?? [...doc.sources].reverse().find((s) => s.kind === 'outlet' && s.end <= ts)?.id
    if (last) according.push(last)
  }
  let stance: NewsEvent['stance'] = according.length || reportedMarker.test(sText) ? 'reported' : 'asserted'
  const afterTrigger = text.slice(te, sentence.end)
  if ((trigger.type === 'claim' || trigger.type === 'accuse') && contradiction.test(afterTrigger)) stance = 'disputed'

  return {
    id: '',
    type: trigger.type,
    code: trigger.code,
    ...(trigger.plover ? { plover: trigger.plover } : {}),
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    actors,
    targets,
    ...timeOf(doc.times, doc.sentences, ts),
    ...placeOf(doc, sentence, inRange),
    according: uniq(according),
    stance,
  }
}

/** The time expression of the sentence that holds `pos`, nearest to it. */
function timeOf(times: readonly TimeExpression[], sentences: readonly Span[], pos: number): { time?: string } {
  const s = sentences.find((x) => x.start <= pos && pos < x.end)
  if (!s) return {}
  const inside = times.filter((t) => t.start >= s.start && t.end <= s.end)
  if (inside.length === 0) return {}
  inside.sort((a, b) => Math.abs(a.start - pos) - Math.abs(b.start - pos))
  return { time: inside[0]!.value }
}

/** A place named with "in" or "at" in the sentence ("attended meetings in New York"). */
function placeOf(doc: EventInput, sentence: Span, inRange: (s: number, e: number) => EntityMention[]): { place?: string } {
  for (const m of inRange(sentence.start, sentence.end)) {
    if (m.entity.type !== 'LOC') continue
    if (/\b(?:in|at)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(sentence.start, m.start - 8), m.start)))
      return { place: m.entity.id }
  }
  return {}
}

/**
 * A denial refers to the report it denies: the earlier event (outside its own sentence) that shares a
 * participant with the denial's sentence ("Moscow has denied reports that … Lavrov had talks …"),
 * else the event the previous denial denied ("This is disinformation"), else the latest reported
 * event before it ("Russia denied the claim"). The denied event, and meetings that share its
 * participants, take the stance "denied".
 */
function linkDenials(events: NewsEvent[], doc: EventInput): void {
  let lastDenied: NewsEvent | undefined
  for (const d of events) {
    if (d.type !== 'deny') continue
    const sentence = doc.sentences.find((s) => s.start <= d.start && d.start < s.end)
    const named = new Set(
      doc.entities.filter((e) => e.mentions.some((m) => sentence && m.start >= sentence.start && m.end <= sentence.end)).map((e) => e.id),
    )
    const earlier = events.filter((e) => e.type !== 'deny' && e.type !== 'statement' && e.end <= d.start)
    let target = [...earlier].reverse().find((e) => [...e.actors, ...e.targets].some((id) => named.has(id) && !d.actors.includes(id)))
    target ??= lastDenied
    target ??= [...earlier].reverse().find((e) => e.stance === 'reported')
    if (!target) continue
    d.denies = target.id
    lastDenied = target
    const participants = new Set([...target.actors, ...target.targets])
    for (const e of events)
      if (e === target || (e.type === target.type && e.type === 'meet' && [...e.actors, ...e.targets].some((id) => participants.has(id))))
        e.stance = 'denied'
  }
}

/**
 * A later meeting that shares a participant with an earlier one, and names no other time or place,
 * is told as the same meeting: "NBC reported that in April, … Lavrov attended meetings in New York"
 * then "Sitting down with Lavrov were Richard Haass, …". It takes the earlier one's time and place
 * and points to it with `sameAs` (the evidence of those values is the earlier event's span).
 */
function linkSameMeetings(events: NewsEvent[]): void {
  const meetings = events.filter((e) => e.type === 'meet')
  for (const [i, later] of meetings.entries()) {
    const people = new Set([...later.actors, ...later.targets])
    const earlier = meetings
      .slice(0, i)
      .reverse()
      .find(
        (e) =>
          [...e.actors, ...e.targets].some((id) => people.has(id)) &&
          (!e.time || !later.time || e.time === later.time) &&
          (!e.place || !later.place || e.place === later.place),
      )
    if (!earlier) continue
    const first = earlier.sameAs ? (meetings.find((e) => e.id === earlier.sameAs) ?? earlier) : earlier
    later.sameAs = first.id
    if (!later.time && (earlier.time ?? first.time)) later.time = (earlier.time ?? first.time)!
    if (!later.place && (earlier.place ?? first.place)) later.place = (earlier.place ?? first.place)!
  }
}

/** A claim disputed in its own sentence is disputed by the investigation named there. */
function linkDisputes(events: NewsEvent[], _doc: EventInput): void {
  for (const claim of events) {
    if (claim.stance !== 'disputed') continue
    const by = events.find((e) => e.type === 'investigate' && e.start === claim.start && e !== claim)
    if (by) by.denies = claim.id
  }
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
