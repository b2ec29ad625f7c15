/**
 * Extraction evaluation: Zyte article-extraction-benchmark (dev split) for our extractor and for
 * @mozilla/readability on jsdom and on linkedom (computed live, same run, same scorer), speed and
 * peak RSS, the plain-text trimmer on the html-text baseline output, and Mozilla's
 * readability-test-pages: text F1 against expected.html, and metadata (title, byline, siteName,
 * lang, publishedTime) matched against expected-metadata.json for ours and for live
 * @mozilla/readability 0.6.0 + jsdom on the same pages, under the same rules: whitespace
 * collapsed, byline without a leading "By ", lang case-insensitive, dates as instants. Where the
 * expected value is null and an extractor finds a plausible value (see `plausible`), that is not
 * counted as wrong: it counts as right and is also shown apart as "+N only ours/readability".
 * (The expected files were made by Readability's repository version, so live 0.6.0 may differ.)
 * EVAL_VERBOSE=1 lists every mismatch and per-page text F1; EVAL_NO_READABILITY=1 skips the live run.
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

const META_KEYS = ['title', 'byline', 'siteName', 'lang', 'publishedTime'] as const
type MetaKey = (typeof META_KEYS)[number]
type Meta = Record<MetaKey, string | null>

/**
 * How a metadata value is compared with `expected-metadata.json` (the same rule for ours and for
 * live Readability): whitespace collapsed and trimmed; byline without a leading "By "; lang
 * case-insensitive; publishedTime as instants (`Date.parse` equal), else as strings.
 */
export function normMeta(key: MetaKey, v: unknown): string {
  let s = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : ''
  if (key === 'byline') s = s.replace(/^by:?\s+/i, '')
  if (key === 'lang') s = s.toLowerCase()
  return s
}

export function sameMeta(key: MetaKey, want: unknown, got: unknown): boolean {
  const w = normMeta(key, want)
  const g = normMeta(key, got)
  if (w === g) return true
  if (key === 'publishedTime' && w && g) {
    const a = Date.parse(w)
    return !Number.isNaN(a) && a === Date.parse(g)
  }
  return false
}

/**
 * Whether a value found where the expected file has none is plausibly right: a title or site name
 * of 1-200 characters; a byline of 2-100 characters with a letter, no digit (no date), no URL or
 * "@", not starting "By"/"Posted by"; a BCP 47
 * looking language tag; a date that parses to an instant between 1995 and now. Such values are
 * not counted as wrong in the headline counts (counted as right, and also shown as "+N only").
 */
export function plausible(key: MetaKey, v: string): boolean {
  switch (key) {
    case 'title': case 'siteName': return v.length >= 1 && v.length <= 200
    case 'byline': return v.length >= 2 && v.length <= 100 && /\p{L}/u.test(v) && !/https?:|www\.|@|\d/.test(v) && !/^(?:posted |written )?by\b/i.test(v)
    case 'lang': return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v)
    case 'publishedTime': {
      const t = Date.parse(v)
      return !Number.isNaN(t) && t >= Date.UTC(1995, 0, 1) && t <= Date.now()
    }
  }
}

interface MetaTally { right: number; total: number; onlyThis: number }

function tallyMeta(tallies: Record<MetaKey, MetaTally>, expected: Record<string, unknown>, found: Meta, label: string, page: string): void {
  for (const key of META_KEYS) {
    const want = normMeta(key, expected[key])
    const got = normMeta(key, found[key])
    const t = tallies[key]
    t.total++
    if (sameMeta(key, expected[key], found[key])) { t.right++; continue }
    // The expected file has nothing and this extractor found something plausible: not an error.
    if (!want && got && plausible(key, got)) { t.right++; t.onlyThis++; continue }
    if (process.env['EVAL_VERBOSE']) console.error(`rtp ${label} ${page} ${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`)
  }
}

/** @mozilla/readability on jsdom, as Readability's own test harness runs it (live `parse()`). */
async function liveReadability(): Promise<(html: string, url: string) => { meta: Meta; text: string }> {
  const { Readability } = await import('@mozilla/readability')
  // jsdom ships no types (no @types/jsdom here): describe the members used.
  const jsdomModule = 'jsdom'
  const { JSDOM, VirtualConsole } = (await import(jsdomModule)) as {
    JSDOM: new (html: string, opts: object) => { window: { document: ReadabilityDoc; close(): void } }
    VirtualConsole: new () => object
  }
  const vc = new VirtualConsole()
  return (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole: vc })
    try {
      const r = new Readability(dom.window.document).parse()
      return {
        meta: { title: r?.title ?? null, byline: r?.byline ?? null, siteName: r?.siteName ?? null, lang: r?.lang ?? null, publishedTime: r?.publishedTime ?? null },
        text: r?.textContent ?? '',
      }
    } finally {
      dom.window.close()
    }
  }
}

/**
 * Readability's test pages: text F1 of our text against `expected.html`'s text, and metadata
 * matches against `expected-metadata.json` for ours and for live @mozilla/readability 0.6.0 +
 * jsdom on the same pages (see {@link sameMeta} and {@link plausible} for the rules). Printed as
 * `title 128/130 (readability 129/130) (+0 only ours)`. Set EVAL_VERBOSE=1 to list mismatches.
 */
async function evalReadabilityTestPages(dir: string): Promise<string> {
  const names = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'source.html'))).sort()
  const zero = (): Record<MetaKey, MetaTally> => Object.fromEntries(META_KEYS.map((k) => [k, { right: 0, total: 0, onlyThis: 0 }])) as Record<MetaKey, MetaTally>
  const ours = zero()
  const theirs = zero()
  const readability = process.env['EVAL_NO_READABILITY'] ? null : await liveReadability()
  const url = 'http://fakehost/test/page.html'
  const pages = []
  for (const name of names) {
    const html = readFileSync(join(dir, name, 'source.html'), 'utf8')
    const expected = htmlToText(readFileSync(join(dir, name, 'expected.html'), 'utf8'))
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>
    const a = extractHtml(html, { url })
    const score = scorePage(expected, a.text)
    pages.push(score)
    if (process.env['EVAL_VERBOSE']) {
      const f1 = score.tp ? (2 * score.tp) / (2 * score.tp + score.fp + score.fn) : 0
      console.error(`rtp ${name} text F1 ${f1.toFixed(3)} tp ${score.tp.toFixed(2)} fp ${score.fp.toFixed(2)} fn ${score.fn.toFixed(2)}`)
    }
    tallyMeta(ours, meta, { title: a.title, byline: a.byline, siteName: a.site, lang: a.language, publishedTime: a.published }, 'ours', name)
    if (readability) {
      let found: Meta = { title: null, byline: null, siteName: null, lang: null, publishedTime: null }
      try { found = readability(html, url).meta } catch { /* counted as finding nothing */ }
      tallyMeta(theirs, meta, found, 'readability', name)
    }
  }
  const s = aggregate(pages)
  const c = (k: MetaKey) =>
    `${k} ${ours[k].right}/${ours[k].total}` +
    (readability ? ` (readability ${theirs[k].right}/${theirs[k].total})` : '') +
    ` (+${ours[k].onlyThis} only ours${readability ? `, +${theirs[k].onlyThis} only readability` : ''})`
  return `rtp text F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} ${META_KEYS.map(c).join(' ')}`
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
