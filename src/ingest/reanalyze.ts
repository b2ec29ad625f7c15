import type { Analysis } from '../core/types.js'
import { analysisVersion, analyzeArticle, type ArticleInput } from '../pipeline.js'
import type { Store } from '../store/store.js'

/** What a reanalyze run did. A return value, not an exception. */
export interface ReanalyzeSummary {
  /** Articles analysed again and updated. */
  updated: number
  /** Articles already at the pipeline version (left alone). */
  current: number
  /** Of `updated`: articles with no stored input, analysed again from their stored text. */
  fromText: number
  failed: number
  problems: { id: string; reason: string }[]
  version: string
  seconds: number
}

export interface ReanalyzeOptions {
  /** Analyse every article again, whatever its version. Default false. */
  all?: boolean
  /** The pipeline. Default `analyzeArticle` (a seam for tests). */
  analyze?: (input: ArticleInput) => Analysis
  onProblem?: (id: string, reason: string) => void
  onProgress?: (done: number) => void
}

/**
 * Runs the current pipeline again on stored articles whose stored `version` differs from it (or on
 * all of them), from the stored input, and replaces each article's analysis and derived rows in one
 * transaction per article. Running it twice does nothing the second time.
 *
 * @example const s = await reanalyze(store) // s.updated, s.current
 */
export async function reanalyze(store: Store, options: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const start = Date.now()
  const version = analysisVersion()
  const analyze = options.analyze ?? ((input: ArticleInput) => analyzeArticle(input))
  const summary: ReanalyzeSummary = { updated: 0, current: 0, fromText: 0, failed: 0, problems: [], version, seconds: 0 }
  const counts = await store.counts()
  const total = counts.articles + counts.nearDuplicates
  let seen = 0
  // Pages are read by position in the store, so updating the rows already read moves nothing.
  for await (const a of store.staleArticles(version, { all: options.all ?? false })) {
    seen++
    try {
      const analysis = analyze(a.input)
      if (!analysis.text.trim()) throw new Error('no article text found')
      await store.replaceAnalysis(a.id, analysis)
      summary.updated++
      if (a.fromText) summary.fromText++
    } catch (err) {
      summary.failed++
      const reason = (err as Error).message
      summary.problems.push({ id: a.id, reason })
      options.onProblem?.(a.id, reason)
    }
    options.onProgress?.(seen)
  }
  summary.current = total - seen
  summary.seconds = (Date.now() - start) / 1000
  return summary
}

/** One line: "reanalyze: 12 updated (2 from stored text), 30 already at 0.4.0, 0 failed in 3.1 s". */
export function formatReanalyzeSummary(s: ReanalyzeSummary): string {
  return `reanalyze: ${s.updated} updated${s.fromText ? ` (${s.fromText} from stored text)` : ''}, ${s.current} already at ${s.version}, ${s.failed} failed in ${s.seconds.toFixed(1)} s`
}
