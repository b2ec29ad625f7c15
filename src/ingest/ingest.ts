import type { Analysis } from '../core/types.js'
import type { ArticleInput } from '../pipeline.js'
import type { Store } from '../store/store.js'
import type { Progress } from './progress.js'
import { createAnalyzer } from './analyzer.js'
import { estimateItems, expandInputs, itemsOf, type IngestIo, type IngestItem, type SourceOptions } from './sources.js'

/** What an ingest run did: counts, and each problem with its place. A return value, not an exception. */
export interface IngestSummary {
  stored: number
  duplicate: number
  nearDuplicate: number
  skipped: number
  failed: number
  /** Failures, in order: where (file, file:line, file.warc@offset, feed#item-N) and why. */
  problems: { place: string; reason: string }[]
  seconds: number
}

export interface IngestOptions extends SourceOptions {
  store: Store
  io: IngestIo
  progress?: Progress
  /**
   * Worker threads that analyse articles (each loads the models once). Default 1: analysis in
   * this thread. Stores stay in this thread, one transaction per article, in input order.
   */
  workers?: number
  /** Called for each failure as it happens (the CLI prints it). */
  onProblem?: (place: string, reason: string) => void
  /** Called for each item skipped (not an article). */
  onSkip?: (place: string, reason: string) => void
}

/** An item on its way: its analysis (or why not) may still be running. */
type Outcome =
  | { kind: 'duplicate' }
  | { kind: 'analysis'; analysis: Analysis; input: ArticleInput }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped'; reason: string }

/**
 * Reads every input (files, directories, "-" for stdin, JSON Lines, RSS/Atom feeds, WARC files,
 * URLs), analyses each article and stores it, each in its own transaction. Idempotent: an input
 * already stored is recognised by its hash before analysis, and the same text twice is stored once.
 *
 * With `workers` > 1, up to twice that many articles are loaded and analysed ahead while the
 * results are stored in input order, so counts, near-duplicate links and messages come out the
 * same as with one worker.
 *
 * @example const summary = await ingest(['articles/', 'feed.xml'], { store, io, workers: 4 })
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const { store, io, progress } = options
  const start = Date.now()
  const summary: IngestSummary = { stored: 0, duplicate: 0, nearDuplicate: 0, skipped: 0, failed: 0, problems: [], seconds: 0 }
  const files = expandInputs(inputs)
  const itemsTotal = progress ? estimateItems(files) : undefined
  const analyzer = createAnalyzer(options.workers ?? 1)
  const ahead = analyzer.concurrency > 1 ? analyzer.concurrency * 2 : 1
  let done = 0
  let filesDone = 0
  const fail = (place: string, reason: string) => {
    summary.failed++
    summary.problems.push({ place, reason })
    progress?.clear()
    options.onProblem?.(place, reason)
  }
  const skip = (place: string, reason: string) => {
    summary.skipped++
    options.onSkip?.(place, reason)
  }
  const pending: { place: string; inputHash: string | null; outcome: Promise<Outcome> }[] = []

  const start1 = (item: IngestItem): Promise<Outcome> => {
    if (item.kind !== 'article') return Promise.resolve({ kind: item.kind, reason: item.reason })
    const run = async (): Promise<Outcome> => {
      if (await store.hasInput(item.inputHash)) return { kind: 'duplicate' }
      const input = await item.load()
      let analysis: Analysis
      try {
        analysis = await analyzer.analyze(input)
      } catch (err) {
        throw new Error(`analysis failed: ${(err as Error).message}`)
      }
      return { kind: 'analysis', analysis, input }
    }
    return run().catch((err: Error) => {
      const message = err.message
      return { kind: 'failed', reason: message.startsWith(item.place + ': ') ? message.slice(item.place.length + 2) : message }
    })
  }

  const finish = async () => {
    const { place, inputHash, outcome } = pending.shift()!
    const o = await outcome
    if (o.kind === 'failed') fail(place, o.reason)
    else if (o.kind === 'skipped') skip(place, o.reason)
    else if (o.kind === 'duplicate') summary.duplicate++
    else if (!o.analysis.text.trim()) skip(place, 'no article text found')
    else {
      try {
        const r = await store.put(o.analysis, { source: place, inputHash, input: o.input })
        if (r.status === 'stored') summary.stored++
        else if (r.status === 'duplicate') summary.duplicate++
        else summary.nearDuplicate++
      } catch (err) {
        const message = (err as Error).message
        fail(place, message.startsWith(place + ': ') ? message.slice(place.length + 2) : message)
      }
    }
    done++
    progress?.update({ done, filesDone, filesTotal: files.length, itemsTotal, label: `${summary.stored} stored` })
  }

  try {
    for (const file of files) {
      for await (const item of itemsOf(file, io, options)) {
        pending.push({ place: item.place, inputHash: item.kind === 'article' ? item.inputHash : null, outcome: start1(item) })
        while (pending.length >= ahead) await finish()
      }
      filesDone++ // read, though its last articles may still be in the window
      progress?.update({ done, filesDone, filesTotal: files.length, itemsTotal, label: `${summary.stored} stored` })
    }
    while (pending.length) await finish()
  } finally {
    await analyzer.close()
  }
  progress?.clear()
  summary.seconds = (Date.now() - start) / 1000
  return summary
}

/** One line: "ingest: 198 stored, 2 duplicate, 1 near-duplicate, 0 skipped, 1 failed in 4.2 s (47.1/s)". */
export function formatSummary(s: IngestSummary): string {
  const n = s.stored + s.duplicate + s.nearDuplicate + s.skipped + s.failed
  return `ingest: ${s.stored} stored, ${s.duplicate} duplicate, ${s.nearDuplicate} near-duplicate, ${s.skipped} skipped, ${s.failed} failed in ${s.seconds.toFixed(1)} s (${(s.seconds > 0 ? n / s.seconds : 0).toFixed(1)} items/s)`
}
