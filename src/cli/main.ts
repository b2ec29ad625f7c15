import { createReadStream, existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { Analysis } from '../core/types.js'
import { extractHtml, type ExtractedArticle } from '../extract/extract-html.js'
import { quoteNetworkCount } from '../nlp/quote-tagger.js'
import { analyzeArticle, type ArticleInput } from '../pipeline.js'
import { ServeError, serveStore } from '../http/serve-command.js'
import { PIPELINE_VERSION } from '../version.js'
import { ingest, formatSummary } from '../ingest/ingest.js'
import { createProgress } from '../ingest/progress.js'
import { formatReanalyzeSummary, reanalyze } from '../ingest/reanalyze.js'
import { exportLines } from '../store/export-lines.js'
import { toCsv, toTable, type FlatRow } from '../store/format-rows.js'
import { DEFAULT_STORE_PATH, isStoreUrl, openStore, StoreSpecError } from '../store/open-store.js'
import { QUOTE_ACT_FILTERS, QUOTE_SOURCE_KINDS, quoteActs, SplitError, type QuoteSourceKind, type Store } from '../store/store.js'
import { InputError, UsageError } from './errors.js'
import { HELP } from './help.js'
import { loadInput, readInputBytes, decodeInput } from './read-input.js'

type Out = { write(s: string): unknown }

export interface CliIo {
  stdout: Out
  stderr: Out
}

const COMMANDS = ['analyze', 'extract', 'serve', 'ingest', 'reanalyze', 'quotes', 'entities', 'search', 'export'] as const

/**
 * Runs the command line and returns the exit code: 0 success, 1 bad input, 2 usage.
 * Never throws; every error becomes one line on stderr.
 */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined
      io.stdout.write(HELP[topic ?? 'main'] ?? HELP.main!)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`newsgraph ${PIPELINE_VERSION}\n`)
      return 0
    }
    // A wrong NEWSGRAPH_QUOTE_NETWORKS is said once, before any work, not once an article.
    if (command === 'analyze' || command === 'ingest' || command === 'reanalyze' || command === 'serve') {
      try {
        quoteNetworkCount()
      } catch (err) {
        throw new UsageError((err as Error).message)
      }
    }
    switch (command) {
      case 'analyze':
        return await analyzeCommand(rest, io)
      case 'extract':
        return await extractCommand(rest, io)
      case 'serve':
        return await serveCommand(rest, io)
      case 'ingest':
        return await ingestCommand(rest, io)
      case 'reanalyze':
        return await reanalyzeCommand(rest, io)
      case 'quotes':
        return await quotesCommand(rest, io)
      case 'entities':
        return await entitiesCommand(rest, io)
      case 'search':
        return await searchCommand(rest, io)
      case 'export':
        return await exportCommand(rest, io)
      default:
        throw new UsageError(`Unknown command \`${command}\`, expected one of: ${COMMANDS.join(', ')}`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`newsgraph: ${err.message}\nRun \`newsgraph --help\` for usage.\n`)
      return 2
    }
    if (err instanceof InputError || err instanceof ServeError) {
      io.stderr.write(`newsgraph: ${err.message}\n`)
      return 1
    }
    io.stderr.write(`newsgraph: internal error: ${(err as Error)?.message ?? String(err)} (please report this with the input)\n`)
    return 1
  }
}

const LISTED_LAST = new Set(['allow-private'])

type Values = Record<string, string | boolean | undefined>

function parse(
  command: string,
  args: string[],
  options: Record<string, { type: 'boolean' | 'string'; short?: string }>,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
    return { values: parsed.values as Values, positionals: parsed.positionals }
  } catch (err) {
    const e = err as Error & { code?: string }
    // Options added later are listed after --help, so the list starts as it always did.
    const names = Object.keys(options)
    const known = [...names.filter((o) => !LISTED_LAST.has(o)), 'help', ...names.filter((o) => LISTED_LAST.has(o))].map((o) => `--${o}`).join(', ')
    const m = /'([^']+)'/.exec(e.message)
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option \`${m?.[1] ?? '?'}\` for ${command}, expected: ${known}`)
    throw new UsageError(`${command}: ${e.message}`)
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('analyze', args, {
    jsonl: { type: 'boolean' },
    raw: { type: 'boolean' },
    published: { type: 'string' },
    'allow-private': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(HELP.analyze!)
    return 0
  }
  const published = values.published as string | undefined
  if (published !== undefined && (!DATE.test(published) || Number.isNaN(Date.parse(published))))
    throw new UsageError(`--published expects a date YYYY-MM-DD, received \`${published}\``)
  const options = { raw: Boolean(values.raw), ...(published ? { published } : {}) }
  if (values.jsonl) {
    if (positionals.length > 1) throw new UsageError(`analyze --jsonl takes at most one file (or stdin), received ${positionals.length}`)
    return analyzeJsonl(positionals[0] ?? '-', options, io)
  }
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'analyze needs one input: a file, a URL, or - for stdin' : `analyze takes one input, received ${positionals.length}; use --jsonl for many`)
  const input = await loadInput(positionals[0]!, { allowPrivate: Boolean(values['allow-private']) })
  const article: ArticleInput = input.isHtml ? { html: input.text, url: input.url } : { text: input.text, url: input.url }
  const analysis = analyzeArticle(article, { ...options, sniffHtml: false })
  const refused = analysis.messages.find((m) => m.severity === 'error')
  if (refused) throw new InputError(input.name, refused.reason)
  io.stdout.write(JSON.stringify(analysis, null, 2) + '\n')
  return 0
}

/** Reads JSON Lines from a file or stdin, one line at a time, and calls `fn` with its 1-based number. */
async function eachLine(arg: string, fn: (line: string, n: number) => void): Promise<void> {
  if (arg !== '-') await readInputBytes(arg) // fails with a clear message on a missing file or a directory
  const stream = arg === '-' ? process.stdin : createReadStream(arg)
  const rl = createInterface({ input: stream, crlfDelay: Infinity })
  let n = 0
  for await (const line of rl) {
    n++
    if (line.trim() === '') continue
    fn(line, n)
  }
}

interface JsonlRecord {
  id: string | null
  input?: ArticleInput
  error?: string
}

/** Parses one JSON Lines record into an article, or says what is wrong with it. */
export function parseJsonlRecord(line: string, n: number, where: string): JsonlRecord {
  let obj: unknown
  try {
    obj = JSON.parse(line)
  } catch (err) {
    return { id: null, error: `${where}:${n}: not valid JSON (${(err as Error).message})` }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    return { id: null, error: `${where}:${n}: expected a JSON object like {"id": ..., "text": ...}, received ${Array.isArray(obj) ? 'an array' : typeof obj}` }
  const o = obj as Record<string, unknown>
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null)
  const text = str('text')
  const html = str('html')
  if (text === null && html === null) return { id, error: `${where}:${n}: has neither "text" nor "html" (a string)` }
  if ((html ?? text ?? '').trim() === '') return { id, error: `${where}:${n}: "${html !== null ? 'html' : 'text'}" is empty` }
  const published = str('published')
  return {
    id,
    input: { id: id ?? `line-${n}`, text, html, url: str('url'), title: str('title'), published },
  }
}

async function analyzeJsonl(arg: string, options: { raw: boolean; published?: string }, io: CliIo): Promise<number> {
  let failed = 0
  const where = arg === '-' ? 'stdin' : arg
  await eachLine(arg, (line, n) => {
    const rec = parseJsonlRecord(line, n, where)
    let out: Analysis | { id: string | null; error: string }
    if (rec.error || !rec.input) out = { id: rec.id, error: rec.error ?? 'unreadable' }
    else {
      try {
        out = analyzeArticle(rec.input, options)
      } catch (err) {
        out = { id: rec.id, error: `${where}:${n}: analysis failed: ${(err as Error).message}` }
      }
    }
    if ('error' in out) {
      failed++
      io.stderr.write(`newsgraph: ${out.error}\n`)
    }
    io.stdout.write(JSON.stringify(out) + '\n')
  })
  if (failed) io.stderr.write(`newsgraph: ${failed} line${failed === 1 ? '' : 's'} of ${where} could not be analysed\n`)
  return failed ? 1 : 0
}

type ExtractOutput = ExtractedArticle & { file?: string; id?: string }

async function extractCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('extract', args, { jsonl: { type: 'boolean' } })
  if (values.help) {
    io.stdout.write(HELP.extract!)
    return 0
  }
  if (values.jsonl && positionals.length === 0) {
    let failed = 0
    await eachLine('-', (line, n) => {
      const rec = parseJsonlRecord(line, n, 'stdin')
      if (rec.error || !rec.input) {
        failed++
        io.stderr.write(`newsgraph: ${rec.error}\n`)
        io.stdout.write(JSON.stringify({ id: rec.id, error: rec.error }) + '\n')
        return
      }
      const html = rec.input.html ?? rec.input.text ?? ''
      const article = extractHtml(html, rec.input.url ? { url: rec.input.url } : {})
      io.stdout.write(JSON.stringify({ id: rec.id, ...article }) + '\n')
    })
    return failed ? 1 : 0
  }
  if (positionals.length === 0) throw new UsageError('extract needs at least one input: an HTML file or a URL (or --jsonl on stdin)')
  const results: ExtractOutput[] = []
  let failed = 0
  for (const arg of positionals) {
    try {
      const raw = await readInputBytes(arg)
      const { text, isHtml } = decodeInput(raw.name, raw.bytes, raw.contentType)
      const article: ExtractedArticle = isHtml
        ? extractHtml(text, raw.url ? { url: raw.url } : {})
        : { title: null, byline: null, published: null, site: null, language: null, url: raw.url, text: text.trim() }
      const out: ExtractOutput = { file: arg, ...article }
      if (values.jsonl) io.stdout.write(JSON.stringify(out) + '\n')
      else results.push(out)
    } catch (err) {
      if (!(err instanceof InputError) || positionals.length === 1) throw err
      failed++
      io.stderr.write(`newsgraph: ${err.message}\n`)
    }
  }
  if (!values.jsonl) io.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n')
  return failed ? 1 : 0
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('serve', args, {
    ...DB_OPTION,
    sample: { type: 'boolean' },
    file: { type: 'string' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    cache: { type: 'string' },
    'allow-private': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(HELP.serve!)
    return 0
  }
  if (positionals.length) throw new UsageError(`serve takes no inputs, received \`${positionals[0]}\`; ingest them first (newsgraph ingest) or use --file`)
  const portArg = values.port as string | undefined
  if (portArg !== undefined && (!/^\d+$/.test(portArg) || Number(portArg) > 65535))
    throw new UsageError(`--port expects an integer from 0 to 65535, received \`${portArg}\``)
  const cacheArg = values.cache as string | undefined
  if (cacheArg !== undefined && (!/^\d+$/.test(cacheArg) || Number(cacheArg) > 1_000_000))
    throw new UsageError(`--cache expects the number of read answers to keep, an integer from 0 (none) to 1000000, received \`${cacheArg}\``)
  const db = values.db as string | undefined
  if (db !== undefined && db.trim() !== '' && isStoreUrl(db) && !/^postgres(?:ql)?:\/\//i.test(db))
    throw new UsageError(`--db: cannot open store "${db}": expected a file path or a postgres:// URL`)
  const fetchOptions = { allowPrivate: Boolean(values['allow-private']) }
  const serving = await serveStore({
    ...(cacheArg !== undefined ? { cacheEntries: Number(cacheArg) } : {}),
    ...(db !== undefined ? { db } : {}),
    sample: Boolean(values.sample),
    ...(typeof values.file === 'string' ? { inputs: [values.file] } : {}),
    io: { readBytes: (arg) => readInputBytes(arg, fetchOptions), decode: decodeInput, parseJsonlRecord },
    fetchPage: async (url) => {
      const page = await loadInput(url, fetchOptions)
      return { url: page.url, text: page.text, isHtml: page.isHtml }
    },
    ...(portArg !== undefined ? { port: Number(portArg) } : {}),
    ...(typeof values.host === 'string' ? { host: values.host } : {}),
    stdout: io.stdout,
    stderr: io.stderr,
  })
  // Serve until interrupted.
  await new Promise<void>((resolve) => {
    const stop = () => void serving.close().finally(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

// ---------------------------------------------------------------------------------------------
// The store: ingest, and the query commands. Every one takes --db (a path or a postgres:// URL).

/**
 * Opens the store named by --db (default ./data/newsgraph.db), runs `fn`, and closes it. Only `ingest`
 * creates a store file that is not there (`create`); the commands that read one say it is missing instead of
 * making an empty one, and its folders, at a mistyped path.
 */
async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>, create = false): Promise<T> {
  const spec = db ?? DEFAULT_STORE_PATH
  if (!create && spec.trim() !== '' && !isStoreUrl(spec) && !existsSync(spec))
    throw new InputError(spec, 'no store here', `ingest articles into it first, \`newsgraph ingest${db !== undefined ? ` --db ${db}` : ''} <files>\`, or check the path`)
  let store: Store
  try {
    store = await openStore(db ?? DEFAULT_STORE_PATH)
  } catch (err) {
    if (err instanceof StoreSpecError) throw new UsageError(`--db: ${err.message}`)
    throw new InputError(db ?? DEFAULT_STORE_PATH, (err as Error).message.replace(/^cannot open store "[^"]*": /, 'cannot open the store: '))
  }
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

function positiveInt(name: string, v: string | boolean | undefined, fallback: number): number {
  if (v === undefined) return fallback
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${name} expects a positive integer, received \`${String(v)}\``)
  return Number(v)
}

const FORMATS = ['jsonl', 'table', 'csv'] as const
type Format = (typeof FORMATS)[number]

function formatOf(v: string | boolean | undefined, allowed: readonly Format[] = FORMATS): Format {
  const f = (v ?? 'jsonl') as Format
  if (!allowed.includes(f)) throw new UsageError(`--format expects one of ${allowed.join(', ')}, received \`${String(v)}\``)
  return f
}

/** Prints rows as JSON Lines, a table, or CSV. */
function printRows(io: CliIo, rows: FlatRow[], format: Format, columns: string[]): void {
  if (format === 'jsonl') for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n')
  else if (format === 'csv') io.stdout.write(toCsv(rows, columns))
  else io.stdout.write(toTable(rows, columns))
}

const DB_OPTION = { db: { type: 'string' } } as const

async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('ingest', args, {
    ...DB_OPTION,
    fetch: { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    workers: { type: 'string' },
    'log-every': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  })
  if (values.help) {
    io.stdout.write(HELP.ingest!)
    return 0
  }
  if (positionals.length === 0) throw new UsageError('ingest needs at least one input: a file, a directory, a feed, a WARC file, JSON Lines, or - for stdin')
  const every = positiveInt('log-every', values['log-every'], 100)
  const workers = positiveInt('workers', values.workers, availableParallelism())
  const fetchOptions = { allowPrivate: Boolean(values['allow-private']) }
  const stderr = io.stderr as CliIo['stderr'] & { isTTY?: boolean }
  return withStore(values.db as string | undefined, async (store) => {
    const progress = values.quiet ? undefined : createProgress(stderr, { every })
    const summary = await ingest(positionals, {
      store,
      fetch: Boolean(values.fetch),
      workers,
      io: { readBytes: (arg) => readInputBytes(arg, fetchOptions), decode: decodeInput, parseJsonlRecord },
      ...(progress ? { progress } : {}),
      onProblem: (place, reason) => io.stderr.write(`newsgraph: ${place}: ${reason}\n`),
    })
    io.stderr.write(`${formatSummary(summary)} into ${store.location}\n`)
    const { problems: _problems, ...counts } = summary
    io.stdout.write(JSON.stringify(counts) + '\n')
    return summary.failed ? 1 : 0
  }, true)
}

async function reanalyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('reanalyze', args, { ...DB_OPTION, all: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } })
  if (values.help) {
    io.stdout.write(HELP.reanalyze!)
    return 0
  }
  if (positionals.length) throw new UsageError(`reanalyze takes no inputs, received \`${positionals[0]}\`; it works on the store named by --db`)
  return withStore(values.db as string | undefined, async (store) => {
    let last = Date.now()
    const summary = await reanalyze(store, {
      all: Boolean(values.all),
      onProblem: (id, reason) => io.stderr.write(`newsgraph: article ${id}: ${reason}\n`),
      onProgress: (done) => {
        if (!values.quiet && Date.now() - last > 2000) {
          last = Date.now()
          io.stderr.write(`reanalyze: ${done} articles\n`)
        }
      },
    })
    io.stderr.write(`${formatReanalyzeSummary(summary)} in ${store.location}\n`)
    const { problems: _problems, ...counts } = summary
    io.stdout.write(JSON.stringify(counts) + '\n')
    return summary.failed ? 1 : 0
  }, true)
}

async function quotesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('quotes', args, {
    ...DB_OPTION,
    speaker: { type: 'string' },
    outlet: { type: 'string' },
    kind: { type: 'string' },
    act: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
  })
  if (values.help) {
    io.stdout.write(HELP.quotes!)
    return 0
  }
  if (positionals.length) throw new UsageError(`quotes takes no inputs, received \`${positionals[0]}\`; filter with --speaker, --outlet, --kind, --act, --since`)
  const kind = values.kind as string | undefined
  if (kind !== undefined && !QUOTE_SOURCE_KINDS.includes(kind as QuoteSourceKind))
    throw new UsageError(`--kind expects one of ${QUOTE_SOURCE_KINDS.join(', ')}, received \`${kind}\``)
  const act = values.act as string | undefined
  const acts = act === undefined ? null : quoteActs(act)
  if (acts && 'unknown' in acts)
    throw new UsageError(`--act expects one of ${QUOTE_ACT_FILTERS.join(', ')} (or a comma list of them), received \`${acts.unknown}\`${act !== acts.unknown ? ` in \`${act}\`` : ''}`)
  const since = values.since as string | undefined
  if (since !== undefined && (!DATE.test(since) || Number.isNaN(Date.parse(since))))
    throw new UsageError(`--since expects a date YYYY-MM-DD, received \`${since}\``)
  const format = formatOf(values.format)
  const limit = positiveInt('limit', values.limit, 100)
  return withStore(values.db as string | undefined, async (store) => {
    const rows = await store.quotes({
      ...(values.speaker ? { speaker: values.speaker as string } : {}),
      ...(values.outlet ? { outlet: values.outlet as string } : {}),
      ...(kind ? { kind: kind as QuoteSourceKind } : {}),
      ...(act ? { act } : {}),
      ...(since ? { since } : {}),
      limit,
    })
    printRows(io, rows as unknown as FlatRow[], format, ['articleId', 'quoteId', 'kind', 'act', 'speaker', 'speakerKind', 'sourceKind', 'outlet', 'published', 'text'])
    return 0
  })
}

async function entitiesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('entities', args, {
    ...DB_OPTION,
    top: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    format: { type: 'string' },
    split: { type: 'string' },
    alias: { type: 'string' },
  })
  if (values.help) {
    io.stdout.write(HELP.entities!)
    return 0
  }
  if (positionals.length) throw new UsageError(`entities takes no inputs, received \`${positionals[0]}\`; use --name for one entity`)
  const type = values.type as string | undefined
  if (type !== undefined && !['PERSON', 'ORG', 'LOC', 'MISC'].includes(type)) throw new UsageError(`--type expects one of PERSON, ORG, LOC, MISC, received \`${type}\``)
  const format = formatOf(values.format)
  const top = positiveInt('top', values.top, 20)
  if (values.split !== undefined) {
    const id = positiveInt('split', values.split, 0)
    if (typeof values.alias !== 'string') throw new UsageError('--split ID needs --alias NAME: the name whose mentions move to a new person')
    const alias = values.alias
    return withStore(values.db as string | undefined, async (store) => {
      try {
        const r = await store.splitPerson(id, alias)
        io.stdout.write(JSON.stringify({ split: id, alias, into: r.personId, moved: r.moved }) + '\n')
        return 0
      } catch (err) {
        if (err instanceof SplitError) throw new InputError(`--split ${id}`, err.message, 'see `newsgraph entities --name NAME` for people and their names')
        throw err
      }
    })
  }
  if (values.alias !== undefined) throw new UsageError('--alias goes with --split ID')
  return withStore(values.db as string | undefined, async (store) => {
    if (typeof values.name === 'string') {
      const e = await store.entity(values.name)
      if (!e) throw new InputError(values.name, 'no such entity in the store', 'see `newsgraph entities --top 50`')
      const people = (await store.people(values.name)).map(({ links, ...p }) => ({ ...p, rules: [...new Set(links.map((l) => l.rule))].sort(), links }))
      if (format === 'jsonl') io.stdout.write(JSON.stringify({ ...e, people }) + '\n')
      else {
        const { quotes, aliases, roles, outlets, ...row } = e
        const outletList = outlets.map((o) => `${o.outlet ?? '(none)'} ${o.articles}`).join('; ')
        printRows(io, [{ ...row, aliases: aliases.join('; '), roles: roles.join('; '), quotes: quotes.length, outlets: outletList }], format, ['name', 'type', 'articles', 'mentions', 'aliases', 'roles', 'quotes', 'outlets'])
        if (format === 'table' && quotes.length) {
          io.stdout.write('\n')
          printRows(io, quotes as unknown as FlatRow[], format, ['articleId', 'kind', 'act', 'sourceKind', 'outlet', 'published', 'text'])
        }
      }
      return 0
    }
    const rows = await store.topEntities({ limit: top, ...(type ? { type } : {}) })
    printRows(io, rows as unknown as FlatRow[], format, ['name', 'type', 'articles', 'mentions'])
    return 0
  })
}

async function searchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('search', args, { ...DB_OPTION, limit: { type: 'string' }, format: { type: 'string' } })
  if (values.help) {
    io.stdout.write(HELP.search!)
    return 0
  }
  if (positionals.length === 0 || positionals.join(' ').trim() === '') throw new UsageError('search needs the words to look for, e.g. newsgraph search "back-channel talks"')
  const format = formatOf(values.format)
  const limit = positiveInt('limit', values.limit, 20)
  return withStore(values.db as string | undefined, async (store) => {
    const hits = await store.search(positionals.join(' '), { limit })
    printRows(io, hits as unknown as FlatRow[], format, ['id', 'published', 'title', 'url', 'snippet'])
    return 0
  })
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('export', args, { ...DB_OPTION, format: { type: 'string' } })
  if (values.help) {
    io.stdout.write(HELP.export!)
    return 0
  }
  if (positionals.length) throw new UsageError(`export takes no inputs, received \`${positionals[0]}\`; it writes the whole store to stdout`)
  const format = formatOf(values.format, ['jsonl', 'csv'])
  return withStore(values.db as string | undefined, async (store) => {
    for await (const line of exportLines(store, format === 'csv' ? 'csv' : 'jsonl')) io.stdout.write(line)
    return 0
  })
}
