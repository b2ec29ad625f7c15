import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { allButTheTop, sphericalKMeans } from '../../scripts/build-glove-clusters.js'
import { parseClusters } from '../../src/nlp/entity-features.js'

const DIM = 100

/** `n` unit-ish vectors around each of the given axes, with a shared offset and a little noise (seeded). */
function groups(axes: number[], n: number, offset: number): Float32Array {
  let seed = 3
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) - 0.5
  const x = new Float32Array(axes.length * n * DIM)
  axes.forEach((axis, g) => {
    for (let i = 0; i < n; i++) {
      const o = (g * n + i) * DIM
      for (let d = 0; d < DIM; d++) x[o + d] = offset + 0.05 * rand()
      x[o + axis]! += 1
    }
  })
  return x
}

describe('building the GloVe word classes', () => {
  it('removes the mean that every vector shares', () => {
    const x = groups([3, 40], 10, 2)
    allButTheTop(x, 20, 0)
    for (let d = 0; d < DIM; d++) {
      let s = 0
      for (let i = 0; i < 20; i++) s += x[i * DIM + d]!
      expect(Math.abs(s / 20)).toBeLessThan(1e-5)
    }
  })

  it('puts vectors around one direction in one class and those around another in another', () => {
    const n = 12
    const x = groups([3, 40, 77], n, 0)
    for (let i = 0; i < 3 * n; i++) {
      let s = 0
      for (let d = 0; d < DIM; d++) s += x[i * DIM + d]! ** 2
      for (let d = 0; d < DIM; d++) x[i * DIM + d]! /= Math.sqrt(s)
    }
    const cls = sphericalKMeans(x, 3 * n, new Float64Array(3 * n).fill(1), 3, 'test')
    const of = (g: number) => new Set(Array.from(cls.subarray(g * n, (g + 1) * n)))
    expect([of(0).size, of(1).size, of(2).size]).toEqual([1, 1, 1])
    expect(new Set([...of(0), ...of(1), ...of(2)]).size).toBe(3)
  })

  const shipped = fileURLToPath(new URL('../../src/nlp/data/glove-clusters.tsv.gz', import.meta.url))
  it.skipIf(!existsSync(shipped))('ships a table of 100,000 words in 1024 / 256 / 64 classes', () => {
    const c = parseClusters(gunzipSync(readFileSync(shipped)).toString('utf8'))
    expect(c.fine.size).toBe(100_000)
    expect(c.mid.length).toBe(1024)
    expect(c.coarse.length).toBe(256)
    expect(Math.max(...c.coarse)).toBe(63)
  })
})
