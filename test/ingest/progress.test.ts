import { describe, expect, it } from 'vitest'
import { createProgress, formatDuration } from '../../src/ingest/progress.js'

function sink(isTTY: boolean) {
  const out: string[] = []
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } }
}

describe('progress', () => {
  it('on a terminal: one line redrawn in place, with a bar, count, rate and ETA, then cleared', () => {
    const { out, stream } = sink(true)
    const p = createProgress(stream)
    p.update({ done: 5, filesDone: 1, filesTotal: 4, label: '5 stored' })
    p.update({ done: 6, filesDone: 1, filesTotal: 4, label: '6 stored' }) // within 100 ms: not redrawn
    p.update({ done: 20, filesDone: 4, filesTotal: 4, label: '20 stored' }) // the last file: always drawn
    p.clear()
    expect(out).toHaveLength(3)
    expect(out[0]).toMatch(/^\r\x1b\[K\[#####-{15}\] 5 items · [\d.]+\/s · file 1\/4 · ETA \d+:\d\d$/)
    expect(out[1]).toMatch(/^\r\x1b\[K\[#{20}\] 20 items · [\d.]+\/s · file 4\/4 · ETA \?$/)
    expect(out[2]).toBe('\r\x1b[K')
    expect(out.join('')).not.toContain('\n')
  })
  it('elsewhere: a plain line every N items', () => {
    const { out, stream } = sink(false)
    const p = createProgress(stream, { every: 10 })
    for (let done = 1; done <= 25; done++) p.update({ done, filesDone: 0, filesTotal: 1, label: `${done} stored` })
    p.clear()
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(/^ingest: 10 items \(10 stored\), [\d.]+\/s, file 0\/1, ETA \?\n$/)
    expect(out[1]).toMatch(/^ingest: 20 items/)
  })
  it('counts against the number of items when it is known (JSON Lines), so one big file still has an ETA', async () => {
    const { out, stream } = sink(true)
    const p = createProgress(stream)
    await new Promise((r) => setTimeout(r, 20))
    p.update({ done: 25, filesDone: 1, filesTotal: 1, itemsTotal: 100, label: '25 stored' })
    expect(out[0]).toMatch(/^\r\x1b\[K\[#####-{15}\] 25\/100 items · [\d.]+\/s · file 1\/1 · ETA \d+:\d\d$/)
  })
  it('estimates items from JSON Lines lines and plain files, and gives up on feeds and archives', async () => {
    const { estimateItems } = await import('../../src/ingest/sources.js')
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-estimate-'))
    writeFileSync(join(dir, 'a.jsonl'), '{"text":"a"}\n\n  \n{"text":"b"}\n{"text":"c"}')
    writeFileSync(join(dir, 'b.txt'), 'text')
    expect(estimateItems([join(dir, 'a.jsonl'), join(dir, 'b.txt')])).toBe(4)
    expect(estimateItems([join(dir, 'b.txt'), join(dir, 'c.warc.gz')])).toBeUndefined()
  })
  it('formats durations', () => {
    expect(formatDuration(75)).toBe('1:15')
    expect(formatDuration(3725)).toBe('1:02:05')
  })
})
