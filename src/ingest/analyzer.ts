import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Analysis } from '../core/types.js'
import { analyzeArticle, type ArticleInput } from '../pipeline.js'

/** Analyses articles, in this thread or in worker threads. */
export interface Analyzer {
  /** How many articles it analyses at once. */
  readonly concurrency: number
  analyze(input: ArticleInput): Promise<Analysis>
  /** Stops the workers (pending analyses are rejected). */
  close(): Promise<void>
}

/**
 * An analyzer with `workers` worker threads, each loading the pipeline and its models once; with
 * `workers` ≤ 1, analysis runs in this thread (no worker). Workers start as work arrives, so a
 * run with one article starts one worker. Inputs and analyses cross threads by structured clone.
 *
 * @example const analyzer = createAnalyzer(4); const a = await analyzer.analyze({ text }); await analyzer.close()
 */
export function createAnalyzer(workers: number): Analyzer {
  if (workers <= 1)
    return {
      concurrency: 1,
      analyze: async (input) => analyzeArticle(input),
      close: async () => undefined,
    }
  return new WorkerPool(workers)
}

interface Task {
  id: number
  input: ArticleInput
  resolve: (a: Analysis) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  task: Task | null
}

/**
 * The worker's script. Run from TypeScript sources (tsx, vitest), this module is a .ts file, and
 * Node 20 cannot load a TypeScript worker (loader hooks do not reach worker threads): the built
 * worker in dist/ is used instead, so run `npm run build` first.
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./analyze-worker.js', import.meta.url)
  const built = new URL('../../dist/ingest/analyze-worker.js', import.meta.url)
  if (!existsSync(built)) throw new Error(`worker threads need the built worker ${fileURLToPath(built)}: run \`npm run build\` first`)
  return built
}

class WorkerPool implements Analyzer {
  private readonly slots: Slot[] = []
  private readonly queue: Task[] = []
  private nextId = 0
  private closed = false

  constructor(readonly concurrency: number) {}

  analyze(input: ArticleInput): Promise<Analysis> {
    if (this.closed) return Promise.reject(new Error('the analyzer is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject })
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.task === null)
      if (!slot && this.slots.length < this.concurrency) slot = this.spawn()
      if (!slot) return
      const task = this.queue.shift()!
      slot.task = task
      slot.worker.postMessage({ id: task.id, input: task.input })
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl())
    const slot: Slot = { worker, task: null }
    worker.on('message', (m: { id: number; analysis?: Analysis; error?: string }) => {
      const task = slot.task
      slot.task = null
      if (task && task.id === m.id) {
        if (m.analysis) task.resolve(m.analysis)
        else task.reject(new Error(m.error ?? 'analysis failed'))
      }
      this.dispatch()
    })
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot)
      if (i >= 0) this.slots.splice(i, 1)
      slot.task?.reject(new Error(`worker thread failed: ${err.message}`))
      slot.task = null
      if (!this.closed) this.dispatch()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exited with code ${code}`))
    })
    this.slots.push(slot)
    return slot
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.queue.splice(0)) t.reject(new Error('the analyzer is closed'))
    const slots = this.slots.splice(0)
    for (const s of slots) s.task?.reject(new Error('the analyzer is closed'))
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
