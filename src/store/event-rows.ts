import type { Analysis, NewsEvent } from '../core/types.js'
import type { EventRow } from './store.js'

/**
 * The events of one analysis as rows, participants and sources resolved to names. With
 * `entityIds`, only the events one of those entities takes part in (as actor or target), plus the
 * events that deny or dispute one of those (`involves: false`): a denial by a spokeswoman belongs
 * on the page of the man whose meeting she denies.
 */
export function eventRows(article: { id: string; outlet: string | null; analysis: Analysis }, options: { entityIds?: ReadonlySet<string>; type?: string } = {}): EventRow[] {
  const a = article.analysis
  const names = new Map(a.entities.map((e) => [e.id, e.name]))
  const sources = new Map(a.sources.map((s) => [s.id, s]))
  const byId = new Map(a.events.map((e) => [e.id, e]))
  const name = (id: string) => names.get(id) ?? id
  const ids = options.entityIds
  const takesPart = (e: NewsEvent) => !ids || e.actors.some((x) => ids.has(x)) || e.targets.some((x) => ids.has(x))
  const rows: EventRow[] = []
  for (const e of a.events) {
    if (options.type && e.type !== options.type) continue
    const involves = takesPart(e)
    const denied = e.denies ? byId.get(e.denies) : undefined
    if (!involves && !(denied && takesPart(denied))) continue
    rows.push({
      articleId: article.id,
      title: a.title,
      outlet: article.outlet,
      published: a.published,
      eventId: e.id,
      type: e.type,
      stance: e.stance,
      text: e.text,
      time: e.time ?? null,
      place: e.place ? name(e.place) : null,
      actors: e.actors.map(name),
      targets: e.targets.map(name),
      according: e.according.map((id) => sources.get(id)).filter((s) => s !== undefined).map((s) => ({ kind: s.kind, text: s.text })),
      sameAs: e.sameAs ?? null,
      denies: denied ? { eventId: denied.id, type: denied.type, text: denied.text, actors: [...denied.actors, ...denied.targets].map(name) } : null,
      ...(ids ? { involves } : {}),
    })
  }
  return rows
}
