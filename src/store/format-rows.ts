/** A row to print: flat values only. */
export type FlatRow = Record<string, string | number | boolean | null | undefined>

/** RFC 4180 CSV: a header line from the first row's keys, fields quoted when they need it, CRLF-free. */
export function toCsv(rows: readonly FlatRow[], columns: readonly string[] = Object.keys(rows[0] ?? {})): string {
  const field = (v: FlatRow[string]) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\n') + '\n'
}

/** A plain-text table, columns padded, long cells cut at `maxWidth` with "…". */
export function toTable(rows: readonly FlatRow[], columns: readonly string[] = Object.keys(rows[0] ?? {}), maxWidth = 60): string {
  if (rows.length === 0) return '(none)\n'
  const cell = (v: FlatRow[string]) => {
    const s = (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ')
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s
  }
  const cells = rows.map((r) => columns.map((c) => cell(r[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)))
  const line = (vals: string[]) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd()
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n'
}
