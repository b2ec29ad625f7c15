import type { Entity } from '../../src/core/types.js'
import { findQuotes } from '../../src/nlp/find-quotes.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'

/** Tokenises, splits and finds the quotes of a text, as the pipeline does. */
export function analyse(text: string, entities: Entity[] = []) {
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens)
  return findQuotes({ text, tokens, sentences, entities })
}
