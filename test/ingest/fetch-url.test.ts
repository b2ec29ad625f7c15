import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FetchError, fetchUrl, nonPublicKind, type FetchOptions } from '../../src/ingest/fetch-url.js'

let server: Server
let base = ''
let port = 0
const seenAgents: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seenAgents.push(req.headers['user-agent'] ?? '')
    const url = req.url ?? '/'
    const chain = /^\/chain\/(\d+)$/.exec(url)
    if (url === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>Hello.</p></body></html>')
    else if (url === '/loop-a') res.writeHead(302, { location: '/loop-b' }).end()
    else if (url === '/loop-b') res.writeHead(301, { location: `${base}/loop-a` }).end()
    else if (chain) res.writeHead(302, { location: `/chain/${Number(chain[1]) + 1}` }).end()
    else if (url === '/to-other-loopback') res.writeHead(302, { location: `http://127.0.0.2:${port}/page` }).end()
    else if (url === '/to-metadata') res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
    else if (url === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end()
    else if (url === '/big') {
      // No Content-Length: the limit must hold while streaming.
      res.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = 'x'.repeat(1024)
      let n = 0
      const more = () => {
        while (n++ < 64) if (!res.write(chunk)) return void res.once('drain', more)
        res.end()
      }
      more()
    } else if (url === '/big-declared') res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' }).end('x'.repeat(100000))
    else if (url === '/hang') {
      /* never answers */
    } else if (url === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]))
    else res.writeHead(404).end('not here')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as { port: number }).port
  base = `http://127.0.0.1:${port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

/** A policy for these tests: 127.0.0.1 (the test server) counts as public, every other address as usual. */
const onlyTestServer: FetchOptions = { refuse: (ip) => (ip === '127.0.0.1' ? null : nonPublicKind(ip)) }

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError)
    return (err as Error).message
  }
  throw new Error('expected the fetch to fail')
}

describe('fetchUrl: addresses', () => {
  it('refuses a loopback address, naming the URL and the address, unless allowPrivate', async () => {
    expect(await reason(fetchUrl(`${base}/page`))).toBe(
      `${base}/page: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (pass --allow-private to fetch from private networks)`,
    )
    const page = await fetchUrl(`${base}/page`, { allowPrivate: true })
    expect(Buffer.from(page.bytes).toString()).toContain('Hello.')
    expect(page.contentType).toBe('text/html; charset=utf-8')
    expect(seenAgents.at(-1)).toMatch(/^newsgraph\/\S+ \(\+https:/)
  })

  it('checks the resolved addresses of a name: any non-public one refuses the host', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ]
    expect(await reason(fetchUrl('http://news.test/story', { resolve }))).toBe(
      'http://news.test/story: refused: news.test resolves to 10.1.2.3, a private address (pass --allow-private to fetch from private networks)',
    )
  })

  it('checks again after a redirect', async () => {
    expect(await reason(fetchUrl(`${base}/to-other-loopback`, onlyTestServer))).toBe(
      `${base}/to-other-loopback: refused: redirected to http://127.0.0.2:${port}/page, whose host 127.0.0.2 resolves to 127.0.0.2, a loopback address (pass --allow-private to fetch from private networks)`,
    )
    expect(await reason(fetchUrl(`${base}/to-metadata`, onlyTestServer))).toMatch(/resolves to 169\.254\.169\.254, a link-local \(169\.254\/16\) address/)
    expect(await reason(fetchUrl(`${base}/to-file`, onlyTestServer))).toBe(`${base}/to-file: cannot fetch: file: URLs are not fetched (redirected to file:///etc/passwd), only http and https`)
  })

  it('connects to the address it checked, not to a second DNS answer (rebinding)', async () => {
    let calls = 0
    // First answer: the test server (allowed by this policy); any later answer: a private address.
    const resolve = async () => [{ address: calls++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }]
    const page = await fetchUrl(`http://news.test:${port}/page`, { ...onlyTestServer, resolve })
    expect(Buffer.from(page.bytes).toString()).toContain('Hello.')
    expect(calls).toBe(1)
  })

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.8', 'private'],
    ['172.20.1.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (169.254/16)'],
    ['100.64.0.1', 'CGNAT (100.64/10)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.1.1', 'IPv4-mapped link-local (169.254/16)'],
    ['fd12:3456::1', 'unique-local (fc00::/7)'],
    ['fc00::1', 'unique-local (fc00::/7)'],
    ['fe80::1%eth0', 'link-local (fe80::/10)'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a00:1', 'NAT64 private'],
    ['93.184.216.34', null],
    ['100.128.0.1', null],
    ['2606:4700::1111', null],
    ['::ffff:93.184.216.34', null],
  ])('%s is %s', (ip, kind) => {
    expect(nonPublicKind(ip)).toBe(kind)
  })
})

describe('fetchUrl: limits', () => {
  const allow: FetchOptions = { allowPrivate: true }

  it('follows redirects, at most five, and names a loop', async () => {
    expect(await reason(fetchUrl(`${base}/loop-a`, allow))).toBe(`${base}/loop-a: redirect loop: ${base}/loop-a → ${base}/loop-b → ${base}/loop-a`)
    expect(await reason(fetchUrl(`${base}/chain/0`, allow))).toBe(`${base}/chain/0: too many redirects (more than 5), last to ${base}/chain/6`)
    // Five redirects are fine (chain/1 … chain/5 end on a 404 at chain/6 only after six).
    expect(await reason(fetchUrl(`${base}/chain/1`, { ...allow, maxRedirects: 6 }))).toBe(`${base}/chain/1: too many redirects (more than 6), last to ${base}/chain/8`)
  })

  it('stops reading past the size limit', async () => {
    expect(await reason(fetchUrl(`${base}/big`, { ...allow, maxBytes: 10_000 }))).toBe(`${base}/big: more than the limit of 10000 bytes`)
    expect(await reason(fetchUrl(`${base}/big-declared`, { ...allow, maxBytes: 10_000 }))).toBe(
      `${base}/big-declared: more than the limit of 10000 bytes (Content-Length 100000)`,
    )
    expect((await fetchUrl(`${base}/big`, allow)).bytes.length).toBe(64 * 1024)
  })

  it('gives up when the server does not answer in time', async () => {
    const t = Date.now()
    expect(await reason(fetchUrl(`${base}/hang`, { ...allow, timeoutMs: 300 }))).toBe(`${base}/hang: cannot fetch: no answer within 0.3 s`)
    expect(Date.now() - t).toBeLessThan(5000)
  })

  it('refuses what is not a page, and says what the server answered', async () => {
    expect(await reason(fetchUrl(`${base}/image`, allow))).toBe(`${base}/image: is image/png, not a web page or text`)
    expect(await reason(fetchUrl(`${base}/gone`, allow))).toBe(`${base}/gone: the server answered 404 Not Found`)
    expect(await reason(fetchUrl(`http://127.0.0.1:1/`, allow))).toBe('http://127.0.0.1:1/: cannot fetch: ECONNREFUSED')
  })
})
