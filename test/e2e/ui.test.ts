// The web UI in a real browser: Debian's Chromium driven by playwright-core, over a temporary
// store with the bundled sample ingested. Skipped (with a note) where /usr/bin/chromium is absent;
// on Debian/Ubuntu: apt-get install -y chromium. Screenshots go to test-output/ (gitignored).
// Every test ends with no page error and no console error, and so no Content-Security-Policy violation.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseJsonlRecord } from '../../src/cli/main.js'
import { decodeInput, readInputBytes } from '../../src/cli/read-input.js'
import { serveStore, type Serving } from '../../src/http/serve-command.js'
import { XSS, xssArticle } from '../serve/fixtures.js'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`test/e2e/ui: skipped, no browser at ${CHROMIUM} (apt-get install -y chromium)`)

const shots = fileURLToPath(new URL('../../test-output/', import.meta.url))
const io = { readBytes: (arg: string) => readInputBytes(arg), decode: decodeInput, parseJsonlRecord }
const quiet = { write: () => true }

describe.skipIf(!hasChromium)('the web UI in Chromium', () => {
  let serving: Serving
  let browser: Browser
  let page: Page
  const dialogs: string[] = []
  const pageErrors: string[] = []
  // Console errors include every Content-Security-Policy violation ("Refused to apply inline style…").
  const consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    const db = join(mkdtempSync(join(tmpdir(), 'newsgraph-e2e-')), 'newsgraph.db')
    serving = await serveStore({ db, sample: true, io, env: {}, port: 0, stderr: quiet, stdout: quiet })
    await serving.store.put(xssArticle())
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      // The browser asks for /favicon.ico on its own; the server has none (a 404), which is no fault of the page.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) consoleErrors.push(`${m.text()} (${m.location().url})`)
    })
    // Charts drawn at once, so screenshots show them whole.
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })
  beforeEach(() => {
    pageErrors.length = 0
    consoleErrors.length = 0
  })
  afterAll(async () => {
    await browser?.close()
    await serving?.close()
  })

  it('searches "Lavrov", opens his page: the meeting with Richard Haass and Zakharova\'s denial; then the article with a quote highlighted', async () => {
    await page.goto(serving.url)
    await page.waitForSelector('ul.articles li')
    await page.fill('#search', 'Lavrov')
    await page.press('#search', 'Enter')
    const entity = page.locator('ul.hits.entities a', { hasText: 'Lavrov' }).first()
    await entity.waitFor()
    await page.screenshot({ path: join(shots, 'e2e-search-lavrov.png'), fullPage: true })
    await entity.click()
    await page.waitForSelector('#meetings')
    expect(page.url()).toMatch(/\/entities\/[^/]*Lavrov/)
    const meetings = page.locator('#meetings')
    await expect.poll(() => meetings.textContent()).toContain('Richard Haass')
    // The network is a Cytoscape canvas; the same people are listed as links beside it.
    expect(await page.locator('#people-met a', { hasText: 'Richard Haass' }).count()).toBeGreaterThan(0)
    await page.waitForSelector('#network canvas')
    await page.waitForSelector('#network[data-nodes]')
    expect(Number(await page.getAttribute('#network', 'data-nodes'))).toBeGreaterThan(1)
    const denial = await page.locator('.denied-by, ol.timeline li.denial').allTextContents()
    expect(denial.join(' ')).toMatch(/Zakharova/)
    await page.screenshot({ path: join(shots, 'e2e-entity-lavrov.png'), fullPage: true })

    await page.locator('#meetings li.meeting a[href^="/articles/"]').first().click()
    await page.waitForSelector('#article-text')
    expect(await page.locator('#article-text .q').count()).toBeGreaterThan(0)
    expect(await page.locator('#article-text .q').first().textContent()).not.toBe('')
    // The reference article has no site and no URL, so no outlet: nothing is shown for it.
    expect(await page.locator('main a[href^="/outlets/"]').count()).toBe(0)
    await page.screenshot({ path: join(shots, 'e2e-article.png'), fullPage: true })
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it("draws Lavrov's meetings with Cytoscape: Richard Haass among the people met, and a click on his node opens his page", async () => {
    await page.goto(serving.url + 'entities/' + encodeURIComponent('Sergey Lavrov'))
    await page.waitForSelector('#network[data-nodes] canvas')
    const box = (await page.locator('#network').boundingBox())!
    expect(box.width).toBeGreaterThan(100)
    expect(box.height).toBeGreaterThan(100)
    expect(await page.locator('#people-met a', { hasText: 'Richard Haass' }).getAttribute('href')).toBe('/entities/Richard%20Haass')
    await page.locator('#network').screenshot({ path: join(shots, 'e2e-entity-graph.png') })
    // Where Cytoscape put him (its instance hangs on the container), then a real mouse click there.
    const at = await page.locator('#network').evaluate((container: any) => {
      const node = container._cyreg.cy.nodes().filter((n: any) => n.data('name') === 'Richard Haass')
      return node.length ? (node.renderedPosition() as { x: number; y: number }) : null
    })
    expect(at).not.toBeNull()
    await page.mouse.click(box.x + at!.x, box.y + at!.y)
    await page.waitForURL(/\/entities\/Richard%20Haass$/)
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Richard Haass')
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it('pages an entity through its articles, newest first, and links the outlets naming it', async () => {
    // The most named person of the sample, read one article at a time from the second one on.
    const top = (await (await fetch(serving.url + 'api/entities?type=PERSON&limit=1')).json()) as { entities: { name: string; articles: number }[] }
    const person = top.entities[0]!
    expect(person.articles).toBeGreaterThan(2)
    await page.goto(serving.url + 'entities/' + encodeURIComponent(person.name) + '?offset=1')
    await page.waitForSelector('#entity-paging')
    const paging = (await page.locator('#entity-paging').textContent())!
    expect(paging).toMatch(new RegExp(`from articles 2–\\d+ of \\d+, newest first`))
    await page.locator('#entity-paging a', { hasText: '← newer' }).click()
    await page.waitForURL((u) => u.pathname.startsWith('/entities/') && u.search === '')
    await expect.poll(() => page.locator('main h1').textContent()).toContain(person.name)
    const profile = (await (await fetch(serving.url + 'api/entities/' + encodeURIComponent(person.name))).json()) as { outlets: { outlet: string | null }[] }
    const named = profile.outlets.filter((o) => o.outlet).map((o) => o.outlet!)
    if (named.length) expect(await page.locator('.named-by a').first().textContent()).toBe(named[0])
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it('lists the outlets, opens one: the share of articles resting on anonymous sources, its charts, its articles', async () => {
    await page.goto(serving.url)
    await page.waitForSelector('ul.articles li')
    await page.locator('header nav a', { hasText: 'Outlets' }).click()
    await page.waitForSelector('#outlets tr.outlet-row')
    expect(page.url()).toMatch(/\/outlets$/)
    expect(await page.locator('#outlets tr.outlet-row').count()).toBeGreaterThan(0)
    await expectChartDrawn('#outlets-chart')
    await page.screenshot({ path: join(shots, 'e2e-outlets.png'), fullPage: true })

    const first = page.locator('#outlets tr.outlet-row th a').first()
    const name = (await first.textContent())!
    await first.click()
    await page.waitForSelector('#headline')
    expect(page.url()).toMatch(/\/outlets\/[^/]+$/)
    expect(await page.locator('main h1').textContent()).toBe(name)
    expect(await page.locator('#headline').textContent()).toMatch(/^\d+% of its \d+ articles? rests? on at least one anonymous source/)
    await expectChartDrawn('#months-chart')
    await expectChartDrawn('#kinds-chart')
    // Each chart has its figures as a table too.
    expect(await page.locator('figure.chart table.data tbody tr').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(shots, 'e2e-outlet-page.png'), fullPage: true })

    // Its articles link to their pages, and those link back to the outlet.
    await page.locator('ul.recent a[href^="/articles/"]').first().click()
    await page.waitForSelector('#article-text')
    expect(await page.locator('main p.muted.small a[href^="/outlets/"]').first().textContent()).toBe(name)
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  /** The canvas has a size on the page and Chart.js has drawn a chart on it. */
  async function expectChartDrawn(selector: string) {
    await page.waitForSelector(selector)
    const drawn = () => page.locator(selector).evaluate((canvas: any) => Boolean((globalThis as any).Chart?.getChart(canvas)) && canvas.width > 0 && canvas.height > 0)
    await expect.poll(drawn).toBe(true)
    const box = (await page.locator(selector).boundingBox())!
    expect(box.width).toBeGreaterThan(50)
    expect(box.height).toBeGreaterThan(50)
  }

  it('shows hostile titles, bylines, quotes and text as text, and runs no script', async () => {
    const a = xssArticle()
    await page.goto(serving.url + 'articles/' + encodeURIComponent(a.id))
    await page.waitForSelector('#article-text')
    expect(await page.locator('main h1').textContent()).toBe(a.title)
    expect(await page.locator('#article-text').textContent()).toBe(a.text)
    expect(await page.locator('main p.muted.small').first().textContent()).toContain(a.byline!)
    expect(await page.locator('#article-text .q').first().textContent()).toBe(`${XSS[0]} ${XSS[1]}`)
    // Nothing from the data became an element: no script, no img, no link to javascript:.
    expect(await page.locator('main script, main img, main svg, main [onerror], main a[href^="javascript:"]').count()).toBe(0)
    await page.screenshot({ path: join(shots, 'e2e-xss-article.png'), fullPage: true })

    // Its outlet (the hostile site name) links to an internal page, which shows the name as text.
    const outletLink = page.locator('main p.muted.small a[href^="/outlets/"]')
    expect(await outletLink.getAttribute('href')).toBe('/outlets/' + encodeURIComponent(a.site!))
    await outletLink.click()
    await page.waitForSelector('#headline')
    expect(await page.locator('main h1').textContent()).toBe(a.site)
    expect(await page.locator('main script, main img, main svg, main [onerror], main a[href^="javascript:"]').count()).toBe(0)
    await expect.poll(() => page.locator('ul.recent a').first().textContent()).toBe(a.title)

    await page.goto(serving.url + '?q=' + encodeURIComponent('<script>'))
    await page.locator('ul.hits.entities a').first().waitFor()
    await page.locator('ul.hits.entities a').first().click()
    await page.waitForSelector('#meetings')
    expect(await page.locator('main h1').textContent()).toContain(XSS[1])
    expect(await page.locator('main script, main img, main [onerror]').count()).toBe(0)
    await page.screenshot({ path: join(shots, 'e2e-xss-entity.png'), fullPage: true })

    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
