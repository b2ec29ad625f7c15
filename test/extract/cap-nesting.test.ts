import { describe, expect, it } from 'vitest'
import { capNesting } from '../../src/extract/cap-nesting.js'

describe('capNesting', () => {
  it('returns ordinary pages unchanged (same string)', () => {
    const html = '<html><body><div><p>a<br>b</p><script>if (a<b) document.write("<div>")</script><!-- <div> --></div></body></html>'
    expect(capNesting(html)).toBe(html)
  })
  it('flattens tags beyond the depth limit and keeps their text', () => {
    const html = `${'<div>'.repeat(10)}deep text${'</div>'.repeat(10)}`
    const out = capNesting(html, 3)
    expect(out.match(/<div>/g)?.length).toBe(3)
    expect(out.match(/<\/div>/g)?.length).toBe(3)
    expect(out).toContain('deep text')
  })
})
