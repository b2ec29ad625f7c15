import * as chrono from 'chrono-node'
import type { TimeExpression } from '../core/types.js'

const pad = (n: number) => String(n).padStart(2, '0')
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const isoMonth = (y: number, m: number) => `${y}-${pad(m)}`

/** Monday of the week that holds `d` (ISO weeks start on Monday). */
function mondayOf(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
}
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000)

/**
 * Relative spans chrono resolves to a single instant; news means the whole period.
 * "Zelensky said this week" (published Saturday 2023-07-08) → 2023-07-03/2023-07-09.
 */
const PERIOD = /^(this|last|next|past|earlier this|later this)\s+(week|month|year)$/i

/** A bare year chrono leaves alone: "in 2016", "since 2014", "by 2030". */
const BARE_YEAR = /\b(?:in|since|by|from|until|of|during|before|after)\s+((?:19|20)\d\d)\b(?![-\/.]\d)/g

/**
 * Finds time expressions and resolves them against the reference date (the publication date).
 *
 * News refers back in time, so a bare month or weekday resolves to the most recent one on or
 * before the reference date: "in April" in an article of 2023-07-08 → "2023-04"; "on Tuesday" →
 * "2023-07-04"; "in December" → "2022-12". "last April" → the April before the reference month.
 * Periods resolve to intervals: "this week" → "2023-07-03/2023-07-09".
 * Without a reference date only absolute expressions (with a year) are kept.
 *
 * @param published reference date, `YYYY-MM-DD` (or a full ISO timestamp), or null
 */
export function findTimes(text: string, published: string | null): TimeExpression[] {
  const ref = published ? new Date(published.length === 10 ? `${published}T12:00:00Z` : published) : null
  const valid = ref !== null && !Number.isNaN(ref.getTime())
  const instant = valid ? ref : new Date(Date.UTC(2000, 0, 1, 12))
  const results = chrono.parse(text, { instant, timezone: 'UTC' }, { forwardDate: false })
  const times: TimeExpression[] = []
  for (const r of results) {
    let phrase = r.text.replace(/[\s,.;:]+$/u, '')
    let start = r.index
    const value = resolve(r, phrase, instant, valid)
    if (value === null) continue
    // Keep "last" / "this" that chrono left outside the match ("last April").
    const before = text.slice(Math.max(0, start - 5), start)
    const lead = /\b(last|this|next)\s$/i.exec(before)
    if (lead && !/^(last|this|next)\b/i.test(phrase)) {
      start -= lead[0].length
      phrase = text.slice(start, r.index) + phrase
    }
    times.push({ start, end: start + phrase.length, text: phrase, value })
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const year = m[1]!
    const start = m.index + m[0].length - year.length
    if (times.some((t) => start < t.end && t.start < start + 4)) continue
    times.push({ start, end: start + 4, text: year, value: year })
  }
  return times.sort((a, b) => a.start - b.start)
}

function resolve(r: chrono.ParsedResult, phrase: string, ref: Date, hasRef: boolean): string | null {
  const known = (c: string) => r.start.isCertain(c as chrono.Component)
  const get = (c: string) => r.start.get(c as chrono.Component) ?? 0
  // "now" and "today" in quotes say little about when an event happened; keep "today" only.
  if (/^(?:right )?now$/i.test(phrase)) return null
  const period = PERIOD.exec(phrase)
  if (period) {
    if (!hasRef) return null
    const which = period[1]!.toLowerCase()
    const unit = period[2]!.toLowerCase()
    const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0
    if (which === 'past') {
      const days = unit === 'week' ? 7 : unit === 'month' ? 30 : 365
      return `${isoDate(addDays(ref, -days))}/${isoDate(ref)}`
    }
    if (unit === 'week') {
      const mon = addDays(mondayOf(ref), 7 * shift)
      return `${isoDate(mon)}/${isoDate(addDays(mon, 6))}`
    }
    if (unit === 'month') {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1))
      return isoMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)
    }
    return String(ref.getUTCFullYear() + shift)
  }
  if (!hasRef && !known('year')) return null
  if (r.end) {
    const a = r.start.date()
    const b = r.end.date()
    return `${isoDate(a)}/${isoDate(b)}`
  }
  const refY = ref.getUTCFullYear()
  const refM = ref.getUTCMonth() + 1
  if (known('month') && !known('day') && !known('weekday')) {
    const month = get('month')
    const year = known('year') ? get('year') : month <= refM ? refY : refY - 1
    return isoMonth(year, month)
  }
  if (known('weekday') && !known('day')) {
    // "on Tuesday": the most recent Tuesday on or before the reference date.
    const wd = get('weekday')
    const back = (ref.getUTCDay() - wd + 7) % 7
    return isoDate(addDays(ref, -back))
  }
  if (known('year') && !known('month')) return String(get('year'))
  if (known('month') && known('day') && !known('year')) {
    const month = get('month')
    const day = get('day')
    const year = month < refM || (month === refM && day <= ref.getUTCDate()) ? refY : refY - 1
    return `${year}-${pad(month)}-${pad(day)}`
  }
  if (known('day') || known('weekday')) return isoDate(r.start.date())
  if (!known('hour')) return null
  return isoDate(r.start.date())
}
