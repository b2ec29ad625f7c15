/**
 * `newsgraph serve` (and `npm start`): opens the store, optionally ingests the bundled sample (or a
 * corpus) into it first, and serves the HTTP API and web UI of `server.ts` over it.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAnalyzer } from '../ingest/analyzer.js'
import { formatSummary, ingest } from '../ingest/ingest.js'
import type { IngestIo } from '../ingest/sources.js'
import { DEFAULT_STORE_PATH, openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { loadApiToken } from './api-token.js'
import { createServer, type FetchedPage } from './server.js'

/** A failure the user can fix (unreadable store, port in use): print the message, exit 1. */
export class ServeError extends Error {
  override readonly name = 'ServeError'
}

type Out = { write(s: string): unknown }

export interface ServeOptions {
  /** The store: an SQLite path or a postgres:// URL. Default ./data/newsgraph.db. */
  db?: string
  /** Ingest the bundled sample (`samples/articles.jsonl`) first; idempotent. Default false. */
  sample?: boolean
  /** Ingest these inputs (files, folders, JSON Lines, feeds, WARC) first; idempotent. */
  inputs?: string[]
  /** How ingest reads inputs (the CLI passes its readers). Needed with `sample` or `inputs`. */
  io?: IngestIo
  /** Fetches a URL for `POST /api/articles {url}`. */
  fetchPage?: (url: string) => Promise<FetchedPage>
  /** Default: `PORT` from the environment, else 8080. 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1 (this machine only). */
  host?: string
  /** Read answers kept while the store is unchanged (see `ServerOptions.cacheEntries`). */
  cacheEntries?: number
  /** Default process.env (NEWSGRAPH_TOKEN, PORT). */
  env?: NodeJS.ProcessEnv
  /** Where progress, the token and the "serving" line go. Default process.stderr / process.stdout. */
  stderr?: Out
  stdout?: Out
}

export interface Serving {
  url: string
  /** Articles in the store (near-duplicates left out). */
  articles: number
  /** Articles the sample or inputs added at this start. */
  ingested: number
  store: Store
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

/** The bundled sample corpus. */
export function samplePath(): string {
  return join(packageRoot(), 'samples', 'articles.jsonl')
}

function defaultPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT
  if (raw === undefined || raw === '') return 8080
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n > 65535) throw new ServeError(`PORT must be an integer from 0 to 65535, received \`${raw}\``)
  return n
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
 * Opens the store, ingests the sample or inputs when asked (an input already stored is passed
 * over, so a second start adds nothing), and serves it. Resolves once the server listens; rejects
 * with a `ServeError` (clear message, exit 1) when the store cannot be opened or the port is taken.
 *
 * @example const s = await serveStore({ db: './data/newsgraph.db', sample: true, io, port: 0 }); console.log(s.url)
 */
export async function serveStore(options: ServeOptions = {}): Promise<Serving> {
  const stderr = options.stderr ?? process.stderr
  const stdout = options.stdout ?? process.stdout
  const env = options.env ?? process.env
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? defaultPort(env)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeError(`port must be an integer from 0 to 65535, received ${port}`)
  const db = options.db ?? DEFAULT_STORE_PATH
  const inputs = [...(options.sample ? [samplePath()] : []), ...(options.inputs ?? [])]
  if (inputs.length && !options.io) throw new ServeError('serve: ingesting needs `io` (the readers of the command line)')

  let store: Store
  try {
    store = await openStore(db)
  } catch (err) {
    throw new ServeError((err as Error).message)
  }
  try {
    let ingested = 0
    if (inputs.length) {
      const summary = await ingest(inputs, {
        store,
        io: options.io!,
        workers: 1,
        onProblem: (place, reason) => stderr.write(`newsgraph: ${place}: ${reason}\n`),
      })
      ingested = summary.stored + summary.nearDuplicate
      stderr.write(`${formatSummary(summary)} into ${store.location}\n`)
    }
    let token
    try {
      token = loadApiToken(db, env)
    } catch (err) {
      throw new ServeError((err as Error).message)
    }
    if (token.origin === 'created') {
      stderr.write(`newsgraph: created the API token for writes (POST /api/articles), kept in ${token.file} (mode 0600); shown once:\n${token.token}\n`)
    }
    // POSTed articles are analysed in worker threads (started at the first one), so a long page
    // never holds up the reads.
    const analyzer = createAnalyzer(2)
    const server = createServer(store, {
      token: token.token,
      log: stderr,
      analyze: (input) => analyzer.analyze(input),
      ...(options.fetchPage ? { fetchPage: options.fetchPage } : {}),
      ...(options.cacheEntries !== undefined ? { cacheEntries: options.cacheEntries } : {}),
    })
    const address = await listen(server, port, host)
    const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address
    const url = `http://${shownHost}:${address.port}/`
    const { articles } = await store.counts()
    stdout.write(`newsgraph: serving ${articles} articles from ${store.location} at ${url}\n`)
    return {
      url,
      articles,
      ingested,
      store,
      close: () =>
        new Promise<void>((resolveClose, reject) => {
          server.close((err) => {
            Promise.all([analyzer.close(), store.close()]).then(() => (err ? reject(err) : resolveClose()), reject)
          })
          server.closeAllConnections()
        }),
    }
  } catch (err) {
    await store.close()
    throw err
  }
}
