/**
 * Evaluates the entity tagger with conlleval semantics (entity-level exact match, micro P/R/F1)
 * on CoNLL-2003 dev, WikiGold and UNER English-EWT (dev+test; PER/ORG/LOC only, our MISC ignored),
 * and compares speed and CoNLL dev F1 with compromise. The whole entity stage (`findEntities`, what the
 * pipeline stores: the tagger's names completed, retyped, split and merged) is scored too, on CoNLL dev
 * and WikiGold, PER/ORG/LOC.
 *
 *   node --import tsx scripts/eval/entities.ts [dataDir] [--model path]     (default ../shared/data, models/entities.json.gz)
 *
 * Prints one summary line on stdout; per-type detail goes to stderr.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadEntityModel, tagDocument, type EntityModel } from '../../src/nlp/entity-tagger.js'
import { EntityScorer, type Score } from '../../src/nlp/ner-score.js'
import { findEntities } from '../../src/nlp/find-entities.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

interface Sentence {
  tokens: string[]
  tags: string[]
  doc?: string
}

function readJsonl(path: string): Sentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sentence)
}

function groupDocs(sents: Sentence[]): Sentence[][] {
  const docs: Sentence[][] = []
  let last: string | undefined
  for (const s of sents) {
    if (s.doc === undefined || s.doc !== last || docs.length === 0) docs.push([])
    docs[docs.length - 1]!.push(s)
    last = s.doc
  }
  return docs
}

const pct = (x: number): string => (x * 100).toFixed(2)
const line = (s: Score): string => `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`

function detail(name: string, scorer: EntityScorer, types: readonly string[]): void {
  console.error(`${name}: ${line(scorer.score())} (gold ${scorer.total.gold}, predicted ${scorer.total.predicted})`)
  for (const t of types) console.error(`  ${t.padEnd(4)} ${line(scorer.scoreOf(t))}`)
}

/** Tags whole documents (document-level features apply); returns the scorer and tokens per second. */
function run(model: EntityModel, docs: Sentence[][], types?: readonly string[]): { scorer: EntityScorer; tps: number } {
  const scorer = new EntityScorer(types)
  let tokens = 0
  let ms = 0
  for (const doc of docs) {
    const t0 = performance.now()
    const tags = tagDocument(
      doc.map((s) => s.tokens),
      model,
    )
    ms += performance.now() - t0
    doc.forEach((s, i) => {
      tokens += s.tokens.length
      scorer.add(s.tags, tags[i]!)
    })
  }
  return { scorer, tps: tokens / (ms / 1000) }
}

type Nlp = (text: string) => {
  people(): { json(o: object): { offset: { start: number; length: number } }[] }
  organizations(): { json(o: object): { offset: { start: number; length: number } }[] }
  places(): { json(o: object): { offset: { start: number; length: number } }[] }
}

const PIPELINE_TYPE: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' }

/**
 * The whole entity stage, as the pipeline runs it (`findEntities`: the tagger, then names completed,
 * retyped, split and merged): each document is written out as text (tokens joined by spaces, one
 * sentence per line), tokenised and split by the pipeline, and the mentions it finds are mapped back to
 * the gold tokens they cover.
 */
function runPipeline(docs: Sentence[][], types?: readonly string[]): EntityScorer {
  const scorer = new EntityScorer(types)
  for (const doc of docs) {
    const starts: number[][] = []
    let text = ''
    for (const s of doc) {
      const row: number[] = []
      s.tokens.forEach((w, i) => {
        if (i > 0) text += ' '
        row.push(text.length)
        text += w
      })
      starts.push(row)
      text += '\n'
    }
    const tokens = tokenize(text)
    const entities = findEntities({ text, tokens, sentences: splitSentences(text, tokens) })
    const tags = doc.map((s) => s.tokens.map(() => 'O'))
    for (const e of entities)
      for (const m of e.mentions) {
        let first = true
        doc.forEach((s, si) =>
          s.tokens.forEach((w, i) => {
            const a = starts[si]![i]!
            if (a < m.start || a + w.length > m.end || tags[si]![i] !== 'O') return
            tags[si]![i] = (first ? 'B-' : 'I-') + PIPELINE_TYPE[e.type]
            first = false
          }),
        )
      }
    doc.forEach((s, si) => scorer.add(s.tags, tags[si]!))
  }
  return scorer
}

/** compromise on each sentence (tokens joined by spaces), its spans mapped back to the tokens. */
function runCompromise(nlp: Nlp, docs: Sentence[][]): { scorer: EntityScorer; scorer3: EntityScorer; tps: number } {
  const scorer = new EntityScorer()
  const scorer3 = new EntityScorer(['PER', 'ORG', 'LOC'])
  let tokens = 0
  let ms = 0
  for (const doc of docs)
    for (const s of doc) {
      const text = s.tokens.join(' ')
      const starts: number[] = []
      let at = 0
      for (const w of s.tokens) {
        starts.push(at)
        at += w.length + 1
      }
      const t0 = performance.now()
      const d = nlp(text)
      const found: [string, { offset: { start: number; length: number } }[]][] = [
        ['PER', d.people().json({ offset: true })],
        ['ORG', d.organizations().json({ offset: true })],
        ['LOC', d.places().json({ offset: true })],
      ]
      ms += performance.now() - t0
      tokens += s.tokens.length
      const tags = s.tokens.map(() => 'O')
      for (const [type, list] of found)
        for (const m of list) {
          const a = m.offset.start
          const b = a + m.offset.length
          let first = true
          for (let i = 0; i < s.tokens.length; i++) {
            const ts = starts[i]!
            const te = ts + s.tokens[i]!.length
            if (ts < a || te > b || tags[i] !== 'O') continue
            tags[i] = (first ? 'B-' : 'I-') + type
            first = false
          }
        }
      scorer.add(s.tags, tags)
      scorer3.add(s.tags, tags)
    }
  return { scorer, scorer3, tps: tokens / (ms / 1000) }
}

export async function evalEntities(dataDir: string, modelPath?: string): Promise<string> {
  const ner = join(dataDir, 'ner')
  const t0 = performance.now()
  const model = loadEntityModel(modelPath)
  const loadMs = performance.now() - t0
  const parts: string[] = []
  const ALL = ['PER', 'ORG', 'LOC', 'MISC']

  const conll = groupDocs(readJsonl(join(ner, 'conll2003/dev.jsonl')))
  // Warm up (JIT) on a few documents before timing: other text than the timed one (CoNLL train's
  // first documents, else the end of dev), so that no word is met before its timed turn by either tagger.
  const trainPath = join(ner, 'conll2003/train.jsonl')
  const warm = existsSync(trainPath) ? groupDocs(readJsonl(trainPath)).slice(0, 30) : conll.slice(-30)
  run(model, warm)
  const c = run(model, conll)
  detail('CoNLL-2003 dev', c.scorer, ALL)
  const byType = ALL.map((t) => `${t} ${pct(c.scorer.scoreOf(t).f1)}`).join(' ')
  parts.push(`CoNLL-2003 dev F1 ${pct(c.scorer.score().f1)} (P ${pct(c.scorer.score().precision)} R ${pct(c.scorer.score().recall)}; ${byType})`)
  // The whole stage (what the pipeline stores), PER/ORG/LOC: its rules are for news text, not CoNLL's tokens.
  const pc = runPipeline(conll, ['PER', 'ORG', 'LOC'])
  detail('CoNLL-2003 dev, whole entity stage (PER/ORG/LOC)', pc, ['PER', 'ORG', 'LOC'])
  parts.push(`whole stage (findEntities) CoNLL dev F1 ${pct(pc.score().f1)} (PER/ORG/LOC)`)

  const wikigold = join(ner, 'wikigold/wikigold.jsonl')
  if (existsSync(wikigold)) {
    const w = run(model, groupDocs(readJsonl(wikigold)))
    detail('WikiGold', w.scorer, ALL)
    const pw = runPipeline(groupDocs(readJsonl(wikigold)), ['PER', 'ORG', 'LOC'])
    detail('WikiGold, whole entity stage (PER/ORG/LOC)', pw, ['PER', 'ORG', 'LOC'])
    parts.push(`WikiGold F1 ${pct(w.scorer.score().f1)} (whole stage, PER/ORG/LOC: ${pct(pw.score().f1)})`)
  }
  const uner = ['uner-en-ewt/ewt-dev.jsonl', 'uner-en-ewt/ewt-test.jsonl'].map((f) => join(ner, f)).filter((f) => existsSync(f))
  if (uner.length) {
    const u = run(
      model,
      uner.flatMap((f) => readJsonl(f).map((s) => [s])),
      ['PER', 'ORG', 'LOC'],
    )
    detail('UNER EWT dev+test (PER/ORG/LOC)', u.scorer, ['PER', 'ORG', 'LOC'])
    parts.push(`UNER-EWT F1 ${pct(u.scorer.score().f1)} (PER/ORG/LOC)`)
  }
  parts.push(`${Math.round(c.tps).toLocaleString('en')} tok/s (load ${Math.round(loadMs)} ms)`)

  const mod = (await import('compromise').catch(() => undefined)) as { default: Nlp } | undefined
  if (mod) {
    runCompromise(mod.default, warm)
    const k = runCompromise(mod.default, conll)
    detail('compromise on CoNLL-2003 dev', k.scorer, ALL)
    parts.push(`compromise: CoNLL dev F1 ${pct(k.scorer.score().f1)} (PER/ORG/LOC only ${pct(k.scorer3.score().f1)}), ${Math.round(k.tps).toLocaleString('en')} tok/s`)
  } else parts.push('compromise: not installed')
  return 'entities: ' + parts.join(' | ')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--model')
  const modelPath = at < 0 ? undefined : resolve(args.splice(at, 2)[1]!)
  console.log(await evalEntities(resolve(args[0] ?? join(root, '../shared/data')), modelPath))
}
