import type { Analysis } from '../core/types.js'
import { analyzeArticle } from '../pipeline.js'
import type { Store } from '../store/store.js'
import type { Progress } from './progress.js'
import { expandInputs, itemsOf, type IngestIo, type SourceOptions } from './sources.js'

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
  /** Called for each failure as it happens (the CLI prints it). */
  onProblem?: (place: string, reason: string) => void
  /** Called for each item skipped (not an article). */
  onSkip?: (place: string, reason: string) => void
}

/**
 * Reads every input (files, directories, "-" for stdin, JSON Lines, RSS/Atom feeds, WARC files),
 * analyses each article and stores it, each in its own transaction. Idempotent: an input already
 * stored is recognised by its hash before analysis, and the same text twice is stored once.
 *
 * @example const summary = await ingest(['articles/', 'feed.xml'], { store, io })
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const { store, io, progress } = options
  const start = Date.now()
  const summary: IngestSummary = { stored: 0, duplicate: 0, nearDuplicate: 0, skipped: 0, failed: 0, problems: [], seconds: 0 }
  const files = expandInputs(inputs)
  let done = 0
  let filesDone = 0
  const fail = (place: string, reason: string) => {
    summary.failed++
    summary.problems.push({ place, reason })
    progress?.clear()
    options.onProblem?.(place, reason)
  }
  for (const file of files) {
    for await (const item of itemsOf(file, io, options)) {
      done++
      if (item.kind === 'failed') fail(item.place, item.reason)
      else if (item.kind === 'skipped') {
        summary.skipped++
        options.onSkip?.(item.place, item.reason)
      } else {
        try {
          if (await store.hasInput(item.inputHash)) summary.duplicate++
          else {
            const input = await item.load()
            let analysis: Analysis
            try {
              analysis = analyzeArticle(input)
            } catch (err) {
              throw new Error(`analysis failed: ${(err as Error).message}`)
            }
            if (!analysis.text.trim()) {
              summary.skipped++
              options.onSkip?.(item.place, 'no article text found')
            } else {
              const r = await store.put(analysis, { source: item.place, inputHash: item.inputHash })
              if (r.status === 'stored') summary.stored++
              else if (r.status === 'duplicate') summary.duplicate++
              else summary.nearDuplicate++
            }
          }
        } catch (err) {
          const message = (err as Error).message
          fail(item.place, message.startsWith(item.place + ': ') ? message.slice(item.place.length + 2) : message)
        }
      }
      progress?.update({ done, filesDone, filesTotal: files.length, label: `${summary.stored} stored` })
    }
    filesDone++
    progress?.update({ done, filesDone, filesTotal: files.length, label: `${summary.stored} stored` })
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
