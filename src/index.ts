/**
 * newsgraph: reads news articles and records, with evidence, who said what, who met whom, who denied
 * or accused what, and according to whom.
 *
 * @example
 * import { analyzeArticle } from 'newsgraph'
 * const a = analyzeArticle({ text: '"We will not give in," Zelensky said.' }, { published: '2023-07-08' })
 * a.quotes[0].speaker // { kind: 'person', entity: 'e1', start: 23, end: 31, text: 'Zelensky' }
 */
export type * from './core/types.js'
export { analysisSchema, checkAnalysisIntegrity, type AnalysisJson } from './core/schema.js'
export { analyzeArticle, contentId, type AnalyzeOptions, type ArticleInput } from './pipeline.js'
export { extractHtml, type ExtractedArticle } from './extract/extract-html.js'
export { trimScrapedText } from './extract/trim-scraped.js'
export { looksLikeHtml } from './extract/looks-like-html.js'
export { decodeHtmlBytes } from './extract/decode.js'
export { tokenize } from './nlp/tokenize.js'
export { splitSentences } from './nlp/split-sentences.js'
export { findTimes } from './nlp/find-times.js'
export { findEntities } from './nlp/find-entities.js'
export { findQuotes } from './nlp/find-quotes.js'
export { findEvents } from './nlp/find-events.js'
export { PIPELINE_VERSION } from './version.js'
