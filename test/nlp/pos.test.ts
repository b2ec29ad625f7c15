import { describe, expect, it } from 'vitest'
import { posTags } from '../../src/nlp/pos.js'
import { tokenize } from '../../src/nlp/tokenize.js'

describe('posTags', () => {
  it('gives one Penn Treebank tag and lemma per token', () => {
    const tokens = tokenize('“We don’t know,” the minister said, adding that Trump’s plan would fail.')
    const { pos, lemma } = posTags(tokens)
    expect(pos).toHaveLength(tokens.length)
    expect(lemma).toHaveLength(tokens.length)
    const at = (w: string) => tokens.findIndex((t) => t.text === w)
    expect(pos[at('said')]).toBe('VBD')
    expect(lemma[at('said')]).toBe('say')
    expect(pos[at('minister')]).toBe('NN')
    expect(pos[at('would')]).toBe('MD')
    // split-off clitics are the words they stand for
    expect(pos[at('n’t')]).toBe('RB')
    expect(pos[at('Trump')]).toBe('NNP')
    expect(pos[at('’s')]).toBe('POS')
  })

  it('tags an empty document', () => {
    expect(posTags([])).toEqual({ pos: [], lemma: [] })
  })
})
