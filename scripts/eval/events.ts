/**
 * Events evaluation on the coded sentences in ../shared/data/events (each folder's README):
 *
 * - PLOVER gold-standard records (188 dev sentences, 192 events, 16 types): the analysis of each
 *   sentence alone, its events' PLOVER types against the gold ones. Type P/R/F1 over (sentence, type)
 *   pairs, where events without a PLOVER type (plain statements, claims: the reporting verbs the
 *   coders leave uncoded) are not counted; sentence accuracy (the first coded event's type is the
 *   gold first event's type; always answering AGREE, the commonest type, scores 12.5% on the test
 *   split); and, for the pairs found, whether a gold source actor is among the event's actors
 *   (matched loosely, by a shared word, as the README advises: its actor spans are "dodgy").
 * - PETRARCH-2 validation records (38 dev sentences, CAMEO codes): root-code (2 digits) P/R/F1 over
 *   (sentence, root) pairs (roots 01 and 02 included: CAMEO keeps statements), and the "no event"
 *   sentences left without a coded event.
 *
 *   node --import tsx scripts/eval/events.ts [dataDir]      (default ../shared/data)
 *
 * Prints one summary line on stdout; per-type detail goes to stderr.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NewsEvent } from '../../src/core/types.js'
import { analyzeArticle } from '../../src/pipeline.js'

interface PloverRecord {
  id: string
  text: string
  events: { type: string; source_actor: string | null; target_actor: string | null }[]
}

interface PetrRecord {
  id: string
  text: string
  events: { type: string; cameo_root: string }[]
  no_events: boolean
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

/** Micro precision, recall and F1 from counts. */
export function prf(tp: number, predicted: number, gold: number): { p: number; r: number; f1: number } {
  const p = predicted ? tp / predicted : 0
  const r = gold ? tp / gold : 0
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
}

const words = (s: string): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !['the', 'and', 'of', 'for', 'officials', 'official', 'government'].includes(w)),
  )

/** A gold actor text ("Jordan; Britain") matches when one of its names shares a word with one of ours. */
export function actorMatches(gold: string | null, ours: readonly string[]): boolean {
  if (!gold) return false
  const mine = ours.map(words)
  return gold.split(';').some((g) => {
    const gw = words(g)
    return mine.some((m) => [...gw].some((w) => m.has(w)))
  })
}

const pct = (x: number): string => (x * 100).toFixed(1)

/** The events of one sentence analysed alone, their actors and targets given by name (entity ids resolved). */
function analyse(text: string): NewsEvent[] {
  const a = analyzeArticle({ text }, { raw: true })
  const names = new Map(a.entities.map((e) => [e.id, [e.name, ...e.aliases].join('; ')]))
  const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id)
  return a.events.map((e) => ({ ...e, actors: named(e.actors), targets: named(e.targets) }))
}

function evalPlover(path: string): string {
  const docs = readJsonl<PloverRecord>(path)
  let tp = 0
  let predicted = 0
  let gold = 0
  let firstRight = 0
  let actorRight = 0
  const byType = new Map<string, { tp: number; pred: number; gold: number }>()
  const slot = (t: string) => byType.get(t) ?? (byType.set(t, { tp: 0, pred: 0, gold: 0 }), byType.get(t)!)
  for (const d of docs) {
    const events = analyse(d.text).filter((e) => e.plover)
    const mine = new Set(events.map((e) => e.plover!))
    const theirs = new Set(d.events.map((e) => e.type))
    predicted += mine.size
    gold += theirs.size
    for (const t of mine) slot(t).pred++
    for (const t of theirs) {
      slot(t).gold++
      if (!mine.has(t)) continue
      tp++
      slot(t).tp++
      const actors = events.filter((e) => e.plover === t).flatMap((e) => e.actors)
      if (d.events.some((g) => g.type === t && actorMatches(g.source_actor, actors))) actorRight++
    }
    if (events[0]?.plover === d.events[0]?.type) firstRight++
  }
  for (const [t, s] of [...byType].sort((a, b) => b[1].gold - a[1].gold)) {
    const x = prf(s.tp, s.pred, s.gold)
    console.error(`  PLOVER ${t.padEnd(9)} gold ${String(s.gold).padStart(3)} predicted ${String(s.pred).padStart(3)}  P ${pct(x.p)} R ${pct(x.r)} F1 ${pct(x.f1)}`)
  }
  const x = prf(tp, predicted, gold)
  return `PLOVER-GSR dev ${docs.length} sentences: type F1 ${pct(x.f1)} (P ${pct(x.p)} R ${pct(x.r)}), sentence accuracy ${pct(firstRight / docs.length)}, source actor given type ${tp ? pct(actorRight / tp) : '-'}`
}

function evalPetr(path: string): string {
  const docs = readJsonl<PetrRecord>(path)
  let tp = 0
  let predicted = 0
  let gold = 0
  let quiet = 0
  let none = 0
  for (const d of docs) {
    const mine = new Set(analyse(d.text).map((e) => e.code.slice(0, 2)))
    const theirs = new Set(d.events.map((e) => e.cameo_root))
    predicted += mine.size
    gold += theirs.size
    for (const r of theirs) if (mine.has(r)) tp++
    if (d.no_events) {
      none++
      if (!mine.size) quiet++
    }
  }
  const x = prf(tp, predicted, gold)
  return `PETR2 dev ${docs.length} sentences: CAMEO root F1 ${pct(x.f1)} (P ${pct(x.p)} R ${pct(x.r)}), no-event sentences left uncoded ${quiet}/${none}`
}

export function evalEvents(dataDir: string): string {
  const plover = join(dataDir, 'events/plover-gsr/dev.jsonl')
  const petr = join(dataDir, 'events/petr2-gsr-cameo/dev.jsonl')
  const parts: string[] = []
  if (existsSync(plover)) parts.push(evalPlover(plover))
  if (existsSync(petr)) parts.push(evalPetr(petr))
  if (!parts.length) return `events: no data under ${join(dataDir, 'events')}`
  return 'events: ' + parts.join(' | ')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(evalEvents(resolve(process.argv[2] ?? fileURLToPath(new URL('../../../shared/data', import.meta.url)))))
}
