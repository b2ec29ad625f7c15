/**
 * Quote evaluation on PolNeAR dev (../shared/data/quotes/polnear/dev.jsonl), scored as in
 * ../shared/data/quotes/README.md: quote overlap and exact P/R/F1, speaker accuracy given a match
 * (strict and lenient span mode), joint quote+speaker P/R/F1 (the headline), recall by kind and by gold
 * speaker type, cue accuracy, CofeNet-compatible component F1 on `orig_split == "test"`, articles/s.
 *
 * Standalone: `node --import tsx scripts/eval/quotes.ts [dataDir] [--limit N] [--from N] [--held-out] [--valid] [--phrase] [--model path|none] [--min-margin M] [--content-bias B] [--cue-bias B] [--source-bias B]`
 * (`--held-out`: only the documents the quote tagger did not train on; `--valid`: only the validation part
 * inside the training part, for tuning a model trained with `--valid`; `--model`: another model file, or none;
 * `--phrase`: speaker spans as PolNeAR's whole source phrases, not names as `findQuotes` gives them by default).
 * The PolNeAR texts stay in the shared data folder: they are not openly licensed.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Entity, Span, Token } from '../../src/core/types.js'
import { gunzipSync } from 'node:zlib'
import { findQuotes } from '../../src/nlp/find-quotes.js'
import { decodeModel, type QuoteModel } from '../../src/nlp/quote-tagger.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'
import { emptyCounts, prf, scoreComponents, scoreDocument, type ComponentCounts, type ScoreQuote, type SpeakerType } from './quote-score.js'

export interface PolnearDoc {
  id: string
  text: string
  quotes: (ScoreQuote & { fragments?: [number, number][] })[]
  meta: { orig_split?: string; [k: string]: unknown }
}

type FindEntities = (doc: { text: string; tokens: readonly Token[]; sentences: readonly Span[] }) => Entity[]

/** The entity stage when it exists at run time, otherwise none. */
export async function loadFindEntities(): Promise<FindEntities | null> {
  const path = fileURLToPath(new URL('../../src/nlp/find-entities.ts', import.meta.url))
  if (!existsSync(path)) return null
  try {
    const mod = (await import('../../src/nlp/find-entities.js' as string)) as { findEntities?: FindEntities }
    return mod.findEntities ?? null
  } catch (err) {
    console.error(`quotes: find-entities could not be loaded (${(err as Error).message}); using no entities`)
    return null
  }
}

export function readPolnear(file: string): PolnearDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearDoc)
}

const pct = (x: number) => (100 * x).toFixed(1)

/**
 * The held-out part of PolNeAR dev: documents whose sha1(id) starts with 9, a or b. The quote tagger
 * (scripts/train-quotes.ts) trains on the rest, so the figures on this part are the honest ones.
 */
export function isHeldOut(id: string): boolean {
  return '9ab'.includes(createHash('sha1').update(id).digest('hex')[0]!)
}

/**
 * A validation part inside the training part, for tuning without touching the held-out part:
 * documents whose sha1(id) starts with 7 or 8 (`npm run train -- quotes --valid` leaves them out,
 * `--valid` here scores only them).
 */
export function isValidation(id: string): boolean {
  return '78'.includes(createHash('sha1').update(id).digest('hex')[0]!)
}

interface Tally {
  docs: number
  counts: ReturnType<typeof emptyCounts>
  comp: Record<'content' | 'source' | 'cue', ComponentCounts>
  compDocs: number
}
const emptyTally = (): Tally => ({
  docs: 0,
  counts: emptyCounts(),
  comp: { content: { gold: 0, pred: 0, tp: 0 }, source: { gold: 0, pred: 0, tp: 0 }, cue: { gold: 0, pred: 0, tp: 0 } },
  compDocs: 0,
})

/** The headline figures of a tally, as one line. */
function line(label: string, t: Tally, rate: number): string {
  const { counts, comp } = t
  const overlap = prf(counts.matched, counts.pred, counts.gold)
  const exact = prf(counts.exact, counts.pred, counts.gold)
  const joint = prf(counts.joint, counts.pred, counts.gold)
  const acc = (n: number) => (counts.matched ? n / counts.matched : 0)
  const cf = (k: 'content' | 'source' | 'cue') => prf(comp[k].tp, comp[k].pred, comp[k].gold)
  return (
    `quotes: polnear-dev ${label} ${t.docs} docs quote F1 ${pct(overlap.f1)} (P ${pct(overlap.p)} R ${pct(overlap.r)}) exact F1 ${pct(exact.f1)}` +
    ` | joint F1 ${pct(joint.f1)} (P ${pct(joint.p)} R ${pct(joint.r)}) speaker acc ${pct(acc(counts.speakerStrict))} (lenient ${pct(acc(counts.speakerLenient))})` +
    ` cue acc ${pct(acc(counts.cueCorrect))} | anon R ${pct(counts.matchedBySpeaker.group / (counts.goldBySpeaker.group || 1))}` +
    ` | cofenet (${t.compDocs} docs) content ${pct(cf('content').f1)} source ${pct(cf('source').f1)} cue ${pct(cf('cue').f1)} | ${rate.toFixed(1)} art/s`
  )
}

export async function evalQuotes(
  dataDir: string,
  options: { limit?: number; from?: number; speakerExtent?: 'name' | 'phrase'; heldOutOnly?: boolean; validOnly?: boolean; model?: QuoteModel | null; minMargin?: number; tagBias?: { content?: number; cue?: number; source?: number } } = {},
): Promise<string> {
  const file = join(dataDir, 'quotes', 'polnear', 'dev.jsonl')
  if (!existsSync(file)) return `quotes: polnear dev missing at ${file}`
  const from = options.from ?? 0
  const docs = readPolnear(file).filter((d) => (!options.heldOutOnly || isHeldOut(d.id)) && (!options.validOnly || isValidation(d.id))).slice(from, options.limit !== undefined ? from + options.limit : undefined)
  const findEntities = await loadFindEntities()
  const counts = emptyCounts()
  const comp: Record<'content' | 'source' | 'cue', ComponentCounts> = {
    content: { gold: 0, pred: 0, tp: 0 },
    source: { gold: 0, pred: 0, tp: 0 },
    cue: { gold: 0, pred: 0, tp: 0 },
  }
  let compDocs = 0
  const held = emptyTally()
  let elapsed = 0
  let withEntities = 0
  let entityError: string | undefined
  for (const doc of docs) {
    const t0 = performance.now()
    const tokens = tokenize(doc.text)
    const sentences = splitSentences(doc.text, tokens)
    let entities: Entity[] = []
    if (findEntities && !entityError) {
      try {
        entities = findEntities({ text: doc.text, tokens, sentences })
        withEntities++
      } catch (err) {
        entityError = `${doc.id}: ${(err as Error).message}`
        console.error(`quotes: findEntities failed (${entityError}); continuing with no entities`)
      }
    }
    const { quotes } = findQuotes({ text: doc.text, tokens, sentences, entities }, { speakerExtent: options.speakerExtent ?? 'name', ...(options.model !== undefined ? { model: options.model } : {}), ...(options.minMargin !== undefined ? { minMargin: options.minMargin } : {}), ...(options.tagBias ? { tagBias: options.tagBias } : {}) })
    elapsed += performance.now() - t0
    const pred: ScoreQuote[] = quotes.map((q) => ({
      start: q.start,
      end: q.end,
      kind: q.kind,
      fragments: q.fragments,
      cue: q.cue,
      speaker: q.speaker.start !== undefined ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text } : undefined,
    }))
    scoreDocument(doc.text, doc.quotes, pred, counts)
    const isHeld = isHeldOut(doc.id)
    if (isHeld) {
      held.docs++
      scoreDocument(doc.text, doc.quotes, pred, held.counts)
    }
    if (doc.meta.orig_split === 'test') {
      compDocs++
      const c = scoreComponents(doc.text, doc.quotes, pred)
      for (const k of ['content', 'source', 'cue'] as const) {
        comp[k].gold += c[k].gold
        comp[k].pred += c[k].pred
        comp[k].tp += c[k].tp
        if (isHeld) {
          held.comp[k].gold += c[k].gold
          held.comp[k].pred += c[k].pred
          held.comp[k].tp += c[k].tp
        }
      }
      if (isHeld) held.compDocs++
    }
  }
  const overlap = prf(counts.matched, counts.pred, counts.gold)
  const exact = prf(counts.exact, counts.pred, counts.gold)
  const joint = prf(counts.joint, counts.pred, counts.gold)
  const acc = (n: number) => (counts.matched ? n / counts.matched : 0)
  const rate = docs.length / (elapsed / 1000 || 1)
  const byKind = Object.keys(counts.goldByKind)
    .sort()
    .map((k) => `${k} ${pct((counts.matchedByKind[k] ?? 0) / counts.goldByKind[k]!)} (n=${counts.goldByKind[k]})`)
  const types: SpeakerType[] = ['named', 'pronoun', 'group', 'none', 'other']
  const bySpeaker = types.map((t) => `${t} ${pct(counts.matchedBySpeaker[t] / (counts.goldBySpeaker[t] || 1))}/${pct(counts.jointBySpeaker[t] / (counts.goldBySpeaker[t] || 1))} (n=${counts.goldBySpeaker[t]})`)
  const cf = (k: 'content' | 'source' | 'cue') => prf(comp[k].tp, comp[k].pred, comp[k].gold)
  const cfs = (k: 'content' | 'source' | 'cue') => `${pct(cf(k).p)}/${pct(cf(k).r)}/${pct(cf(k).f1)}`
  console.error(`quotes: ${docs.length} docs, gold ${counts.gold}, predicted ${counts.pred}, entities ${findEntities ? `from find-entities on ${withEntities} docs${entityError ? ' (then it failed: ' + entityError + ')' : ''}` : 'none (find-entities absent)'}`)
  console.error(`  overlap P/R/F1 ${pct(overlap.p)}/${pct(overlap.r)}/${pct(overlap.f1)}; exact ${pct(exact.p)}/${pct(exact.r)}/${pct(exact.f1)}`)
  console.error(`  speaker accuracy given match: strict ${pct(acc(counts.speakerStrict))}, lenient ${pct(acc(counts.speakerLenient))}; cue accuracy ${pct(acc(counts.cueCorrect))}`)
  console.error(`  joint quote+speaker P/R/F1 ${pct(joint.p)}/${pct(joint.r)}/${pct(joint.f1)}`)
  console.error(`  recall by kind: ${byKind.join(', ')}`)
  console.error(`  recall/joint recall by gold speaker type: ${bySpeaker.join(', ')}`)
  console.error(`  speech-cue subset recall ${pct(counts.matchedSpeech / (counts.goldSpeech || 1))} (n=${counts.goldSpeech})`)
  console.error(`  CofeNet-compatible (orig_split test, ${compDocs} docs) P/R/F1: content ${cfs('content')}, source ${cfs('source')}, cue ${cfs('cue')}`)
  console.error(`  ${rate.toFixed(1)} articles/s (tokenize + sentences + entities + quotes)`)
  const all: Tally = { docs: docs.length, counts, comp, compDocs }
  // One summary line: the held-out part is the honest figure (the quote tagger trains on the rest);
  // the line over all documents, training ones included, goes to stderr with the details.
  if (options.validOnly) return line('valid', all, rate)
  if (!options.heldOutOnly) console.error(line('all', all, rate))
  return line('held-out', held, rate)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
  const args = process.argv.slice(2)
  const opt = (name: string) => {
    const i = args.indexOf(name)
    if (i < 0) return undefined
    const v = Number(args[i + 1])
    args.splice(i, 2)
    return v
  }
  const limit = opt('--limit')
  const minMargin = opt('--min-margin')
  const from = opt('--from')
  const contentBias = opt('--content-bias')
  const cueBias = opt('--cue-bias')
  const sourceBias = opt('--source-bias')
  const tagBias = contentBias !== undefined || cueBias !== undefined || sourceBias !== undefined ? { content: contentBias ?? 0, cue: cueBias ?? 0, source: sourceBias ?? 0 } : undefined
  // Speaker spans as `findQuotes` gives them by default (names); `--phrase`: PolNeAR's whole source
  // phrases ("Hugh Hill, a doctor,"), the `speakerExtent: 'phrase'` option of `findQuotes`.
  const phrase = args.indexOf('--phrase')
  if (phrase >= 0) args.splice(phrase, 1)
  const heldOutOnly = args.indexOf('--held-out')
  if (heldOutOnly >= 0) args.splice(heldOutOnly, 1)
  const validOnly = args.indexOf('--valid')
  if (validOnly >= 0) args.splice(validOnly, 1)
  const modelAt = args.indexOf('--model')
  let model: QuoteModel | null | undefined
  if (modelAt >= 0) {
    const path = args[modelAt + 1]!
    args.splice(modelAt, 2)
    model = path === 'none' ? null : decodeModel(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Parameters<typeof decodeModel>[0])
  }
  const dataDir = args[0] ?? join(repoRoot, '..', 'shared', 'data')
  console.log(await evalQuotes(dataDir, { limit, from, speakerExtent: phrase >= 0 ? 'phrase' : 'name', heldOutOnly: heldOutOnly >= 0, validOnly: validOnly >= 0, model, minMargin, tagBias }))
}
