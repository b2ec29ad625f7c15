/**
 * Rebuilds `samples/articles.jsonl`, the corpus that `npm start` analyses and serves, from the
 * shared data, deterministically (same inputs, same bytes out):
 *
 *   node --import tsx scripts/make-sample.ts [--shared ../shared] [--out samples/articles.jsonl]
 *
 * Content, in this order:
 *  1. the project's reference article `examples/backchannel-report.txt` (a scraped news page);
 *  2. from ECB+ (`data/stories/ecbplus/dev.jsonl`, CC BY 3.0; see samples/README.md), every
 *     article of the clusters in CLUSTERS whose text has a double quotation mark and the word
 *     "said", at most MAX_PER_CLUSTER per cluster, in ECB+ document order (numeric, then id).
 *     The clusters were chosen so that the same people are quoted in several articles
 *     (Tara Reid's rep Jack Ketsoyan; Pastor Larry Kroon and Sarah Palin; Costas Karamanlis;
 *     Mark Felt, Bob Woodward and John O'Connor). The `_ecbplus` clusters of the same topics carry
 *     the address of each article, so the outlets page has real outlets (people.com, upi.com, …).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** ECB+ sub-topics (story clusters) to include, in output order. */
export const CLUSTERS = ['1_ecb', '13_ecb', '19_ecb', '28_ecb', '1_ecbplus', '13_ecbplus', '19_ecbplus', '28_ecbplus'] as const
export const MAX_PER_CLUSTER = 10

interface EcbArticle {
  id: string
  title: string
  text: string
  date: string | null
  source: string | null
  url: string | null
  cluster: string
  topic: string
}

export interface SampleArticle {
  id: string
  title: string
  text: string
  url?: string
  published?: string
  source: string
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** "13_4ecb" -> [13, 4]: ECB+ document order. */
function docNumber(id: string): [number, number] {
  const m = /^(\d+)_(\d+)/.exec(id)
  return m ? [Number(m[1]), Number(m[2])] : [Number.MAX_SAFE_INTEGER, 0]
}

export function selectEcb(lines: string[]): SampleArticle[] {
  const all = lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EcbArticle)
  const out: SampleArticle[] = []
  for (const cluster of CLUSTERS) {
    const picked = all
      .filter((a) => a.cluster === cluster && a.text.includes('"') && /\bsaid\b/.test(a.text))
      .sort((a, b) => {
        const [a1, a2] = docNumber(a.id)
        const [b1, b2] = docNumber(b.id)
        return a1 - b1 || a2 - b2 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      })
      .slice(0, MAX_PER_CLUSTER)
    for (const a of picked) {
      const item: SampleArticle = { id: a.id, title: a.title, text: a.text, source: `ECB+ ${a.cluster}` }
      if (a.url) item.url = a.url
      if (a.date) item.published = a.date
      out.push(item)
    }
  }
  return out
}

function main(): void {
  const { values } = parseArgs({
    options: { shared: { type: 'string' }, out: { type: 'string' } },
  })
  const shared = resolve(values.shared ?? resolve(root, '..', 'shared'))
  const outFile = resolve(values.out ?? resolve(root, 'samples', 'articles.jsonl'))

  const reference: SampleArticle = {
    id: 'backchannel-report',
    // The scraped text has no headline; this descriptive title is ours (see samples/README.md).
    title: 'Back-channel talks: Lavrov and former US officials (reference example)',
    text: readFileSync(resolve(shared, 'examples', 'backchannel-report.txt'), 'utf8'),
    published: '2023-07-08',
    source: 'reference example: scraped news page (The Post Millennial)',
  }
  const ecb = selectEcb(readFileSync(resolve(shared, 'data', 'stories', 'ecbplus', 'dev.jsonl'), 'utf8').split('\n'))
  const articles = [reference, ...ecb]
  const body = articles.map((a) => JSON.stringify(a)).join('\n') + '\n'
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(outFile, body)
  const counts = CLUSTERS.map((c) => `${c}: ${ecb.filter((a) => a.source === `ECB+ ${c}`).length}`).join(', ')
  process.stderr.write(`make-sample: wrote ${articles.length} articles (${Buffer.byteLength(body)} bytes) to ${outFile} (${counts})\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
