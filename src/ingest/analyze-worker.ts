/**
 * A worker thread that analyses articles: the pipeline (and its models) is loaded once, when the
 * worker starts, then each message `{ id, input }` is answered with `{ id, analysis }` or
 * `{ id, error }`. Started by `createAnalyzer` (`analyzer.ts`); does no I/O of its own.
 */
import { parentPort } from 'node:worker_threads'
import { analyzeArticle, type ArticleInput } from '../pipeline.js'

if (!parentPort) throw new Error('analyze-worker.ts runs as a worker thread (see createAnalyzer)')
const port = parentPort
port.on('message', (m: { id: number; input: ArticleInput }) => {
  try {
    port.postMessage({ id: m.id, analysis: analyzeArticle(m.input) })
  } catch (err) {
    port.postMessage({ id: m.id, error: (err as Error)?.message ?? String(err) })
  }
})
