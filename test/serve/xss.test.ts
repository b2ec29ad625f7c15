import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, webRoot } from '../../src/http/server.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/store.js'
import { XSS, xssArticle } from './fixtures.js'

let server: Server
let base: string
let store: Store

beforeAll(async () => {
  store = await openStore(':memory:')
  await store.put(xssArticle())
  server = createServer(store)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await store.close()
})

describe('untrusted article content', () => {
  it('comes back from the API intact, as JSON data', async () => {
    const article = xssArticle()
    const res = await fetch(`${base}/api/articles/${encodeURIComponent(article.id)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const body = (await res.json()) as any
    expect(body).toEqual(article)
    for (const payload of XSS) {
      expect(body.title).toContain(payload)
      expect(body.text.includes(payload) || body.url === payload).toBe(true)
    }
    expect(body.quotes[0].text).toBe(`${XSS[0]} ${XSS[1]}`)
    expect(body.text.slice(body.quotes[0].start, body.quotes[0].end)).toBe(body.quotes[0].text)
  })

  it('is found by search and listed unchanged', async () => {
    const list = (await (await fetch(`${base}/api/articles`)).json()) as any
    expect(list.articles[0].title).toBe(xssArticle().title)
    const hits = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('<script>')}`)).json()) as any
    expect(hits.articles.map((a: { id: string }) => a.id)).toEqual(['xss-<script>'])
    expect(hits.entities.map((e: { name: string }) => e.name)).toEqual([`Eve ${XSS[1]}`])
    expect(hits.quotes[0].text).toContain(XSS[0])
    const entity = (await (await fetch(`${base}/api/entities/${encodeURIComponent(XSS[0])}`)).json()) as any
    expect(entity.name).toBe(`Eve ${XSS[1]}`)
    expect(entity.aliases).toEqual([XSS[0]])
  })

  it('is echoed in error messages only as JSON', async () => {
    const res = await fetch(`${base}/api/articles/${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await res.json()) as any).error.message).toContain('<img src=x onerror=alert(1)>')
  })
})

describe.each(['app.js', 'graph.js', 'chart.js'])('the UI script %s', (file) => {
  const source = readFileSync(`${webRoot()}/${file}`, 'utf8')
  // Comments may name the dangerous APIs; code may not use them.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '')

  it.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'DOMParser', 'createContextualFragment', 'eval(', 'new Function', 'srcdoc'])(
    'never uses %s',
    (api) => {
      expect(code).not.toContain(api)
    },
  )

  it('inserts text with text nodes, and links only http(s) URLs', () => {
    // app.js builds the page; graph.js and chart.js hand names to Cytoscape and Chart.js as data, painted on canvas.
    if (file === 'app.js') expect(code).toContain('document.createTextNode')
    else expect(code).not.toMatch(/textContent|createTextNode/)
    if (file === 'app.js') expect(code).toMatch(/u\.protocol === 'http:' \|\| u\.protocol === 'https:'/)
    // Attributes are set by name; no attribute name comes from data (only on* would matter).
    expect(code).not.toMatch(/setAttribute\(\s*['"]on/i)
    expect(code).not.toMatch(/\.on\w+\s*=/)
  })
})
