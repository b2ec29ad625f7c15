// The web UI in a real browser: Debian's Chromium driven by playwright-core, over a temporary
// store with the bundled sample ingested. Skipped (with a note) where /usr/bin/chromium is absent;
// on Debian/Ubuntu: apt-get install -y chromium. Screenshots go to test-output/ (gitignored).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    expect(await page.locator('svg.network text', { hasText: 'Richard Haass' }).count()).toBeGreaterThan(0)
    const denial = await page.locator('.denied-by, ol.timeline li.denial').allTextContents()
    expect(denial.join(' ')).toMatch(/Zakharova/)
    await page.screenshot({ path: join(shots, 'e2e-entity-lavrov.png'), fullPage: true })

    await page.locator('#meetings li.meeting a[href^="/articles/"]').first().click()
    await page.waitForSelector('#article-text')
    expect(await page.locator('#article-text .q').count()).toBeGreaterThan(0)
    expect(await page.locator('#article-text .q').first().textContent()).not.toBe('')
    await page.screenshot({ path: join(shots, 'e2e-article.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })

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
  })
})
