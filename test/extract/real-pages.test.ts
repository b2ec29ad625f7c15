import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/extract/extract-html.js'

const data = fileURLToPath(new URL('../../../shared/data/extraction/', import.meta.url))
const present = existsSync(data)
if (!present) console.log(`real-pages: ${data} absent, real-page tests skipped`)

const zyte = (id: string) => gunzipSync(readFileSync(`${data}zyte-benchmark/html/${id}.html.gz`)).toString('utf8')

// What a reader of each page sees: headline, date, author, where the body starts and ends, and a junk block.
const pages = [
  {
    name: 'aclu (readability-test-pages)',
    html: () => readFileSync(`${data}readability-test-pages/aclu/source.html`, 'utf8'),
    url: undefined,
    title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook',
    published: '2018-04-05',
    byline: 'Daniel Kahn Gillmor',
    first: "I don't use Facebook. I'm not technophobic — I'm a geek.",
    last: 'At the same time, we also need to protect those of us who manage to opt out.',
    junk: ['Stay Informed', 'Learn More About the Issues on This Page'],
  },
  {
    name: 'aljazeera (zyte)',
    html: () => zyte('42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc'),
    url: 'https://www.aljazeera.com/ajimpact/nasas-commercial-moon-shot-musk-bezos-firms-bid-191119041538885.html',
    title: "NASA’s commercial moon shot: Musk's and Bezos's firms to bid",
    // The page shows "19 Nov 2019 05:44 GMT"; its JSON-LD says 07:09 GMT (an update): the day is what we assert.
    published: '2019-11-19',
    byline: 'Laura Winter',
    first: 'Washington, DC, United States: Getting to the Moon, while not easy, has been done.',
    last: 'The small players bring an agility and creativity that adds to the mix.',
    junk: ['China completes landing test for its first Mars mission in 2020', 'Al Jazeera Centre for Public Liberties'],
  },
  {
    name: 'venturebeat (zyte)',
    html: () => zyte('06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85'),
    url: 'https://venturebeat.com/2019/11/18/new-york-state-attorney-general-investigating-wework-and-former-ceo/',
    title: 'New York State Attorney General investigating WeWork and former CEO',
    published: '2019-11-19',
    byline: 'Reuters',
    first: '(Reuters) — The New York State Attorney General (NYAG) is investigating WeWork',
    last: 'WeWork’s 2025 bond has weakened sharply in the past week, hitting 16.057% on Monday, according to data from MarketAxess.',
    junk: ['Hearthstone: Battlegrounds gets four new heroes in big update', 'Clumio raises $135 million'],
  },
]

describe.skipIf(!present)('extractHtml on real pages', () => {
  it.each(pages)('$name', (p) => {
    const a = extractHtml(p.html(), { url: p.url })
    expect(a.title).toBe(p.title)
    expect(a.published?.slice(0, 10)).toBe(p.published)
    expect(a.byline).toBe(p.byline)
    const lines = a.text.split('\n')
    expect(lines[0]).toContain(p.first)
    expect(lines.some((l) => l.includes(p.last))).toBe(true)
    for (const junk of p.junk) expect(a.text).not.toContain(junk)
    expect(a.text).not.toContain(p.title + '\n') // the headline is not repeated as body
  })
})
