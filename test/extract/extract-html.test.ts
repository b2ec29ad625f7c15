import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/extract/extract-html.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url), 'utf8')

describe('extractHtml on fixtures', () => {
  it('news-article.html: metadata and body without furniture', () => {
    const a = extractHtml(fixture('news-article.html'), { url: 'https://news.example.com/x?utm=1' })
    expect(a).toMatchObject({
      title: 'Talks resume in Geneva',
      byline: 'Jane Roe',
      published: '2023-05-14T09:30:00Z',
      site: 'The Daily Example',
      language: 'en-GB',
      url: 'https://news.example.com/2023/05/14/talks-resume',
    })
    expect(a.text.split('\n')).toEqual([
      'Delegations from both countries met in Geneva on Monday, officials said, resuming talks that had stalled for months over the question of border crossings.',
      'The meeting, which lasted four hours, was described by one diplomat as "frank, long, and at times tense", but both sides agreed to meet again next week.',
      'What comes next',
      'Negotiators will now draft a joint statement, according to a spokeswoman for the foreign ministry, who declined to give further details.',
      'A ceasefire along the river, monitored by observers.',
      'An exchange of prisoners, to be agreed by both governments.',
      'Observers said the outcome, whatever it is, would shape the region for years to come.',
    ])
  })

  it('jsonld-article.html: JSON-LD @graph metadata, <br> paragraphs, related links cut', () => {
    const a = extractHtml(fixture('jsonld-article.html'))
    expect(a).toMatchObject({
      title: 'Markets rally after rate decision',
      byline: 'Ann Smith, Bo Lee',
      published: '2024-01-31T15:00:00+01:00',
      site: 'Finance Example',
      language: 'de-DE',
      url: null,
    })
    expect(a.text).toBe(
      'Stocks rose sharply on Wednesday after the central bank left interest rates unchanged, with the main index closing up two percent.\n' +
        'Analysts said the decision, widely expected, removed a source of uncertainty for investors, and bond yields fell across the curve.',
    )
  })

  // [what, html, expected fields]
  const table: [string, string, Record<string, unknown>][] = [
    ['title suffix stripped', '<title>Floods hit the north of the country | Example News</title><p>x</p>', { title: 'Floods hit the north of the country' }],
    ['title dash suffix', '<title>Floods hit the north of the country - Example News</title>', { title: 'Floods hit the north of the country' }],
    ['date from the URL', '<p>Hello</p>', { published: '2019-11-18' }],
    ['og:locale as language', '<meta property="og:locale" content="fr_FR"><p>x</p>', { language: 'fr-FR' }],
    ['time datetime', '<article><time datetime="2021-02-03T04:05:06Z">Feb 3</time><p>x</p></article>', { published: '2021-02-03T04:05:06Z' }],
    ['rel=author byline', '<p>By <a rel="author" href="/a">Sam Poe</a></p>', { byline: 'Sam Poe' }],
    ['entities decoded', '<meta property="og:title" content="Tom &amp; Jerry&#39;s &quot;day&quot;">', { title: 'Tom & Jerry\'s "day"' }],
    ['empty input', '', { title: null, text: '', byline: null }],
  ]
  it.each(table)('%s', (_what, html, expected) => {
    expect(extractHtml(html, { url: 'https://example.com/2019/11/18/story' })).toMatchObject(expected)
  })

  it('keeps whitespace rules: one paragraph per line, no blank or padded lines', () => {
    const a = extractHtml('<body><div class="content"><p>  One,   two\n three, four, five, six, seven words here and more. </p>\n\n<p>\tSecond paragraph, also long enough to count as a paragraph.</p></div></body>')
    expect(a.text).toBe('One, two three, four, five, six, seven words here and more.\nSecond paragraph, also long enough to count as a paragraph.')
  })

  it('drops hidden elements and scripts', () => {
    const a = extractHtml('<body><div><p>Visible paragraph, with commas, long enough to be the article body.</p><p style="display:none">Hidden text here, long enough, to matter if kept.</p><script>var x = "<p>script</p>"</script></div></body>')
    expect(a.text).toBe('Visible paragraph, with commas, long enough to be the article body.')
  })

  it('finishes on a page nested 100,000 tags deep', () => {
    const n = 100_000
    const html = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(n)}<p>Deep text, with a comma, long enough to be scored as a paragraph.</p>${'</div>'.repeat(n)}</body></html>`
    const t0 = performance.now()
    const a = extractHtml(html)
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(a.title).toBe('Deep page')
    expect(a.text).toContain('Deep text, with a comma')
    const unclosed = `<html><body>${'<div><span>x '.repeat(n)}</body></html>`
    expect(() => extractHtml(unclosed)).not.toThrow()
  })

  // A page of repeated paragraphs: 50 MB would take ~10 s and ~830 MB to parse (measured), so it is
  // refused before parsing with an error that names the limit; measured ~0.1 s, bound 3 s.
  it('refuses a 50 MB page quickly, with a clear error and bounded memory', () => {
    const para = '<p>Officials said on Monday that the talks, which had stalled for months, would resume next week.</p>\n'
    const html = `<html><head><title>Big</title></head><body><article>${para.repeat(Math.ceil(50e6 / para.length))}</article></body></html>`
    expect(html.length).toBeGreaterThan(50e6)
    const rss0 = process.memoryUsage().rss
    const t0 = performance.now()
    const a = extractHtml(html, { url: 'https://example.com/big' })
    expect(performance.now() - t0).toBeLessThan(3000)
    expect(process.memoryUsage().rss - rss0).toBeLessThan(300e6)
    expect(a).toMatchObject({ text: '', title: null, url: 'https://example.com/big' })
    expect(a.error).toMatch(/^page too large: \d+ characters .* over the limit of 10485760/)
  })

  it('extracts a 50 MB page that is mostly inline script', () => {
    const script = `<script>var data = "${'x'.repeat(1_000_000)}";</script>\n`.repeat(50)
    const html = `<html><head><title>Scripted page about talks</title>${script}</head><body><article><p>Officials said on Monday that the talks, which had stalled for months, would resume next week.</p></article></body></html>`
    const a = extractHtml(html)
    expect(a.error).toBeUndefined()
    expect(a.text).toBe('Officials said on Monday that the talks, which had stalled for months, would resume next week.')
  })

  it('takes a smaller limit from the options', () => {
    const a = extractHtml(`<p>${'word '.repeat(100)}</p>`, { maxLength: 100 })
    expect(a.text).toBe('')
    expect(a.error).toContain('over the limit of 100')
    expect(extractHtml('<p>short</p>', { maxLength: 100 }).error).toBeUndefined()
  })

  it('never throws on odd input', () => {
    for (const input of ['<', '<<<>>>', '<script>', '<!--', '<html><body><p>' + '\u0000'.repeat(10), '<title></title><meta content>', '<script type="application/ld+json">{bad json</script>', '\ud800', null as unknown as string, 42 as unknown as string]) {
      expect(() => extractHtml(input)).not.toThrow()
    }
  })
})
