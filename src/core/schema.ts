import { z } from 'zod'

/**
 * The analysis JSON contract (PRODUCT.md), as a zod schema. Tests check every analysis against it,
 * so the contract cannot drift from the types in `types.ts`.
 *
 * All `start`/`end` offsets are UTF-16 code units into `text`; `end` is exclusive.
 */
const offset = z.number().int().nonnegative()

export const spanSchema = z.object({ start: offset, end: offset }).refine((s) => s.end >= s.start, {
  message: 'span end must not precede start',
})

export const mentionSchema = z.object({ start: offset, end: offset, text: z.string() })

export const entitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']),
  subtype: z.string().optional(),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  roleMentions: z.array(mentionSchema.extend({ role: z.string(), org: z.string().optional() })),
  mentions: z.array(mentionSchema),
})

export const timeSchema = mentionSchema.extend({ value: z.string() })

export const speakerSchema = z.object({
  kind: z.enum(['person', 'organization', 'outlet', 'anonymous', 'unknown']),
  entity: z.string().optional(),
  name: z.string().optional(),
  start: offset.optional(),
  end: offset.optional(),
  text: z.string().optional(),
})

export const quoteSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'indirect', 'mixed']),
  act: z.enum(['speech', 'report', 'deny', 'accuse', 'claim', 'belief', 'stance', 'other']),
  start: offset,
  end: offset,
  text: z.string(),
  fragments: z.array(spanSchema).optional(),
  cue: mentionSchema.optional(),
  speaker: speakerSchema,
  source: z.string().optional(),
})

export const sourceSchema = mentionSchema.extend({
  id: z.string(),
  kind: z.enum(['named', 'organization', 'outlet', 'document', 'anonymous']),
  entity: z.string().optional(),
  count: z.number().int().positive().optional(),
  description: z.string().optional(),
})

export const eventSchema = z.object({
  id: z.string(),
  type: z.string(),
  code: z.string().regex(/^\d{2,4}$/),
  plover: z.string().optional(),
  start: offset,
  end: offset,
  text: z.string(),
  actors: z.array(z.string()),
  targets: z.array(z.string()),
  time: z.string().optional(),
  place: z.string().optional(),
  according: z.array(z.string()),
  stance: z.enum(['asserted', 'reported', 'denied', 'disputed']),
  denies: z.string().optional(),
  sameAs: z.string().optional(),
})

export const diagnosticSchema = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  ruleId: z.string(),
  reason: z.string(),
  start: offset.optional(),
  end: offset.optional(),
})

export const analysisSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  site: z.string().nullable(),
  language: z.string().nullable(),
  text: z.string(),
  removed: z.array(spanSchema.and(z.object({ reason: z.string() }))),
  sentences: z.array(spanSchema),
  entities: z.array(entitySchema),
  times: z.array(timeSchema),
  quotes: z.array(quoteSchema),
  sources: z.array(sourceSchema),
  events: z.array(eventSchema),
  messages: z.array(diagnosticSchema),
  version: z.string(),
})

export type AnalysisJson = z.infer<typeof analysisSchema>

/**
 * Checks the things a schema cannot: every span lies inside `text`, every `text` field equals the
 * slice it names, and every id a field refers to exists. Returns one readable string per problem.
 */
export function checkAnalysisIntegrity(a: AnalysisJson): string[] {
  const problems: string[] = []
  const n = a.text.length
  const span = (where: string, s: { start: number; end: number; text?: string | undefined }) => {
    if (s.end > n || s.start > s.end) problems.push(`${where}: span ${s.start}-${s.end} outside text of length ${n}`)
    else if (s.text !== undefined && a.text.slice(s.start, s.end) !== s.text)
      problems.push(`${where}: text ${JSON.stringify(s.text)} != slice ${JSON.stringify(a.text.slice(s.start, s.end))}`)
  }
  const entityIds = new Set(a.entities.map((e) => e.id))
  const sourceIds = new Set(a.sources.map((s) => s.id))
  a.sentences.forEach((s, i) => span(`sentences[${i}]`, s))
  for (const e of a.entities) {
    e.mentions.forEach((m, i) => span(`entity ${e.id} mentions[${i}]`, m))
    e.roleMentions.forEach((m, i) => span(`entity ${e.id} roleMentions[${i}]`, m))
  }
  a.times.forEach((t, i) => span(`times[${i}]`, t))
  for (const q of a.quotes) {
    span(`quote ${q.id}`, q)
    q.fragments?.forEach((f, i) => span(`quote ${q.id} fragments[${i}]`, f))
    if (q.cue) span(`quote ${q.id} cue`, q.cue)
    if (q.speaker.start !== undefined && q.speaker.end !== undefined)
      span(`quote ${q.id} speaker`, { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text })
    if (q.speaker.entity && !entityIds.has(q.speaker.entity)) problems.push(`quote ${q.id}: unknown speaker entity ${q.speaker.entity}`)
    if (q.source && !sourceIds.has(q.source)) problems.push(`quote ${q.id}: unknown source ${q.source}`)
  }
  for (const s of a.sources) {
    span(`source ${s.id}`, s)
    if (s.entity && !entityIds.has(s.entity)) problems.push(`source ${s.id}: unknown entity ${s.entity}`)
  }
  const eventIds = new Set(a.events.map((e) => e.id))
  const quoteIds = new Set(a.quotes.map((q) => q.id))
  for (const ev of a.events) {
    span(`event ${ev.id}`, ev)
    for (const id of [...ev.actors, ...ev.targets]) if (!entityIds.has(id)) problems.push(`event ${ev.id}: unknown entity ${id}`)
    for (const id of ev.according) if (!sourceIds.has(id)) problems.push(`event ${ev.id}: unknown source ${id}`)
    if (ev.denies && !eventIds.has(ev.denies) && !quoteIds.has(ev.denies)) problems.push(`event ${ev.id}: denies unknown ${ev.denies}`)
    if (ev.sameAs && !eventIds.has(ev.sameAs)) problems.push(`event ${ev.id}: sameAs unknown ${ev.sameAs}`)
    if (ev.place && !entityIds.has(ev.place)) problems.push(`event ${ev.id}: place is not an entity id: ${ev.place}`)
  }
  return problems
}
