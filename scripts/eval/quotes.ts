/**
 * Quote evaluation on PolNeAR dev (../shared/data/quotes/polnear/dev.jsonl), scored as in
 * ../shared/data/quotes/README.md: quote overlap and exact P/R/F1, speaker accuracy given a match
 * (strict and lenient span mode), joint quote+speaker P/R/F1 (the headline), recall by kind and by gold
 * speaker type, cue accuracy, CofeNet-compatible component F1 on `orig_split == "test"`, articles/s.
 *
 * Standalone: `node --import tsx scripts/eval/quotes.ts [dataDir] [--limit N] [--from N] [--held-out] [--valid] [--name] [--model path|none] [--min-margin M] [--content-bias B] [--cue-bias B] [--source-bias B]`
 * (`--held-out`: only the documents the quote tagger did not train on; `--valid`: only the validation part
 * inside the training part, for tuning a model trained with `--valid`; `--model`: another model file, or none;
 * `--name`: speaker spans as names only, not the whole source phrases `findQuotes` gives by default).
 * The PolNeAR texts stay in the shared data folder: they are not openly licensed.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Entity, QuoteAct, Span, Speaker, Token } from '../../src/core/types.js'
import { gunzipSync } from 'node:zlib'
import { findQuotes } from '../../src/nlp/find-quotes.js'
import { STATEMENT_ACTS } from '../../src/store/store.js'
import { decodeModel, type QuoteModel } from '../../src/nlp/quote-tagger.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'
import { emptyCounts, isSpeechCue, prf, scoreComponents, scoreDocument, type ComponentCounts, type ScoreQuote, type SpeakerType } from './quote-score.js'

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
 * Documents the quote tagger did not train on. It trains on PolNeAR dev documents whose sha1(id) starts
 * with 0–8 (scripts/train-quotes.ts); the rest, 9, a or b in dev and c–f in PolNeAR's test split, are
 * held out, so the figures on them are the honest ones.
 */
export function isHeldOut(id: string): boolean {
  return !'012345678'.includes(createHash('sha1').update(id).digest('hex')[0]!)
}

/**
 * A validation part inside the training part, for tuning without touching the held-out part:
 * documents whose sha1(id) starts with 7 or 8 (`npm run train -- quotes --valid` leaves them out,
 * `--valid` here scores only them).
 */
export function isValidation(id: string): boolean {
  return '78'.includes(createHash('sha1').update(id).digest('hex')[0]!)
}

/** The gold BIO labels (0 O, 1 B, 2 I) of each token in the cue, source and content layers of a PolNeAR document. */
export function goldLayers(doc: PolnearDoc, tokens: readonly Token[]): [Uint8Array, Uint8Array, Uint8Array] {
  const n = tokens.length
  const gold: [Uint8Array, Uint8Array, Uint8Array] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)]
  const mark = (layer: 0 | 1 | 2, s: number, e: number) => {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < s) lo = mid + 1
      else hi = mid
    }
    for (let k = lo; k < n && tokens[k]!.start < e; k++) gold[layer][k] = k === lo || gold[layer][k] === 1 ? 1 : 2
  }
  for (const q of doc.quotes) {
    if (q.fragments?.length) for (const [s, e] of q.fragments) mark(2, s, e)
    else mark(2, q.start, q.end)
    if (q.cue?.start !== undefined && q.cue.end !== undefined) mark(0, q.cue.start, q.cue.end)
    if (q.speaker?.start !== undefined && q.speaker.end !== undefined) mark(1, q.speaker.start, q.speaker.end)
  }
  return gold
}

/**
 * The fold of a training document for the neural tagger's out-of-fold predictions (`scripts/train-quote-nn.py`):
 * 0–3 by the first hex digit of sha1(id) (0–1, 2–3, 4–5, 6), 4 for the validation part (7–8), -1 held out.
 */
export function nnFold(id: string): number {
  const d = parseInt(createHash('sha1').update(id).digest('hex')[0]!, 16)
  return d >= 9 ? -1 : d >= 7 ? 4 : d === 6 ? 3 : d >> 1
}

/** A quote data set: one JSONL file under `quotes/<folder>/`. */
export interface QuoteSet {
  /** "polnear-dev": the folder and the file name without `.jsonl`. */
  name: string
  file: string
  /**
   * PolNeAR, whose dev documents partly trained the tagger (the others never did), and which annotates
   * every attribution, beliefs and stances included; on the other sets only statements are scored.
   */
  polnear: boolean
}

/** The acts of a statement (see `QuoteAct`): what a data set of quotes, not of all attributions, annotates. */
const STATEMENTS: ReadonlySet<QuoteAct> = new Set(STATEMENT_ACTS)

/** Every `*.jsonl` under `quotes/*` in the data folder (README's schema), PolNeAR dev first. */
export function quoteSets(dataDir: string): QuoteSet[] {
  const root = join(dataDir, 'quotes')
  if (!existsSync(root)) return []
  const sets: QuoteSet[] = []
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    for (const f of readdirSync(join(root, dir.name)).sort()) {
      if (f.endsWith('.jsonl')) sets.push({ name: `${dir.name}-${f.slice(0, -6)}`, file: join(root, dir.name, f), polnear: dir.name === 'polnear' })
    }
  }
  const rank = (s: QuoteSet) => (s.name === 'polnear-dev' ? 0 : s.polnear ? 1 : 2)
  return sets.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

interface Tally {
  docs: number
  counts: ReturnType<typeof emptyCounts>
  comp: Record<'content' | 'source' | 'cue', ComponentCounts>
  compDocs: number
}
const emptyComp = (): Record<'content' | 'source' | 'cue', ComponentCounts> => ({
  content: { gold: 0, pred: 0, tp: 0 },
  source: { gold: 0, pred: 0, tp: 0 },
  cue: { gold: 0, pred: 0, tp: 0 },
})
const emptyTally = (): Tally => ({ docs: 0, counts: emptyCounts(), comp: emptyComp(), compDocs: 0 })

/**
 * The quote sets that ship in the repository (`fixtures/quotes-names/`): ECB+ sample articles whose
 * quotes were annotated here, by hand and blind to the system, with the speaker's resolved name; scored in
 * name mode, as the held-out Canadian set is. Small (see its README): a check of name resolution, not a benchmark.
 */
export function repoQuoteSets(): QuoteSet[] {
  const file = fileURLToPath(new URL('../../fixtures/quotes-names/ecb-sample.jsonl', import.meta.url))
  return existsSync(file) ? [{ name: 'ecb-sample-names', file, polnear: false }] : []
}

/** The headline figures of a tally, as one line. */
function line(label: string, t: Tally, rate: number): string {
  const { counts, comp } = t
  const overlap = prf(counts.matched, counts.pred, counts.gold)
  const exact = prf(counts.exact, counts.pred, counts.gold)
  const joint = prf(counts.joint, counts.pred, counts.gold)
  const acc = (n: number, of = counts.matched) => (of ? n / of : 0)
  const cf = (k: 'content' | 'source' | 'cue') => prf(comp[k].tp, comp[k].pred, comp[k].gold)
  // Name mode where the data set resolves speakers to names; span mode otherwise (README 3).
  const speaker = counts.nameMatched
    ? `speaker name acc ${pct(acc(counts.nameCorrect, counts.nameMatched))} (span ${pct(acc(counts.speakerStrict))})`
    : `speaker acc ${pct(acc(counts.speakerStrict))} (lenient ${pct(acc(counts.speakerLenient))})`
  return (
    `${label} ${t.docs} docs quote F1 ${pct(overlap.f1)} (P ${pct(overlap.p)} R ${pct(overlap.r)}) exact F1 ${pct(exact.f1)}` +
    ` | joint F1 ${pct(joint.f1)} (P ${pct(joint.p)} R ${pct(joint.r)}) ${speaker}` +
    ` cue acc ${pct(acc(counts.cueCorrect))} | anon R ${pct(counts.matchedBySpeaker.group / (counts.goldBySpeaker.group || 1))} (as anonymous ${pct(counts.groupAsAnonymous / (counts.goldBySpeaker.group || 1))})` +
    (t.compDocs ? ` | cofenet (${t.compDocs} docs) content ${pct(cf('content').f1)} source ${pct(cf('source').f1)} cue ${pct(cf('cue').f1)}` : '') +
    ` | ${rate.toFixed(1)} art/s`
  )
}

/**
 * The name a reader gets for a speaker (name mode): the resolved entity's name, else the name the
 * product gives the mention (`Speaker.name`: "Smith", "the RCMP", "Toronto police"); none for "he",
 * "officials", "a spokesperson for the ministry", "Her lawyer", "Ontario's health minister". (Earlier the
 * evaluation took any capitalised mention for a name; with `Speaker.name` written for descriptions, that
 * added only wrong names on the ECB+ name set: "Felt's role", "A Brooklyn woman".)
 */
export function speakerName(speaker: Speaker, names: ReadonlyMap<string, string>): string | null {
  return (speaker.entity !== undefined ? names.get(speaker.entity) : undefined) ?? speaker.name ?? null
}

function addComp(into: Record<'content' | 'source' | 'cue', ComponentCounts>, c: Record<'content' | 'source' | 'cue', ComponentCounts>) {
  for (const k of ['content', 'source', 'cue'] as const) {
    into[k].gold += c[k].gold
    into[k].pred += c[k].pred
    into[k].tp += c[k].tp
  }
}

export interface EvalQuotesOptions {
  limit?: number
  from?: number
  speakerExtent?: 'name' | 'phrase'
  heldOutOnly?: boolean
  /** Only PolNeAR dev's validation part (other data sets are skipped). */
  validOnly?: boolean
  model?: QuoteModel | null
  minMargin?: number
  tagBias?: { content?: number; cue?: number; source?: number }
  /** Also score the sets that ship in the repository (`repoQuoteSets`), after those of the data folder. */
  withRepoSets?: boolean
}

/**
 * Scores every quote data set in `dataDir/quotes` and returns one line: for PolNeAR dev its held-out
 * part (the whole set goes to stderr), for any other set all of it.
 */
export async function evalQuotes(dataDir: string, options: EvalQuotesOptions = {}): Promise<string> {
  const sets = [...quoteSets(dataDir), ...(options.withRepoSets ? repoQuoteSets() : [])].filter((s) => !options.validOnly || s.name === 'polnear-dev')
  if (!sets.length) return `quotes: no quote data (quotes/<set>/*.jsonl) under ${dataDir}`
  const findEntities = await loadFindEntities()
  const parts: string[] = []
  for (const set of sets) parts.push(await evalSet(set, findEntities, options))
  return `quotes: ${parts.join(' || ')}`
}

async function evalSet(set: QuoteSet, findEntities: FindEntities | null, options: EvalQuotesOptions): Promise<string> {
  const from = options.from ?? 0
  const trainedOn = (id: string) => set.polnear && !isHeldOut(id)
  const docs = readPolnear(set.file)
    .filter((d) => (!options.heldOutOnly || !trainedOn(d.id)) && (!options.validOnly || isValidation(d.id)))
    .slice(from, options.limit !== undefined ? from + options.limit : undefined)
  const all = emptyTally()
  const held = emptyTally()
  const speech = emptyCounts()
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
    const { quotes } = findQuotes({ text: doc.text, tokens, sentences, entities }, { speakerExtent: options.speakerExtent ?? 'phrase', ...(options.model !== undefined ? { model: options.model } : {}), ...(options.minMargin !== undefined ? { minMargin: options.minMargin } : {}), ...(options.tagBias ? { tagBias: options.tagBias } : {}) })
    elapsed += performance.now() - t0
    const names = new Map(entities.map((e) => [e.id, e.name]))
    // PolNeAR scores every attribution; a set of quotes, what was said (README, "a speech-only view").
    const scored = set.polnear ? quotes : quotes.filter((q) => STATEMENTS.has(q.act))
    const pred: ScoreQuote[] = scored.map((q) => ({
      start: q.start,
      end: q.end,
      kind: q.kind,
      fragments: q.fragments,
      cue: q.cue,
      speaker: q.speaker.start !== undefined ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text } : undefined,
      speaker_name: speakerName(q.speaker, names),
      speaker_kind: q.speaker.kind,
    }))
    // PolNeAR's speech-only view: statements against the gold quotes with a speech or reporting cue.
    if (set.polnear && !trainedOn(doc.id)) {
      const sq = new Set(quotes.filter((q) => STATEMENTS.has(q.act)))
      scoreDocument(doc.text, doc.quotes.filter((g) => isSpeechCue(g.cue?.text ?? (g.cue?.start !== undefined ? doc.text.slice(g.cue.start, g.cue.end) : undefined))), pred.filter((_, i) => sq.has(scored[i]!)), speech)
    }
    const tallies = trainedOn(doc.id) ? [all] : [all, held]
    const comp = doc.meta?.orig_split === 'test' ? scoreComponents(doc.text, doc.quotes, pred) : undefined
    for (const t of tallies) {
      t.docs++
      scoreDocument(doc.text, doc.quotes, pred, t.counts)
      if (comp) {
        t.compDocs++
        addComp(t.comp, comp)
      }
    }
  }
  const { counts, comp, compDocs } = all
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
  console.error(`quotes: ${set.name}: ${docs.length} docs, gold ${counts.gold}, predicted ${counts.pred}, entities ${findEntities ? `from find-entities on ${withEntities} docs${entityError ? ' (then it failed: ' + entityError + ')' : ''}` : 'none (find-entities absent)'}`)
  console.error(`  overlap P/R/F1 ${pct(overlap.p)}/${pct(overlap.r)}/${pct(overlap.f1)}; exact ${pct(exact.p)}/${pct(exact.r)}/${pct(exact.f1)}`)
  console.error(`  speaker accuracy given match: strict ${pct(acc(counts.speakerStrict))}, lenient ${pct(acc(counts.speakerLenient))}${counts.nameMatched ? `; by name ${pct(counts.nameCorrect / counts.nameMatched)} (of ${counts.nameMatched} with gold names)` : ''}; cue accuracy ${pct(acc(counts.cueCorrect))}`)
  console.error(`  joint quote+speaker P/R/F1 ${pct(joint.p)}/${pct(joint.r)}/${pct(joint.f1)}`)
  console.error(`  recall by kind: ${byKind.join(', ')}`)
  console.error(`  recall/joint recall by gold speaker type: ${bySpeaker.join(', ')}`)
  console.error(`  speech-cue subset recall ${pct(counts.matchedSpeech / (counts.goldSpeech || 1))} (n=${counts.goldSpeech})`)
  if (counts.namedInGold) console.error(`  speaker.name agrees with a name in the gold source phrase: ${pct(counts.namedAgree / counts.namedInGold)} of ${counts.namedInGold} matched quotes (a proxy for name mode)`)
  if (speech.gold) {
    const sp = prf(speech.matched, speech.pred, speech.gold)
    const sj = prf(speech.joint, speech.pred, speech.gold)
    console.error(`  speech-only view (held-out; statements vs gold with a speech or reporting cue, n=${speech.gold}): quote P/R/F1 ${pct(sp.p)}/${pct(sp.r)}/${pct(sp.f1)}, joint ${pct(sj.p)}/${pct(sj.r)}/${pct(sj.f1)}`)
  }
  if (compDocs) console.error(`  CofeNet-compatible (orig_split test, ${compDocs} docs) P/R/F1: content ${cfs('content')}, source ${cfs('source')}, cue ${cfs('cue')}`)
  console.error(`  ${rate.toFixed(1)} articles/s (tokenize + sentences + entities + quotes)`)
  // PolNeAR dev: the line is its held-out part (the quote tagger trains on the rest); the line over
  // all of it, training documents included, goes to stderr with the details.
  if (options.validOnly) return line(`${set.name} valid`, all, rate)
  if (held.docs === all.docs) return line(set.name, all, rate)
  console.error(line(`quotes: ${set.name} all`, all, rate))
  return line(`${set.name} held-out`, held, rate)
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
  // Speaker spans as `findQuotes` gives them by default (whole source phrases, "Hugh Hill, a doctor,");
  // `--name`: names only ("Hugh Hill"), the `speakerExtent: 'name'` option of `findQuotes`.
  const nameOnly = args.indexOf('--name')
  if (nameOnly >= 0) args.splice(nameOnly, 1)
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
  console.log(await evalQuotes(dataDir, { limit, from, speakerExtent: nameOnly >= 0 ? 'name' : 'phrase', heldOutOnly: heldOutOnly >= 0, validOnly: validOnly >= 0, model, minMargin, tagBias, withRepoSets: heldOutOnly < 0 && validOnly < 0 }))
}
