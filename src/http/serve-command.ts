/**
 * `npm start`: analyses the bundled sample corpus (JSON Lines) in memory and serves it with the
 * HTTP API and web UI of `server.ts`. No database yet.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Analysis } from '../core/types.js'
import { analyzeArticle } from '../pipeline.js'
import { createServer } from './server.js'

/** A failure the user can fix (bad sample file, port in use): print the message, exit 1. */
export class ServeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ServeError'
  }
}

type Out = { write(s: string): unknown }

export interface ServeOptions {
  /** Default: `PORT` from the environment, else 8080. 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1 (this machine only). */
  host?: string
  /** JSON Lines of `{id, title, text|html, url?, published?}`. Default: `samples/articles.jsonl` in the package. */
  file?: string
  /** Where progress and the "serving" line go. Default process.stderr / process.stdout. */
  stderr?: Out
  stdout?: Out
}

export interface Serving {
  url: string
  articles: number
  close(): Promise<void>
}

/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
    dir = parent
  }
}

interface SampleLine {
  id?: unknown
  title?: unknown
  text?: unknown
  html?: unknown
  url?: unknown
  published?: unknown
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function defaultPort(): number {
  const raw = process.env.PORT
  if (raw === undefined || raw === '') return 8080
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n > 65535) throw new ServeError(`PORT must be an integer from 0 to 65535, received \`${raw}\``)
  return n
}

/** Reads a JSON Lines sample; the error names the file and line. */
export function readSample(file: string): Array<{ line: number; item: SampleLine }> {
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ServeError(`cannot read the sample ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  const items: Array<{ line: number; item: SampleLine }> = []
  content.split('\n').forEach((text, i) => {
    if (text.trim() === '') return
    let item: unknown
    try {
      item = JSON.parse(text)
    } catch (err) {
      throw new ServeError(`${file}:${i + 1}: expected a JSON object, received invalid JSON (${(err as Error).message})`)
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ServeError(`${file}:${i + 1}: expected a JSON object, received ${Array.isArray(item) ? 'an array' : typeof item}`)
    }
    const it = item as SampleLine
    if (typeof it.text !== 'string' && typeof it.html !== 'string') {
      throw new ServeError(`${file}:${i + 1}: expected a \`text\` or \`html\` string`)
    }
    items.push({ line: i + 1, item: it })
  })
  return items
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (err.code === 'EADDRINUSE') {
        reject(new ServeError(`port ${port} on ${host} is already in use (another newsgraph or another server?); stop it or choose another port, e.g. PORT=8081 npm start`))
      } else if (err.code === 'EACCES') {
        reject(new ServeError(`not allowed to listen on port ${port} on ${host}; choose a port above 1023, e.g. PORT=8081 npm start`))
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(new ServeError(`cannot listen on host ${host}: ${err.code}`))
      } else {
        reject(err)
      }
    }
    const onListening = () => {
      server.off('error', onError)
      resolvePromise(server.address() as AddressInfo)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

/**
 * Analyses the sample corpus and serves it. Resolves once the server listens; rejects with a
 * `ServeError` (clear message, exit 1) when the sample is unreadable or the port is taken.
 */
export async function serveSample(options: ServeOptions = {}): Promise<Serving> {
  const stderr = options.stderr ?? process.stderr
  const stdout = options.stdout ?? process.stdout
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? defaultPort()
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeError(`port must be an integer from 0 to 65535, received ${port}`)
  const file = resolve(options.file ?? join(packageRoot(), 'samples', 'articles.jsonl'))
  const items = readSample(file)

  const tty = (stderr as { isTTY?: boolean }).isTTY === true
  const analyses: Analysis[] = []
  const seen = new Set<string>()
  let failed = 0
  for (const [i, { line, item }] of items.entries()) {
    const id = str(item.id)
    try {
      const analysis = analyzeArticle({
        id,
        title: str(item.title),
        text: str(item.text),
        html: str(item.html),
        url: str(item.url),
        published: str(item.published),
      })
      if (seen.has(analysis.id)) {
        stderr.write(`${tty ? '\n' : ''}newsgraph: ${file}:${line}: skipped, duplicate id \`${analysis.id}\`\n`)
      } else {
        seen.add(analysis.id)
        analyses.push(analysis)
      }
    } catch (err) {
      failed++
      stderr.write(`${tty ? '\n' : ''}newsgraph: ${file}:${line}: could not analyse ${id ?? 'article'}: ${(err as Error)?.message ?? String(err)}\n`)
    }
    const n = i + 1
    if (tty) stderr.write(`\ranalysed ${n}/${items.length}${n === items.length ? '\n' : ''}`)
    else if (n % 10 === 0 || n === items.length) stderr.write(`analysed ${n}/${items.length}\n`)
  }
  if (analyses.length === 0 && items.length > 0) throw new ServeError(`none of the ${items.length} articles in ${file} could be analysed`)
  if (failed > 0) stderr.write(`newsgraph: ${failed} of ${items.length} articles could not be analysed and are left out\n`)

  const server = createServer(analyses)
  const address = await listen(server, port, host)
  const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address
  const url = `http://${shownHost}:${address.port}/`
  stdout.write(`newsgraph: serving ${analyses.length} articles at ${url}\n`)
  return {
    url,
    articles: analyses.length,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()))
        server.closeAllConnections()
      }),
  }
}
