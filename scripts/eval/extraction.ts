/**
 * Extraction evaluation: Zyte article-extraction-benchmark (dev split) for our extractor and for
 * @mozilla/readability on jsdom and on linkedom (computed live, same run, same scorer), speed and
 * peak RSS, the plain-text trimmer on the html-text baseline output, and Mozilla's
 * readability-test-pages (text F1 against expected.html, metadata agreement).
 *
 * Standalone: `node --import tsx scripts/eval/extraction.ts [dataDir]` (default `../shared/data`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { parseDocument } from 'htmlparser2'
import type { AnyNode } from 'domhandler'
import { extractHtml } from '../../src/extract/extract-html.js'
import { trimScrapedText } from '../../src/extract/trim-scraped.js'
import { aggregate, predictionsFromJson, scorePage, type Scores } from './zyte-score.js'

type ReadabilityDoc = ConstructorParameters<typeof import('@mozilla/readability').Readability>[0]

interface Page { id: string; html: string; url: string; truth: string }

function loadZyte(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>
  return Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url,
    truth: t.articleBody,
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }))
}

function fmt(s: Scores): string {
  return `F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} acc ${s.accuracy.toFixed(2)}`
}

/** Runs `fn` over all pages, returning scores and pages per second. */
function run(pages: readonly Page[], fn: (p: Page) => string): { scores: Scores; pps: number; texts: string[] } {
  const texts: string[] = []
  const t0 = performance.now()
  for (const p of pages) {
    let text = ''
    try { text = fn(p) } catch { text = '' }
    texts.push(text)
  }
  const secs = (performance.now() - t0) / 1000
  const scores = aggregate(pages.map((p, i) => scorePage(p.truth, texts[i] ?? '')))
  return { scores, pps: pages.length / secs, texts }
}

/** Text of an HTML fragment with a line break at block elements (iterative walk). */
function htmlToText(html: string): string {
  const doc = parseDocument(html)
  const out: string[] = []
  const stack: AnyNode[] = [doc]
  const blocks = /^(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|pre|section|article|ul|ol|dl|dt|dd|figure|figcaption|table|hr)$/
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'text') { out.push((n as { data: string }).data); continue }
    if ('name' in n && blocks.test(n.name)) out.push('\n')
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return out.join('')
}

const norm = (s: unknown): string => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '')

async function evalReadabilityTestPages(dir: string): Promise<string> {
  const names = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'source.html'))).sort()
  const counts: Record<'title' | 'byline' | 'siteName' | 'lang' | 'publishedTime', [number, number]> = {
    title: [0, 0], byline: [0, 0], siteName: [0, 0], lang: [0, 0], publishedTime: [0, 0],
  }
  const extra = { title: 0, byline: 0, siteName: 0, lang: 0, publishedTime: 0 }
  const pages = []
  for (const name of names) {
    const html = readFileSync(join(dir, name, 'source.html'), 'utf8')
    const expected = htmlToText(readFileSync(join(dir, name, 'expected.html'), 'utf8'))
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>
    const a = extractHtml(html, { url: 'http://fakehost/test/page.html' })
    pages.push(scorePage(expected, a.text))
    const ours: Record<keyof typeof counts, string | null> = {
      title: a.title, byline: a.byline, siteName: a.site, lang: a.language, publishedTime: a.published,
    }
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
      const want = norm(meta[key])
      const got = norm(ours[key])
      let equal = want === got
      if (!equal && key === 'publishedTime' && want && got) equal = Date.parse(want) === Date.parse(got) && !Number.isNaN(Date.parse(got))
      if (!equal && key === 'lang') equal = want.toLowerCase() === got.toLowerCase()
      const tally = counts[key]
      tally[0] += equal ? 1 : 0
      tally[1] += 1
      // Readability found nothing where we found a value: not an error on our side, counted apart.
      if (!equal && !want && got) extra[key] += 1
      if (!equal && process.env['EVAL_VERBOSE']) console.error(`rtp ${name} ${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`)
    }
  }
  const s = aggregate(pages)
  const c = (k: keyof typeof counts) => `${k} ${counts[k][0]}/${counts[k][1]} (+${extra[k]} only ours)`
  return `rtp text F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} ${c('title')} ${c('byline')} ${c('siteName')} ${c('lang')} ${c('publishedTime')}`
}

/** Runs the whole extraction evaluation and returns one summary line (details go to stderr). */
export async function evalExtraction(dataDir: string): Promise<string> {
  const zyteDir = join(dataDir, 'extraction', 'zyte-benchmark')
  const rtpDir = join(dataDir, 'extraction', 'readability-test-pages')
  const parts: string[] = []
  if (existsSync(zyteDir)) {
    const pages = loadZyte(zyteDir)
    // Warm up the JIT on a few pages, then measure.
    for (const p of pages.slice(0, 5)) extractHtml(p.html, { url: p.url })
    const ours = run(pages, (p) => extractHtml(p.html, { url: p.url }).text)
    const peakMb = process.resourceUsage().maxRSS / 1024
    console.error(`ours: ${fmt(ours.scores)} ${ours.pps.toFixed(1)} p/s`)

    const { Readability } = await import('@mozilla/readability')
    // jsdom ships no types (no @types/jsdom here): describe the two members used.
    const jsdomModule = 'jsdom'
    const { JSDOM, VirtualConsole } = (await import(jsdomModule)) as {
      JSDOM: new (html: string, opts: object) => { window: { document: ReadabilityDoc; close(): void } }
      VirtualConsole: new () => object
    }
    const { parseHTML } = await import('linkedom')
    const vc = new VirtualConsole()
    const jsdom = run(pages, (p) => {
      const dom = new JSDOM(p.html, { url: p.url, virtualConsole: vc })
      const text = new Readability(dom.window.document).parse()?.textContent ?? ''
      dom.window.close()
      return text
    })
    console.error(`readability+jsdom: ${fmt(jsdom.scores)} ${jsdom.pps.toFixed(1)} p/s`)
    const linked = run(pages, (p) => {
      const { document } = parseHTML(p.html)
      return new Readability(document as unknown as ReadabilityDoc).parse()?.textContent ?? ''
    })
    console.error(`readability+linkedom: ${fmt(linked.scores)} ${linked.pps.toFixed(1)} p/s`)

    const htmlText = predictionsFromJson(JSON.parse(readFileSync(join(zyteDir, 'output', 'html-text.json'), 'utf8')))
    const trim = aggregate(pages.map((p) => scorePage(p.truth, trimScrapedText(htmlText[p.id] ?? '').text)))
    const untrimmed = aggregate(pages.map((p) => scorePage(p.truth, htmlText[p.id] ?? '')))
    console.error(`trim of html-text: ${fmt(trim)} (untrimmed ${fmt(untrimmed)})`)

    parts.push(
      `extraction: zyte-dev ${fmt(ours.scores)}`,
      `readability+jsdom F1 ${jsdom.scores.f1.toFixed(3)} ${jsdom.pps.toFixed(1)} p/s`,
      `+linkedom F1 ${linked.scores.f1.toFixed(3)} ${linked.pps.toFixed(1)} p/s`,
      `ours ${ours.pps.toFixed(0)} p/s (${(ours.pps / jsdom.pps).toFixed(1)}x jsdom, ${(ours.pps / linked.pps).toFixed(1)}x linkedom) peak ${peakMb.toFixed(0)} MB`,
      `trim F1 ${trim.f1.toFixed(3)} P ${trim.precision.toFixed(3)} R ${trim.recall.toFixed(3)}`,
    )
  } else {
    parts.push(`extraction: zyte-benchmark missing at ${zyteDir}`)
  }
  if (existsSync(rtpDir)) parts.push(await evalReadabilityTestPages(rtpDir))
  else parts.push(`rtp missing at ${rtpDir}`)
  return parts.join(' | ')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
  const dataDir = process.argv[2] ?? join(repoRoot, '..', 'shared', 'data')
  console.log(await evalExtraction(dataDir))
}
