import { describe, expect, it } from 'vitest'
import { readabilityTitle } from '../../src/extract/readability-meta.js'
import { wordPlausibility } from '../../src/extract/decode.js'
import { extractHtml } from '../../src/extract/extract-html.js'

describe('readabilityTitle (Readability _getArticleTitle)', () => {
  // [title, headings, expected]
  const table: [string, { name: string; text: string }[], string][] = [
    ['Floods hit the north of the country | Example News', [], 'Floods hit the north of the country'],
    ['Lorem ipsum dolor sit amet – My website', [], 'Lorem ipsum dolor sit amet'],
    ['Evolve: Shared Mutable History — evolve extension for Mercurial', [], 'Evolve: Shared Mutable History — evolve extension for Mercurial'],
    ['Example News: Floods hit the north of the country', [], 'Floods hit the north of the country'],
    ['Example News: Floods hit the north', [{ name: 'h1', text: 'Example News: Floods hit the north' }], 'Example News: Floods hit the north'],
    ['Short', [{ name: 'h1', text: '  The single h1 headline of the page  ' }], 'The single h1 headline of the page'],
    ['Home - Site', [], 'Home - Site'],
  ]
  it.each(table)('%s', (title, headings, expected) => {
    expect(readabilityTitle(title, headings)).toBe(expected)
  })
})

describe('metadata in Readability order', () => {
  // [what, html, expected fields]
  const table: [string, string, Record<string, unknown>][] = [
    ['dc:title before og:title', '<meta name="dc.title" content="DC title"><meta property="og:title" content="OG title"><title>Doc title here please</title>', { title: 'DC title' }],
    ['JSON-LD headline when only it matches <title>', '<title>Rates rise again in May | Site</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","name":"Site","headline":"Rates rise again in May"}</script>', { title: 'Rates rise again in May' }],
    ['byline from a byline-class element, itemprop=name inside', '<body><div class="byline">Written by <span itemprop="name">Ana Lee</span></div><p>Text</p></body>', { byline: 'Ana Lee' }],
    ['meta author before the page byline', '<meta name="author" content="Meta Author"><body><div class="byline">By Page Author</div></body>', { byline: 'Meta Author' }],
    ['hidden byline skipped', '<body><div class="author" hidden>Hidden One</div><span class="author">Shown One</span></body>', { byline: 'Shown One' }],
    ['a byline Readability would not find, cleaned', '<meta name="byl" content="Posted by Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"><p>x</p>', { byline: 'Joe Wee' }],
    ['JSON-LD publisher as site name', '<meta property="og:site_name" content="OG Site"><script type="application/ld+json">{"@context":"http://schema.org","@type":"Article","publisher":{"name":"LD Site"}}</script>', { site: 'LD Site' }],
  ]
  it.each(table)('%s', (_what, html, expected) => {
    expect(extractHtml(html)).toMatchObject(expected)
  })
})

describe('wordPlausibility', () => {
  it('scores real words above mojibake', () => {
    expect(wordPlausibility('Диета Аткинса (14 дней) - потеря веса')).toBeGreaterThan(3)
    expect(wordPlausibility('Äèåòà Àòêèíñà (14 äíåé) - ïîòåðÿ âåñà')).toBeLessThan(0)
    expect(wordPlausibility('Le projet de loi approuvé à l\'Assemblée')).toBeGreaterThan(0)
    expect(wordPlausibility('bad \ufffd\ufffd bytes')).toBeLessThan(0)
  })
})
