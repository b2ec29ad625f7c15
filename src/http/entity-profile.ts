import type { QuoteAct, QuoteKind } from '../core/types.js'
import type { EventRow, QuoteSourceKind, Store } from '../store/store.js'

/** A quote by the entity, with where and when it was published. */
export interface ProfileQuote {
  articleId: string
  title: string | null
  outlet: string | null
  published: string | null
  quoteId: string
  kind: QuoteKind
  /** What the attribution does; null for a quote stored before acts were kept. */
  act: QuoteAct | null
  text: string
  /** The kind of source the quote rests on. */
  sourceKind: QuoteSourceKind
}

/**
 * A meeting the entity takes part in, with the other participants: the meet events of one article
 * that tell of the same happening (`sameAs`) merged into one.
 */
export interface Meeting {
  articleId: string
  title: string | null
  outlet: string | null
  published: string | null
  /** The first telling's event id. */
  eventId: string
  /** Every telling's event id, first first. */
  eventIds: string[]
  /** The first telling's text. */
  text: string
  stance: string
  time: string | null
  place: string | null
  /** The other participants, by name. */
  with: string[]
  according: { kind: string; text: string }[]
  /** Events in the same article that deny or dispute this meeting (any of its tellings). */
  deniedBy: { eventId: string; actors: string[]; text: string; stance: string }[]
}

/** Everything the entity page shows: who, what they said where and when, whom they met, what happened. */
export interface EntityProfile {
  name: string
  type: string
  aliases: string[]
  roles: string[]
  /** Articles naming it (by name or alias; see `Store.entity`). */
  articles: number
  mentions: number
  /** The outlets naming it, most articles first (all articles naming it, not only those read). */
  outlets: { outlet: string | null; articles: number }[]
  quotes: ProfileQuote[]
  meetings: Meeting[]
  /** Its events (and the denials of them), oldest first by event time, else publication date. */
  events: EventRow[]
  /** Articles read for quotes, meetings and events (the newest `limit`, default 20, after `offset`). */
  articlesRead: number
  /** Articles naming it, people linked across articles included (what `offset` pages through). */
  articlesTotal: number
}

/**
 * Builds an entity's profile from the store: `Store.entity` for its name, type and counts, and
 * `Store.entityPage` (indexed rows, no analysis parsed) for the newest articles naming it (people
 * linked across articles included): its quotes, meetings and events. Null when the store has no such entity.
 *
 * @example const p = await entityProfile(store, 'Sergey Lavrov') // p.meetings[0].with: ['Richard Haass', …]
 */
export async function entityProfile(store: Store, name: string, options: { limit?: number; offset?: number } = {}): Promise<EntityProfile | null> {
  // Its quotes come from the page below, with their articles' dates.
  const detail = await store.entity(name, { quotes: false })
  if (!detail) return null
  const page = await store.entityPage(name, { limit: options.limit ?? 20, offset: options.offset ?? 0 })
  const articles = page.articles
  const aliases = new Set(detail.aliases)
  const roles = new Set(detail.roles)
  const quotes: ProfileQuote[] = []
  const meetings: Meeting[] = []
  const events: EventRow[] = []
  for (const article of articles) {
    const own = new Set<string>()
    for (const e of article.entities) {
      own.add(e.name)
      if (e.name !== detail.name) aliases.add(e.name)
      for (const x of e.aliases) aliases.add(x)
      for (const r of e.roles) roles.add(r)
    }
    for (const q of article.quotes) {
      quotes.push({
        articleId: article.id,
        title: article.title,
        outlet: article.outlet,
        published: article.published,
        quoteId: q.quoteId,
        kind: q.kind,
        act: q.act,
        text: q.text,
        sourceKind: q.citedKind ?? 'named',
      })
    }
    const rows = article.events
    events.push(...rows)
    const byRoot = new Map<string, Meeting>()
    for (const ev of rows) {
      if (ev.type !== 'meet' || ev.involves === false) continue
      const root = ev.sameAs ?? ev.eventId
      let m = byRoot.get(root)
      if (!m) {
        m = {
          articleId: ev.articleId,
          title: ev.title,
          outlet: ev.outlet,
          published: ev.published,
          eventId: ev.eventId,
          eventIds: [],
          text: ev.text,
          stance: ev.stance,
          time: ev.time,
          place: ev.place,
          with: [],
          according: [],
          deniedBy: [],
        }
        byRoot.set(root, m)
        meetings.push(m)
      }
      m.eventIds.push(ev.eventId)
      m.time ??= ev.time
      m.place ??= ev.place
      for (const n of [...ev.actors, ...ev.targets]) if (!own.has(n) && !m.with.includes(n)) m.with.push(n)
      for (const s of ev.according) if (!m.according.some((x) => x.kind === s.kind && x.text === s.text)) m.according.push(s)
    }
    for (const [root, m] of byRoot) {
      const tellings = new Set([root, ...m.eventIds])
      m.deniedBy = rows
        .filter((d) => d.denies && tellings.has(d.denies.eventId))
        .map((d) => ({ eventId: d.eventId, actors: d.actors, text: d.text, stance: d.stance }))
    }
  }
  aliases.delete(detail.name)
  const when = (e: EventRow) => e.time ?? e.published ?? ''
  events.sort((x, y) => (when(x) < when(y) ? -1 : when(x) > when(y) ? 1 : 0))
  return {
    name: detail.name,
    type: detail.type,
    aliases: [...aliases].sort(),
    roles: [...roles].sort(),
    articles: detail.articles,
    mentions: detail.mentions,
    outlets: detail.outlets,
    quotes,
    meetings,
    events,
    articlesRead: articles.length,
    articlesTotal: page.total,
  }
}
