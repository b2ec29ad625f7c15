import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, webRoot } from '../../src/http/server.js'
import { XSS, xssArticle } from './fixtures.js'

let server: Server
let base: string

beforeAll(async () => {
  server = createServer([xssArticle()])
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
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
    expect(list[0].title).toBe(xssArticle().title)
    const hits = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('<script>')}`)).json()) as any
    expect(hits.articles.map((a: { id: string }) => a.id)).toEqual(['xss-<script>'])
    expect(hits.entities[0].aliases).toEqual([XSS[0]])
    expect(hits.quotes[0].text).toContain(XSS[0])
  })

  it('is echoed in error messages only as JSON', async () => {
    const res = await fetch(`${base}/api/articles/${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await res.json()) as any).error.message).toContain('<img src=x onerror=alert(1)>')
  })
})

describe('the UI script', () => {
  const source = readFileSync(`${webRoot()}/app.js`, 'utf8')
  // Comments may name the dangerous APIs; code may not use them.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '')

  it.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'DOMParser', 'createContextualFragment', 'eval(', 'new Function', 'srcdoc'])(
    'never uses %s',
    (api) => {
      expect(code).not.toContain(api)
    },
  )

  it('inserts text with text nodes, and links only http(s) URLs', () => {
    expect(code).toContain('document.createTextNode')
    expect(code).toMatch(/u\.protocol === 'http:' \|\| u\.protocol === 'https:'/)
    // Attributes are set by name; no attribute name comes from data (only on* would matter).
    expect(code).not.toMatch(/setAttribute\(\s*['"]on/i)
    expect(code).not.toMatch(/\.on\w+\s*=/)
  })
})
