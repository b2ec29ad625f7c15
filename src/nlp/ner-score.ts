/**
 * BIO chunks and entity-level scoring with conlleval semantics: an entity counts as correct
 * only when its start, end and type all match; precision, recall and F1 are micro-averaged.
 */

export interface Chunk {
  type: string
  /** First token (inclusive). */
  start: number
  /** Token after the last one (exclusive). */
  end: number
}

/**
 * The chunks of a BIO (IOB2) tag sequence, read the way conlleval reads them: an `I-X` that does not
 * continue an `X` chunk starts a new one.
 */
export function bioChunks(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = []
  let cur: Chunk | undefined
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!
    const prefix = tag === 'O' || tag.length < 2 ? 'O' : tag[0]!
    const type = prefix === 'O' ? '' : tag.slice(2)
    if (cur && (prefix !== 'I' || type !== cur.type)) {
      cur.end = i
      chunks.push(cur)
      cur = undefined
    }
    if (prefix !== 'O' && !cur) cur = { type, start: i, end: i + 1 }
  }
  if (cur) {
    cur.end = tags.length
    chunks.push(cur)
  }
  return chunks
}

export interface Counts {
  correct: number
  predicted: number
  gold: number
}

export interface Score extends Counts {
  precision: number
  recall: number
  f1: number
}

export function toScore(c: Counts): Score {
  const precision = c.predicted ? c.correct / c.predicted : 0
  const recall = c.gold ? c.correct / c.gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { ...c, precision, recall, f1 }
}

/** Accumulates entity counts over many sentences, overall and per type. */
export class EntityScorer {
  readonly total: Counts = { correct: 0, predicted: 0, gold: 0 }
  readonly byType = new Map<string, Counts>()

  /** `types`, when given, restricts scoring to those entity types (others are ignored on both sides). */
  constructor(private readonly types?: readonly string[]) {}

  private counts(type: string): Counts {
    let c = this.byType.get(type)
    if (!c) this.byType.set(type, (c = { correct: 0, predicted: 0, gold: 0 }))
    return c
  }

  add(gold: readonly string[], predicted: readonly string[]): void {
    const keep = (c: Chunk): boolean => !this.types || this.types.includes(c.type)
    const g = bioChunks(gold).filter(keep)
    const p = bioChunks(predicted).filter(keep)
    const goldKeys = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`))
    for (const c of g) {
      this.total.gold++
      this.counts(c.type).gold++
    }
    for (const c of p) {
      this.total.predicted++
      this.counts(c.type).predicted++
      if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) {
        this.total.correct++
        this.counts(c.type).correct++
      }
    }
  }

  score(): Score {
    return toScore(this.total)
  }

  scoreOf(type: string): Score {
    return toScore(this.byType.get(type) ?? { correct: 0, predicted: 0, gold: 0 })
  }
}
