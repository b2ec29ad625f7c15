/** Where progress goes: stderr, usually. */
export interface ProgressOut {
  write(s: string): unknown
  isTTY?: boolean
}

export interface ProgressState {
  /** Items handled so far (stored, duplicate, skipped, failed, ...). */
  done: number
  /** Input files finished, and how many there are (for the ETA). */
  filesDone: number
  filesTotal: number
  /** How many items there will be, when known beforehand (JSON Lines lines, plain files). */
  itemsTotal?: number | undefined
  label: string
}

export interface Progress {
  update(state: ProgressState): void
  /** Clears the bar (on a TTY) before a message or the summary is written. */
  clear(): void
}

/**
 * Progress on stderr. On a terminal: one line redrawn at most ten times a second, with a bar over
 * the input files, the item count, the rate and the time left. Elsewhere (a log, a pipe, CI): a
 * plain line every `every` items.
 *
 * @example const p = createProgress(process.stderr, { every: 100 })
 */
export function createProgress(out: ProgressOut, options: { every?: number; tty?: boolean } = {}): Progress {
  const tty = options.tty ?? Boolean(out.isTTY)
  const every = Math.max(1, options.every ?? 100)
  const start = Date.now()
  let lastDraw = 0
  let drawn = false
  let lastLogged = 0
  const line = (s: ProgressState) => {
    const secs = (Date.now() - start) / 1000
    const rate = secs > 0 ? s.done / secs : 0
    // Items when their number is known, else input files.
    const fraction = s.itemsTotal ? Math.min(1, s.done / s.itemsTotal) : s.filesTotal > 0 ? s.filesDone / s.filesTotal : 0
    const eta = fraction > 0 && fraction < 1 ? formatDuration((secs / fraction) * (1 - fraction)) : '?'
    return { rate, fraction, eta, secs }
  }
  return {
    update(s) {
      if (tty) {
        const now = Date.now()
        if (now - lastDraw < 100 && (s.itemsTotal ? s.done < s.itemsTotal : s.filesDone < s.filesTotal)) return
        lastDraw = now
        const { rate, fraction, eta } = line(s)
        const width = 20
        const filled = Math.round(fraction * width)
        out.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${s.done}${s.itemsTotal ? `/${s.itemsTotal}` : ''} items · ${rate.toFixed(1)}/s · file ${s.filesDone}/${s.filesTotal} · ETA ${eta}`)
        drawn = true
      } else if (s.done - lastLogged >= every) {
        lastLogged = s.done - (s.done % every)
        const { rate, eta } = line(s)
        out.write(`ingest: ${s.done}${s.itemsTotal ? `/${s.itemsTotal}` : ''} items (${s.label}), ${rate.toFixed(1)}/s, file ${s.filesDone}/${s.filesTotal}, ETA ${eta}\n`)
      }
    },
    clear() {
      if (tty && drawn) {
        out.write('\r\x1b[K')
        drawn = false
      }
    },
  }
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(secs: number): string {
  const s = Math.max(0, Math.round(secs))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
