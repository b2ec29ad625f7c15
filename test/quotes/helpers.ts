import { expect } from 'vitest'
import type { Entity, Quote } from '../../src/core/types.js'
import { findEntities } from '../../src/nlp/find-entities.js'
import { findQuotes } from '../../src/nlp/find-quotes.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

/** Tokenises, splits and finds the quotes of a text, as the pipeline does. */
export function analyse(text: string, entities: Entity[] = []) {
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens)
  return findQuotes({ text, tokens, sentences, entities })
}

/** The quote stage with the entity stage before it, as the pipeline runs them (speaker names come from entities). */
export function analyseWithEntities(text: string) {
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens)
  const entities = findEntities({ text, tokens, sentences })
  return { entities, ...findQuotes({ text, tokens, sentences, entities }) }
}

/** The rule attributions alone (no tagger), so that the shipped model does not hide what the rules do. */
export function rules(text: string) {
  const tokens = tokenize(text)
  return findQuotes({ text, tokens, sentences: splitSentences(text, tokens), entities: [] }, { model: null })
}

/** A quote's content as text, its fragments joined by " // ". */
export const content = (text: string, q: Quote): string => (q.fragments ?? [q]).map((f) => text.slice(f.start, f.end)).join(' // ')

/** Text without the quotation marks, spaces and closing punctuation around it. */
export const bare = (s: string): string => s.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».,]+$/g, '')

/** One line per quote, for failure messages. */
export const show = (text: string, quotes: Quote[]): string[] => quotes.map((q) => `${q.kind} [${content(text, q)}] cue=${q.cue?.text ?? ''} speaker=${q.speaker.text ?? ''}`)

/**
 * Asserts that the rules alone find a quote whose content is `quote` (compared by `same`, ignoring marks),
 * with this cue and speaker text.
 */
export function expectRuleQuote(text: string, quote: string, cue: string, speaker: string, same = (found: string) => bare(found) === bare(quote)): void {
  const { quotes } = rules(text)
  const q = quotes.find((x) => same(content(text, x)))
  expect(q, show(text, quotes).join('\n')).toBeDefined()
  expect(q!.cue?.text).toBe(cue)
  expect(q!.speaker.text).toBe(speaker)
}
