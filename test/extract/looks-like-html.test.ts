import { describe, expect, it } from 'vitest'
import { looksLikeHtml } from '../../src/extract/looks-like-html.js'

const cases: [string, boolean][] = [
  ['<!DOCTYPE html><html><body><p>x</p></body></html>', true],
  ['  \n<html lang="en"><head><title>x</title></head></html>', true],
  ['<div class="a"><p>One</p><p>Two</p><a href="/">three</a></div>', true],
  ['The <p> tag marks a paragraph in HTML, as every web developer knows; this sentence is prose about it.', false],
  ['Plain text news article.\nSecond paragraph, with no markup at all.', false],
  ['', false],
  ['if (a < b && c > d) { return x }', false],
]

describe('looksLikeHtml', () => {
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected)
  })
})
