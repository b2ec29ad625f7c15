/**
 * Re-implementation of the Zyte article-extraction-benchmark scorer (upstream `evaluate.py`),
 * steps 1-7 of the benchmark README: `\w+` tokens, 4-gram shingle multisets, per-page
 * tp/fp/fn normalised to sum 1, macro precision/recall, F1 of the means, exact-token accuracy.
 */

/** Tokens as Python's `\w+` (Unicode): runs of letters, digits and `_`; case kept. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? []
}

/** Multiset of 4-gram shingles (a text of 1-3 tokens yields one shorter shingle). */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  const n = Math.max(1, tokens.length - 3)
  if (tokens.length === 0) return out
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + 4).join('\u0001')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

/** Per-page counts, normalised so tp + fp + fn = 1 (all zero when both texts are empty). */
export interface PageCounts { tp: number; fp: number; fn: number; exact: boolean }

/** Scores one predicted text against its truth. */
export function scorePage(truth: string, pred: string): PageCounts {
  const tt = tokenize(truth)
  const pt = tokenize(pred)
  const ts = shingles(tt)
  const ps = shingles(pt)
  let tp = 0, fp = 0, fn = 0
  const keys = new Set([...ts.keys(), ...ps.keys()])
  for (const k of keys) {
    const t = ts.get(k) ?? 0
    const p = ps.get(k) ?? 0
    tp += Math.min(t, p)
    fp += Math.max(0, p - t)
    fn += Math.max(0, t - p)
  }
  const s = tp + fp + fn
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i])
  if (s === 0) return { tp: 0, fp: 0, fn: 0, exact }
  return { tp: tp / s, fp: fp / s, fn: fn / s, exact }
}

/** Macro scores over pages, as upstream reports them. */
export interface Scores { f1: number; precision: number; recall: number; accuracy: number; pages: number }

/** Aggregates per-page counts into precision, recall, F1 of the means, and accuracy. */
export function aggregate(pages: readonly PageCounts[]): Scores {
  const ps: number[] = []
  const rs: number[] = []
  let exact = 0
  for (const { tp, fp, fn, exact: ex } of pages) {
    if (ex) exact++
    const perfect = fp === 0 && fn === 0
    if (tp + fp > 0) ps.push(perfect ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp))
    if (tp + fn > 0) rs.push(perfect ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn))
  }
  const mean = (a: number[]): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0)
  const precision = mean(ps)
  const recall = mean(rs)
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { f1, precision, recall, accuracy: pages.length ? exact / pages.length : 0, pages: pages.length }
}

/** Scores a prediction map `{id: text}` against a truth map on the truth's ids. */
export function scoreAll(truth: Record<string, string>, pred: Record<string, string | undefined>): Scores {
  return aggregate(Object.keys(truth).map((id) => scorePage(truth[id] ?? '', pred[id] ?? '')))
}

/** Reads a prediction file's content (plain or `{version, output}` wrapped) into `{id: text}`. */
export function predictionsFromJson(json: unknown): Record<string, string> {
  const root = (json && typeof json === 'object' && 'output' in json ? (json as { output: unknown }).output : json) as
    Record<string, { articleBody?: string } | undefined>
  const out: Record<string, string> = {}
  for (const [id, v] of Object.entries(root)) out[id] = v?.articleBody ?? ''
  return out
}
