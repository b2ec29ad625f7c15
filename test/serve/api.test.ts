import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../../src/http/server.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/store.js'
import { lavrovArticle, xssArticle, zakharovaArticle } from './fixtures.js'

const TOKEN = 'test-token-0123456789abcdef'
let store: Store
let server: Server
let base: string
const logged: string[] = []

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
}

beforeAll(async () => {
  store = await openStore(':memory:')
  for (const a of [lavrovArticle(), zakharovaArticle(), xssArticle()]) await store.put(a)
  server = createServer(store, { token: TOKEN, maxBodyBytes: 64 * 1024, log: { write: (s: string) => logged.push(s) } })
  base = await listen(server)
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await store.close()
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
  it.each(['/', '/app.js', '/graph.js', '/style.css', '/api/articles', '/api/nope', '/articles/lavrov', '/entities/Lavrov', '/api/export'])('%s has CSP and nosniff', async (path) => {
    const { res } = await get(path)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('GET /api/articles', () => {
  it('lists the stored articles, paginated', async () => {
    const { res, body } = await get('/api/articles')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(body.total).toBe(3)
    expect(body.articles.map((a: any) => a.id)).toEqual(['lavrov', 'zakharova-2', 'xss-<script>'])
    expect(body.articles[0]).toMatchObject({ id: 'lavrov', title: 'Lavrov held back-channel talks, NBC says', site: 'example.com', url: 'https://example.com/lavrov' })
    const page = await get('/api/articles?limit=1&offset=1')
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 })
    expect(page.body.articles.map((a: any) => a.id)).toEqual(['zakharova-2'])
  })

  it('returns one full analysis by id', async () => {
    const { res, body } = await get('/api/articles/lavrov')
    expect(res.status).toBe(200)
    expect(body).toEqual(lavrovArticle())
  })

  it('answers an unknown id with 404 and a malformed one with 400, as JSON', async () => {
    const missing = await get('/api/articles/no-such-article')
    expect(missing.res.status).toBe(404)
    expectError(missing.body, 'article_not_found')
    const bad = await get('/api/articles/%E0%A4%A')
    expect(bad.res.status).toBe(400)
    expectError(bad.body, 'bad_path')
  })

  it.each([
    ['/api/articles?limit=0', 'Expected `limit` to be an integer from 1 to 500, received `0`'],
    ['/api/articles?offset=-1', 'Expected `offset` to be an integer from 0 to 1000000000, received `-1`'],
    ['/api/articles?page=2', 'Unknown parameter `page` for /api/articles, expected `limit`, `offset`'],
    ['/api/articles?limit=1&limit=2', 'Expected at most one `limit` parameter, received 2'],
  ])('%s is a 400 saying what was expected', async (path, message) => {
    const { res, body } = await get(path)
    expect(res.status).toBe(400)
    expectError(body)
    expect(body.error.message).toBe(message)
  })
})

describe('GET /api/entities', () => {
  it('finds entities by name or alias, and lists the most named without q', async () => {
    const byName = await get('/api/entities?q=zakharova')
    expect(byName.res.status).toBe(200)
    expect(byName.body.entities.map((e: any) => e.name).sort()).toEqual(['Maria Zakharova', 'María Zakharova'])
    const byAlias = await get('/api/entities?q=NBC%20News')
    expect(byAlias.body.entities.map((e: any) => e.name)).toEqual(['NBC'])
    const places = await get('/api/entities?type=LOC')
    expect(places.body.entities.map((e: any) => e.name).sort()).toEqual(['Geneva', 'Moscow', 'New York'])
    const bad = await get('/api/entities?type=CITY')
    expect(bad.res.status).toBe(400)
    expectError(bad.body, 'bad_type')
    expect(bad.body.error.message).toBe('Expected `type` to be one of PERSON, ORG, LOC, MISC, received `CITY`')
  })

  it('gives one entity with aliases, quotes, meetings and the denial of them', async () => {
    const { res, body } = await get('/api/entities/' + encodeURIComponent('Sergey Lavrov'))
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ name: 'Sergey Lavrov', type: 'PERSON', articles: 1 })
    expect(body.aliases).toEqual(expect.arrayContaining(['Lavrov', 'Sergei Lavrov']))
    // The bare "Lavrov" of the second article is linked to him (surname-only), so it is read too.
    expect(body.articlesRead).toBe(2)
    expect(body.articlesTotal).toBe(2)
    const second = await get('/api/entities/' + encodeURIComponent('Sergey Lavrov') + '?limit=1&offset=1')
    expect([second.body.articlesRead, second.body.articlesTotal, second.body.articles]).toEqual([1, 2, body.articles])
    expect(second.body.quotes.every((x: any) => body.quotes.some((y: any) => y.articleId === x.articleId && y.quoteId === x.quoteId))).toBe(true)
    expectError((await get('/api/entities/Lavrov?limit=0')).body, 'bad_limit')
    expect(body.meetings).toHaveLength(1)
    expect(body.meetings[0]).toMatchObject({ articleId: 'lavrov', eventId: 'ev1', eventIds: ['ev1'], place: 'New York', stance: 'reported', with: [] })
    expect(body.meetings[0].according.map((s: any) => s.kind)).toEqual(['outlet', 'anonymous'])
    expect(body.meetings[0].deniedBy).toEqual([{ eventId: 'ev2', actors: ['Moscow'], text: 'Moscow denied the reports', stance: 'denied' }])
    expect(body.events.map((e: any) => [e.eventId, e.type, e.involves])).toEqual([
      ['ev1', 'meet', true],
      ['ev2', 'deny', false],
    ])
    const zakharova = await get('/api/entities/maria%20zakharova')
    // "María Zakharova" of the second article is the same person (same name once accents go): newest first.
    expect(zakharova.body.quotes).toEqual([
      expect.objectContaining({ articleId: 'zakharova-2', quoteId: 'q1', act: 'claim', text: 'no such talks took place', title: 'Moscow again denies talks', outlet: null }),
      expect.objectContaining({ articleId: 'lavrov', quoteId: 'q1', act: 'speech', text: 'This is disinformation,', outlet: 'example.com', published: '2023-07-08', sourceKind: 'named' }),
    ])
    const nobody = await get('/api/entities/Nobody')
    expect(nobody.res.status).toBe(404)
    expectError(nobody.body, 'entity_not_found')
  })
})

describe('GET /api/quotes and /api/events', () => {
  it('filters quotes by speaker, outlet, kind and date', async () => {
    const bySpeaker = await get('/api/quotes?speaker=zakharova')
    expect(bySpeaker.body.quotes.map((q: any) => [q.articleId, q.speaker])).toEqual([
      ['lavrov', 'Maria Zakharova'],
      ['zakharova-2', 'María Zakharova'],
    ])
    expect((await get('/api/quotes?outlet=example.com')).body.quotes).toHaveLength(1)
    expect((await get('/api/quotes?kind=named')).body.quotes.map((q: any) => q.articleId)).toEqual(['lavrov', 'zakharova-2', 'xss-<script>'])
    expect((await get('/api/quotes?kind=anonymous')).body.quotes).toEqual([])
    expect((await get('/api/quotes?since=2023-07-09')).body.quotes).toEqual([])
    const bad = await get('/api/quotes?kind=rumour')
    expect(bad.res.status).toBe(400)
    expect(bad.body.error.message).toBe('Expected `kind` to be one of named, organization, outlet, document, anonymous, unknown, received `rumour`')
    const badDate = await get('/api/quotes?since=July')
    expect(badDate.body.error.message).toBe('Expected `since` to be a date YYYY-MM-DD, received `July`')
  })

  it('filters quotes by act: one, a comma list, or statement', async () => {
    const acts = async (query: string) => (await get('/api/quotes' + query)).body.quotes.map((q: any) => [q.articleId, q.act])
    expect(await acts('')).toEqual([
      ['lavrov', 'speech'],
      ['zakharova-2', 'claim'],
      ['xss-<script>', 'speech'],
    ])
    expect(await acts('?act=speech')).toEqual([
      ['lavrov', 'speech'],
      ['xss-<script>', 'speech'],
    ])
    expect(await acts('?act=claim')).toEqual([['zakharova-2', 'claim']])
    expect(await acts('?act=deny,claim')).toEqual([['zakharova-2', 'claim']])
    expect(await acts('?act=statement')).toHaveLength(3)
    expect(await acts('?act=belief,stance,other')).toEqual([])
    expect(await acts('?act=speech&speaker=zakharova')).toEqual([['lavrov', 'speech']])
    const bad = await get('/api/quotes?act=speech,rumour')
    expect(bad.res.status).toBe(400)
    expectError(bad.body, 'bad_act')
    expect(bad.body.error.message).toBe('Expected `act` to be one of speech, report, deny, accuse, claim, belief, stance, other, statement (or a comma list of them), received `rumour`')
    expectError((await get('/api/quotes?act=speech,')).body, 'bad_act')
  })

  it('documents act in the OpenAPI document, as the parameter and in the quote rows', async () => {
    const { body } = await get('/api/openapi.json')
    const acts = ['speech', 'report', 'deny', 'accuse', 'claim', 'belief', 'stance', 'other']
    const param = body.paths['/api/quotes'].get.parameters.find((p: any) => p.name === 'act')
    expect(param).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { enum: [...acts, 'statement'] } } })
    const row = body.paths['/api/quotes'].get.responses[200].content['application/json'].schema.properties.quotes.items
    expect(row.properties.act.enum).toEqual([...acts, null])
  })

  it('lists events by type and by actor, with what they deny', async () => {
    const denials = await get('/api/events?type=deny')
    expect(denials.body.events).toEqual([
      expect.objectContaining({ articleId: 'lavrov', eventId: 'ev2', actors: ['Moscow'], stance: 'denied', denies: expect.objectContaining({ eventId: 'ev1', type: 'meet', actors: ['Sergey Lavrov'] }) }),
    ])
    const lavrov = await get('/api/events?actor=Lavrov')
    expect(lavrov.body.events.map((e: any) => e.eventId)).toEqual(['ev1', 'ev2'])
    expect((await get('/api/events?type=meet')).body.events.map((e: any) => e.eventId)).toEqual(['ev1'])
  })
})

describe('GET /api/outlets and /api/sources', () => {
  it('lists outlets with how their articles are sourced, and one outlet by month', async () => {
    const { res, body } = await get('/api/outlets')
    expect(res.status).toBe(200)
    const example = body.outlets.find((o: any) => o.outlet === 'example.com')
    expect(example).toMatchObject({ articles: 1, anonymousArticles: 1, sources: { named: 1, organization: 0, outlet: 1, document: 0, anonymous: 1 } })
    const one = await get('/api/outlets/example.com')
    expect(one.res.status).toBe(200)
    expect(one.body.months).toEqual([{ month: '2023-07', articles: 1, anonymousArticles: 1 }])
    expect(one.body.descriptions).toEqual([{ description: 'former officials', count: 1 }])
    expect(one.body.recent.map((r: any) => [r.articleId, r.sources, r.anonymous])).toEqual([['lavrov', 3, 1]])
    const missing = await get('/api/outlets/' + encodeURIComponent('nowhere.example'))
    expect(missing.res.status).toBe(404)
    expectError(missing.body, 'outlet_not_found')
  })

  it('filters sources by kind, outlet and text, and refuses an unknown kind', async () => {
    const anon = await get('/api/sources?kind=anonymous')
    expect(anon.res.status).toBe(200)
    expect(anon.body.sources).toEqual([
      expect.objectContaining({ articleId: 'lavrov', outlet: 'example.com', kind: 'anonymous', text: 'Four former officials', count: 4, description: 'former officials' }),
    ])
    expect((await get('/api/sources?outlet=example.com&q=zakharova')).body.sources.map((s: any) => [s.kind, s.entity])).toEqual([['named', 'Maria Zakharova']])
    expect((await get('/api/sources?outlet=nowhere')).body.sources).toEqual([])
    const bad = await get('/api/sources?kind=rumour')
    expect(bad.res.status).toBe(400)
    expectError(bad.body, 'bad_kind')
  })
})

describe('GET /api/search', () => {
  it('finds articles, entities and quotes', async () => {
    const { res, body } = await get('/api/search?q=Zakharova')
    expect(res.status).toBe(200)
    expect(body.q).toBe('Zakharova')
    expect(body.articles.map((a: any) => a.id).sort()).toEqual(['lavrov', 'zakharova-2'])
    expect(body.articles[0].snippet).toMatch(/Zakharova/)
    expect(body.entities.map((e: any) => e.name).sort()).toEqual(['Maria Zakharova', 'María Zakharova'])
    expect(body.quotes.map((q: any) => q.articleId)).toEqual(['lavrov', 'zakharova-2'])
    const quote = await get('/api/search?q=' + encodeURIComponent('such TALKS'))
    expect(quote.body.quotes).toEqual([expect.objectContaining({ articleId: 'zakharova-2', quoteId: 'q1', kind: 'mixed', text: 'no such talks took place', speaker: 'María Zakharova' })])
    const nothing = await get('/api/search?q=Kupchan')
    expect(nothing.body).toEqual({ q: 'Kupchan', articles: [], entities: [], quotes: [] })
    // LIKE wildcards are taken literally.
    expect((await get('/api/search?q=%25')).body.quotes).toEqual([])
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

describe('GET /api/export', () => {
  it('streams the store as JSON Lines or CSV', async () => {
    const jsonl = await get('/api/export')
    expect(jsonl.res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const lines = (jsonl.body as string).trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual(['lavrov', 'zakharova-2', 'xss-<script>'])
    expect(lines[0].hash).toMatch(/^[0-9a-f]{64}$/)
    const csv = await get('/api/export?format=csv')
    expect(csv.res.headers.get('content-type')).toMatch(/^text\/csv/)
    const rows = (csv.body as string).trim().split('\n')
    expect(rows[0]).toBe('id,url,title,site,published,language,version,duplicateOf,source,quotes,entities,sources,events')
    expect(rows).toHaveLength(4)
    const bad = await get('/api/export?format=xml')
    expect(bad.res.status).toBe(400)
    expect(bad.body.error.message).toBe('Expected `format` to be one of jsonl, csv, received `xml`')
  })
})

describe('GET /api/openapi.json', () => {
  it('describes every route as OpenAPI 3.1', async () => {
    const { res, body } = await get('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/api/articles',
        '/api/articles/{id}',
        '/api/entities',
        '/api/entities/{name}',
        '/api/events',
        '/api/export',
        '/api/openapi.json',
        '/api/outlets',
        '/api/outlets/{name}',
        '/api/quotes',
        '/api/search',
        '/api/sources',
      ].sort(),
    )
    expect(Object.keys(body.paths['/api/articles']).sort()).toEqual(['get', 'post'])
    // Every documented GET route answers (not 404).
    for (const path of Object.keys(body.paths)) {
      const concrete = path.replace('{id}', 'lavrov').replace('{name}', path.startsWith('/api/outlets') ? 'example.com' : 'Moscow') + (path === '/api/search' ? '?q=x' : '')
      expect((await get(concrete)).res.status, concrete).toBe(200)
    }
  })
})

describe('POST /api/articles', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    get('/api/articles', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers } })

  it('needs the Bearer token', async () => {
    const none = await get('/api/articles', { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'application/json' } })
    expect(none.res.status).toBe(401)
    expect(none.res.headers.get('www-authenticate')).toBe('Bearer')
    expectError(none.body, 'unauthorized')
    const wrong = await post('{"text":"x"}', { authorization: 'Bearer not-the-token' })
    expect(wrong.res.status).toBe(401)
    expectError(wrong.body, 'unauthorized')
  })

  it.each([
    ['not json', 400, 'bad_json'],
    ['[1]', 400, 'bad_body'],
    ['{}', 400, 'bad_body'],
    ['{"text":"a","html":"<p>b</p>"}', 400, 'bad_body'],
    ['{"text":5}', 400, 'bad_body'],
    ['{"text":"a","colour":"red"}', 400, 'bad_body'],
    ['{"url":"file:///etc/passwd"}', 400, 'bad_body'],
  ])('%s is refused', async (body, status, code) => {
    const r = await post(body)
    expect(r.res.status).toBe(status)
    expectError(r.body, code)
  })

  it('refuses other content types and bodies over the limit', async () => {
    const form = await post('text=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.res.status).toBe(415)
    expectError(form.body, 'unsupported_media_type')
    const big = await post(JSON.stringify({ text: 'x'.repeat(70 * 1024) }))
    expect(big.res.status).toBe(413)
    expectError(big.body, 'body_too_large')
  })

  it('analyses and stores an article, once', async () => {
    const text = 'Foreign Minister Ann Lee met Bob Stone in Paris on Monday. "We agreed on nothing," Lee said.'
    const first = await post(JSON.stringify({ text, title: 'Lee meets Stone', published: '2024-03-04' }))
    expect(first.res.status).toBe(201)
    expect(first.body).toEqual({ id: expect.any(String), status: 'stored' })
    const stored = await get('/api/articles/' + encodeURIComponent(first.body.id))
    expect(stored.res.status).toBe(200)
    expect(stored.body.title).toBe('Lee meets Stone')
    expect(stored.body.text).toBe(text)
    const again = await post(JSON.stringify({ text }))
    expect(again.res.status).toBe(200)
    expect(again.body).toEqual({ id: first.body.id, status: 'duplicate' })
  })

  it('answers identical reads at once alike, and a read after a write sees the write', async () => {
    const path = '/api/entities/' + encodeURIComponent('Sergey Lavrov')
    const all = await Promise.all(Array.from({ length: 8 }, () => get(path)))
    expect(all.map((r) => r.res.status)).toEqual(Array(8).fill(200))
    for (const r of all) expect(r.body).toEqual(all[0]!.body)
    const before = (await get('/api/search?q=Quillfeather')).body.entities
    expect(before).toEqual([])
    const pending = get('/api/search?q=Quillfeather')
    const stored = await post(JSON.stringify({ text: 'Mayor Jane Quillfeather opened the bridge on Monday. "It is a good day," Quillfeather said.' }))
    expect(stored.res.status).toBe(201)
    await pending
    expect((await get('/api/search?q=Quillfeather')).body.entities.map((e: any) => e.name).join(' ')).toContain('Quillfeather')
  })
})

describe('the read cache', () => {
  /** The shared store, with its reads of entities counted. */
  function counting(): { store: Store; reads: () => number } {
    let n = 0
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver)
        if (prop === 'entity') return (...args: unknown[]) => (n++, (v as (...a: unknown[]) => unknown).apply(target, args))
        return typeof v === 'function' ? v.bind(target) : v
      },
    })
    return { store: counted, reads: () => n }
  }

  it.each([
    [undefined, 1],
    [0, 3],
  ])('with cacheEntries %s reads the store %i time(s) for three identical requests', async (cacheEntries, times) => {
    const { store: s, reads } = counting()
    const srv = createServer(s, cacheEntries === undefined ? {} : { cacheEntries })
    const url = await listen(srv)
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(url + '/api/entities/' + encodeURIComponent('Sergey Lavrov'))).status).toBe(200)
      expect(reads()).toBe(times)
    } finally {
      await new Promise<void>((resolve) => srv.close(() => resolve()))
    }
  })
})

describe('errors and methods', () => {
  it('answers unknown routes with 404 as JSON', async () => {
    for (const path of ['/api/nope', '/api', '/nope', '/../etc/passwd', '/src/web/app.js', '/articles/a/b', '/entities/a/b']) {
      const { res, body } = await get(path)
      expect(res.status, path).toBe(404)
      expectError(body, 'not_found')
    }
  })

  it('answers other methods with 405 and Allow', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/api/articles/lavrov', 'GET, HEAD'],
      ['PUT', '/', 'GET, HEAD'],
      ['PUT', '/api/articles', 'GET, HEAD, POST'],
      ['POST', '/api/search', 'GET, HEAD'],
    ]) {
      const { res, body } = await get(path!, { method: method!, body: method === 'DELETE' ? null : '{}' })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe(allow)
      expectError(body, 'method_not_allowed')
    }
  })

  it('answers HEAD without a body', async () => {
    const res = await fetch(base + '/api/articles', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('logs an unexpected error and answers a bare 500', async () => {
    const broken = Object.create(store) as Store
    broken.counts = async () => {
      throw new Error('disk on fire')
    }
    const s = createServer(broken, { log: { write: (x: string) => logged.push(x) } })
    const url = await listen(s)
    try {
      const res = await fetch(url + '/api/articles')
      expect(res.status).toBe(500)
      expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Internal server error' } })
      expect(logged.join('')).toContain('disk on fire')
      const writes = await fetch(url + '/api/articles', { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'application/json' } })
      expect(writes.status).toBe(403)
    } finally {
      await new Promise<void>((resolve) => s.close(() => resolve()))
    }
  })
})

describe('the UI', () => {
  it('serves the page, its scripts and its style', async () => {
    const page = await get('/')
    expect(page.res.status).toBe(200)
    expect(page.res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.body).toContain('<script type="module" src="/app.js">')
    for (const deep of ['/articles/lavrov', '/entities/Sergey%20Lavrov', '/search', '/outlets', '/outlets/example.com']) expect((await get(deep)).body).toBe(page.body)
    const js = await get('/app.js')
    expect(js.res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(js.body).toContain('function renderArticle')
    expect(js.body).toContain('function renderEntity')
    expect((await get('/graph.js')).body).toContain('export function drawNetwork')
    expect((await get('/chart.js')).body).toContain('export function drawMonthChart')
    // The libraries come from the installed packages, not from the network.
    const cytoscape = await get('/vendor/cytoscape.min.js')
    expect(cytoscape.res.status).toBe(200)
    expect(cytoscape.res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(cytoscape.body.length).toBeGreaterThan(100_000)
    const chart = await get('/vendor/chart.umd.min.js')
    expect(chart.res.status).toBe(200)
    expect(chart.body).toMatch(/Chart\.js v4\./)
    const css = await get('/style.css')
    expect(css.res.headers.get('content-type')).toMatch(/^text\/css/)
    // No inline script or style, so the CSP can stay strict.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(page.body).not.toMatch(/\sstyle=|<style|\son\w+=/i)
  })
})
