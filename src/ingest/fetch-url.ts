import { lookup as dnsLookup } from 'node:dns/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

/** Limits and policy for fetching one URL. Every field has a safe default. */
export interface FetchOptions {
  /** Fetch from private, loopback, link-local and other non-public addresses. Default false. */
  allowPrivate?: boolean
  /** Time for the whole fetch, redirects and body included, in ms. Default 20 s. */
  timeoutMs?: number
  /** Largest body accepted, in bytes. Default 50 MB. */
  maxBytes?: number
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number
  userAgent?: string
  /** How a host name becomes addresses. Default: `dns.lookup` with `all: true` (a seam for tests). */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>
  /** Why an address is refused, or null to allow it. Default `nonPublicKind` (a seam for tests). */
  refuse?: (address: string) => string | null
}

/** What a fetch brought back: the final URL (after redirects), the body and its content type. */
export interface Fetched {
  name: string
  url: string
  bytes: Uint8Array
  contentType?: string
}

/** A URL could not be fetched, or was refused: `url` is the one asked for, `reason` says why. */
export class FetchError extends Error {
  override readonly name = 'FetchError'
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly hint?: string,
  ) {
    super(`${url}: ${reason}${hint ? ` (${hint})` : ''}`)
  }
}

export const FETCH_TIMEOUT_MS = 20_000
export const MAX_FETCH_BYTES = 50 * 1024 * 1024
export const MAX_REDIRECTS = 5
export const USER_AGENT = 'newsgraph/0.1 (+https://www.npmjs.com/package/newsgraph)'

const ACCEPTED_TYPE = /^(?:text\/|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml))/i

/**
 * Fetches a web page safely: http(s) only, redirects followed by hand (at most `maxRedirects`,
 * loops refused), one deadline for the whole fetch, the body streamed and cut off past `maxBytes`,
 * text-like content types only, and a clear user agent.
 *
 * Unless `allowPrivate`, every host is resolved first (all its addresses) and refused when any
 * address is not public (private, loopback, link-local, CGNAT, unspecified, multicast, reserved,
 * IPv6 unique-local, IPv4-mapped forms of these); this is checked again after every redirect. The
 * connection then goes to the address that was checked, never to a second DNS answer, so a host
 * that changes its answer (DNS rebinding) cannot slip through.
 *
 * @example const page = await fetchUrl('https://example.com/story', { timeoutMs: 5000 })
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const timedOut = () => new FetchError(url, `cannot fetch: no answer within ${timeoutMs / 1000} s`)
  const seen: string[] = []
  let current = url
  try {
    for (;;) {
      let target: URL
      try {
        target = new URL(current)
      } catch {
        throw new FetchError(url, `cannot fetch: ${JSON.stringify(current)} is not a valid URL`)
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new FetchError(url, `cannot fetch: ${target.protocol.replace(/:$/, '')}: URLs are not fetched${current !== url ? ` (redirected to ${current})` : ''}, only http and https`)
      seen.push(target.href)
      const address = await vetHost(url, target, options)
      if (controller.signal.aborted) throw timedOut()
      const res = await request(target, address, controller.signal, options.userAgent ?? USER_AGENT).catch((err: Error) => {
        throw controller.signal.aborted ? timedOut() : new FetchError(url, `cannot fetch: ${(err as NodeJS.ErrnoException).code ?? err.message}${current !== url ? ` (at ${current})` : ''}`)
      })
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume()
        const next = new URL(res.headers.location, target).href
        if (seen.includes(next)) throw new FetchError(url, `redirect loop: ${[...seen, next].join(' → ')}`)
        if (seen.length > maxRedirects) throw new FetchError(url, `too many redirects (more than ${maxRedirects}), last to ${next}`)
        current = next
        continue
      }
      if (status < 200 || status >= 300) {
        res.resume()
        throw new FetchError(url, `the server answered ${status} ${res.statusMessage ?? ''}`.trimEnd())
      }
      const contentType = res.headers['content-type']
      if (contentType && !ACCEPTED_TYPE.test(contentType)) {
        res.destroy()
        throw new FetchError(url, `is ${contentType.split(';')[0]}, not a web page or text`)
      }
      const declared = Number(res.headers['content-length'])
      if (declared > maxBytes) {
        res.destroy()
        throw new FetchError(url, `more than the limit of ${maxBytes} bytes (Content-Length ${declared})`)
      }
      const chunks: Buffer[] = []
      let size = 0
      try {
        for await (const chunk of res) {
          size += (chunk as Buffer).length
          if (size > maxBytes) {
            res.destroy()
            throw new FetchError(url, `more than the limit of ${maxBytes} bytes`)
          }
          chunks.push(chunk as Buffer)
        }
      } catch (err) {
        if (err instanceof FetchError) throw err
        throw controller.signal.aborted ? timedOut() : new FetchError(url, `cannot fetch: ${(err as Error).message}`)
      }
      return { name: url, url: target.href, bytes: Buffer.concat(chunks), ...(contentType ? { contentType } : {}) }
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Resolves the host (all addresses) and returns the one to connect to, or refuses it. */
async function vetHost(asked: string, target: URL, options: FetchOptions): Promise<{ address: string; family: 4 | 6 }> {
  const resolve = options.resolve ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }))
  const refuse = options.refuse ?? nonPublicKind
  const host = target.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }]
  else {
    try {
      addresses = await resolve(host)
    } catch (err) {
      throw new FetchError(asked, `cannot fetch: cannot resolve ${host} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
    }
    if (addresses.length === 0) throw new FetchError(asked, `cannot fetch: ${host} has no address`)
  }
  if (!options.allowPrivate) {
    for (const a of addresses) {
      const kind = refuse(a.address)
      if (kind)
        throw new FetchError(
          asked,
          `refused: ${target.href === asked ? host : `redirected to ${target.href}, whose host ${host}`} resolves to ${a.address}, a ${kind} address`,
          'pass --allow-private to fetch from private networks',
        )
    }
  }
  return { address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 }
}

function request(target: URL, vetted: { address: string; family: 4 | 6 }, signal: AbortSignal, userAgent: string): Promise<IncomingMessage> {
  // Connect to the vetted address, whatever the name resolves to now.
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [vetted])
    else cb(null, vetted.address, vetted.family)
  }
  const mod = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = mod.request(target, {
      method: 'GET',
      lookup,
      signal,
      agent: false,
      headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1', 'accept-encoding': 'identity' },
    })
    req.on('response', resolve)
    req.on('error', reject)
    req.end()
  })
}

/**
 * Why an IP address is not a public one ("loopback", "private", ...), or null when it is public.
 * IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address inside them.
 */
export function nonPublicKind(ip: string): string | null {
  const bare = ip.replace(/%.*$/, '')
  if (isIP(bare) === 4) return v4Kind(bare)
  if (isIP(bare) !== 6) return 'unparseable'
  const g = v6Groups(bare)
  if (!g) return 'unparseable'
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (zeroUpTo(8)) return 'unspecified'
  if (zeroUpTo(7) && g[7] === 1) return 'loopback'
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  if (zeroUpTo(5) && g[5] === 0xffff) {
    const k = v4Kind(v4(g[6]!, g[7]!))
    return k ? `IPv4-mapped ${k}` : null
  }
  if (zeroUpTo(6)) return 'IPv4-compatible (deprecated)'
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) {
    const k = v4Kind(v4(g[6]!, g[7]!))
    return k ? `NAT64 ${k}` : null
  }
  const first = g[0]!
  if ((first & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)'
  if ((first & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)'
  if ((first & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)'
  if ((first & 0xff00) === 0xff00) return 'multicast'
  if (first === 0x2001 && g[1] === 0xdb8) return 'documentation'
  return null
}

const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'CGNAT (100.64/10)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (169.254/16)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
]

const v4Int = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0)

function v4Kind(ip: string): string | null {
  const n = v4Int(ip)
  for (const [base, bits, kind] of V4_RANGES) {
    const size = 2 ** (32 - bits)
    const start = v4Int(base)
    if (n >= start && n < start + size) return kind
  }
  return null
}

/** The eight 16-bit groups of an IPv6 address (with "::" and a trailing dotted IPv4 expanded). */
function v6Groups(ip: string): number[] | null {
  let s = ip.toLowerCase()
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (dotted) {
    const n = v4Int(dotted[1]!)
    s = s.slice(0, dotted.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head, tail, ...rest] = s.split('::')
  if (rest.length) return null
  const part = (x: string | undefined) => (x ? x.split(':').map((h) => parseInt(h, 16)) : [])
  const a = part(head)
  const b = part(tail)
  const fill = tail === undefined ? 0 : 8 - a.length - b.length
  const groups = [...a, ...new Array<number>(Math.max(0, fill)).fill(0), ...b]
  return groups.length === 8 && groups.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? groups : null
}
