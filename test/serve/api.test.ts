import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, mergeEntities, normaliseName } from '../../src/http/server.js'
import { lavrovArticle, xssArticle, zakharovaArticle } from './fixtures.js'

let server: Server
let base: string

beforeAll(async () => {
  server = createServer([lavrovArticle(), zakharovaArticle(), xssArticle()])
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function get(path: string, init?: RequestInit) {
  const res = await fetch(base + path, init)
  const type = res.headers.get('content-type') ?? ''
  const body = type.startsWith('application/json') ? await res.json() : await res.text()
  return { res, body: body as any }
}

function expectError(body: any, code?: string) {
  expect(Object.keys(body)).toEqual(['error'])
  expect(typeof body.error.code).toBe('string')
  expect(typeof body.error.message).toBe('string')
  if (code) expect(body.error.code).toBe(code)
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/)
}

describe('security headers', () => {
  it.each(['/', '/app.js', '/style.css', '/api/articles', '/api/nope', '/articles/lavrov'])('%s has CSP and nosniff', async (path) => {
    const { res } = await get(path)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('GET /api/articles', () => {
  it('lists a summary of every article', async () => {
    const { res, body } = await get('/api/articles')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(body).toHaveLength(3)
    expect(body[0]).toEqual({ id: 'lavrov', title: 'Lavrov held back-channel talks, NBC says', published: '2023-07-08', site: 'example.com', quotes: 1, entities: 5 })
    for (const a of body) expect(Object.keys(a).sort()).toEqual(['entities', 'id', 'published', 'quotes', 'site', 'title'])
  })

  it('returns one full analysis by id', async () => {
    const { res, body } = await get('/api/articles/lavrov')
    expect(res.status).toBe(200)
    expect(body).toEqual(lavrovArticle())
  })

  it('answers an unknown id with 404 as JSON', async () => {
    const { res, body } = await get('/api/articles/no-such-article')
    expect(res.status).toBe(404)
    expectError(body, 'article_not_found')
  })

  it('answers a malformed id encoding with 400 as JSON', async () => {
    const { res, body } = await get('/api/articles/%E0%A4%A')
    expect(res.status).toBe(400)
    expectError(body)
  })
})

describe('GET /api/search', () => {
  it('finds articles, entities by alias and quotes, case-insensitively', async () => {
    const { res, body } = await get('/api/search?q=ZAKHAROVA')
    expect(res.status).toBe(200)
    expect(body.q).toBe('ZAKHAROVA')
    expect(body.articles.map((a: any) => a.id)).toEqual(['lavrov', 'zakharova-2'])
    expect(body.entities.map((e: any) => [e.article, e.id, e.name])).toEqual([
      ['lavrov', 'e3', 'Maria Zakharova'],
      ['zakharova-2', 'e1', 'María Zakharova'],
    ])
    expect(body.quotes).toEqual([])

    const accents = await get('/api/search?q=maria')
    expect(accents.body.entities).toHaveLength(2)
    const nothing = await get('/api/search?q=' + encodeURIComponent('Kupchan'))
    expect(nothing.res.status).toBe(200)
    expect(nothing.body).toEqual({ q: 'Kupchan', articles: [], entities: [], quotes: [], total: { articles: 0, entities: 0, quotes: 0 } })

    const alias = await get('/api/search?q=sergei')
    expect(alias.body.entities).toMatchObject([{ article: 'lavrov', id: 'e1', name: 'Sergey Lavrov', type: 'PERSON' }])

    const quote = await get('/api/search?q=' + encodeURIComponent('such TALKS'))
    expect(quote.body.quotes).toEqual([
      expect.objectContaining({ article: 'zakharova-2', id: 'q1', kind: 'mixed', text: 'no such talks took place', speaker: { kind: 'person', name: 'María Zakharova', entity: 'e1' } }),
    ])
    expect(quote.body.total).toEqual({ articles: 1, entities: 0, quotes: 1 })
  })

  it.each([['/api/search'], ['/api/search?q='], ['/api/search?q=%20%20'], ['/api/search?q=a&q=b'], ['/api/search?q=' + 'x'.repeat(201)], ['/api/search?q=x&limit=0'], ['/api/search?q=x&limit=abc']])(
    '%s is a 400 as JSON',
    async (path) => {
      const { res, body } = await get(path)
      expect(res.status).toBe(400)
      expectError(body)
    },
  )
})

describe('GET /api/entities', () => {
  it('merges entities across articles by normalised name and counts their quotes', async () => {
    const { res, body } = await get('/api/entities')
    expect(res.status).toBe(200)
    const zakharova = body.entities.find((e: any) => e.key === 'maria zakharova')
    expect(zakharova).toMatchObject({ type: 'PERSON', articles: 2, quotes: 2, mentions: 2 })
    expect(zakharova.articleIds.sort()).toEqual(['lavrov', 'zakharova-2'])
    expect(body.entities[0].key).toBe('maria zakharova') // most quoted first
    expect(body.total).toBe(body.entities.length)
  })

  it('filters by name, alias and type', async () => {
    const byName = await get('/api/entities?q=zakharova')
    expect(byName.body.entities.map((e: any) => e.key)).toEqual(['maria zakharova'])
    const byAlias = await get('/api/entities?q=NBC%20News')
    expect(byAlias.body.entities.map((e: any) => e.name)).toEqual(['NBC'])
    const places = await get('/api/entities?type=LOC')
    expect(places.body.entities.map((e: any) => e.name).sort()).toEqual(['Geneva', 'Moscow', 'New York'])
    const bad = await get('/api/entities?type=CITY')
    expect(bad.res.status).toBe(400)
    expectError(bad.body, 'bad_type')
  })

  it('normalises names', () => {
    expect(normaliseName('  María   ZAKHAROVA, ')).toBe('maria zakharova')
    expect(mergeEntities([])).toEqual([])
  })
})

describe('errors and methods', () => {
  it('answers unknown routes with 404 as JSON', async () => {
    for (const path of ['/api/nope', '/api', '/nope', '/../etc/passwd', '/src/web/app.js', '/articles/a/b']) {
      const { res, body } = await get(path)
      expect(res.status, path).toBe(404)
      expectError(body, 'not_found')
    }
  })

  it('answers other methods with 405 and Allow', async () => {
    for (const [method, path] of [['POST', '/api/articles'], ['DELETE', '/api/articles/lavrov'], ['PUT', '/']]) {
      const { res, body } = await get(path!, { method: method!, body: method === 'DELETE' ? null : '{}' })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('GET, HEAD')
      expectError(body, 'method_not_allowed')
    }
  })

  it('answers HEAD without a body', async () => {
    const res = await fetch(base + '/api/articles', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })
})

describe('the UI', () => {
  it('serves the page, its script and its style', async () => {
    const page = await get('/')
    expect(page.res.status).toBe(200)
    expect(page.res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.body).toContain('<script type="module" src="/app.js">')
    const deep = await get('/articles/lavrov')
    expect(deep.body).toBe(page.body)
    const js = await get('/app.js')
    expect(js.res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(js.body).toContain('function renderArticle')
    const css = await get('/style.css')
    expect(css.res.headers.get('content-type')).toMatch(/^text\/css/)
    // No inline script or style, so the CSP can stay strict.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(page.body).not.toMatch(/\sstyle=|<style|\son\w+=/i)
  })
})
