import { createHash } from 'node:crypto'
import type { Analysis, ArticleMeta, Diagnostic, Document, RemovedSpan } from './core/types.js'
import { extractHtml } from './extract/extract-html.js'
import { looksLikeHtml } from './extract/looks-like-html.js'
import { trimScrapedText } from './extract/trim-scraped.js'
import { findEntities } from './nlp/find-entities.js'
import { findEvents } from './nlp/find-events.js'
import { findQuotes } from './nlp/find-quotes.js'
import { quoteModelTag } from './nlp/quote-tagger.js'
import { findTimes } from './nlp/find-times.js'
import { splitSentences } from './nlp/split-sentences.js'
import { tokenize } from './nlp/tokenize.js'
import { PIPELINE_VERSION } from './version.js'

/** One article as it arrives: plain text or HTML, with whatever metadata the caller knows. */
export interface ArticleInput {
  id?: string | null
  url?: string | null
  title?: string | null
  /** Plain text (already scraped, or clean). */
  text?: string | null
  /** A web page. When both are given, `html` wins. */
  html?: string | null
  /** Publication date, ISO 8601. */
  published?: string | null
}

export interface AnalyzeOptions {
  /** Analyse the text exactly as given: no HTML extraction, no junk trimming. Default false. */
  raw?: boolean
  /** Reference date (YYYY-MM-DD) for time expressions; overrides the article's own date. */
  published?: string | null
  /** Whether plain `text` may be HTML (told apart by content). Default true. */
  sniffHtml?: boolean
}

/** A stable id from the content, for inputs that carry none. */
export function contentId(text: string): string {
  return 'a-' + createHash('sha1').update(text).digest('hex').slice(0, 12)
}

/**
 * The version an analysis records: the pipeline's, and "+nn1" when `NEWSGRAPH_QUOTE_NETWORKS` ran fewer
 * of the quote model's networks ("0.20.0+nn1"). `reanalyze` redoes stored articles whose version differs.
 */
export function analysisVersion(): string {
  return PIPELINE_VERSION + quoteModelTag()
}

/**
 * Runs the whole pipeline over one article and returns its analysis (the JSON contract).
 *
 * Order matters: extraction sets `text` once; tokens and sentences come next; entities need
 * sentences; quotes and sources need entities (to resolve speakers); events need all of them.
 *
 * @example analyzeArticle({ text: 'Lavrov said talks were "useful".' }, { published: '2023-07-08' })
 */
export function analyzeArticle(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const messages: Diagnostic[] = []
  let meta: Omit<ArticleMeta, 'id'> = {
    url: input.url ?? null,
    title: input.title ?? null,
    byline: null,
    published: input.published ?? null,
    site: null,
    language: null,
  }
  let text: string
  let removed: RemovedSpan[] = []
  const html = input.html ?? (options.raw || options.sniffHtml === false || !input.text || !looksLikeHtml(input.text) ? null : input.text)
  if (html !== null && !options.raw) {
    const article = extractHtml(html, input.url ? { url: input.url } : {})
    text = article.text
    meta = {
      url: article.url ?? meta.url,
      title: meta.title ?? article.title,
      byline: article.byline,
      published: meta.published ?? article.published,
      site: article.site,
      language: article.language,
    }
    if (article.error) messages.push({ severity: 'error', ruleId: 'extract:refused', reason: article.error })
    else if (!text) messages.push({ severity: 'warning', ruleId: 'extract:no-article', reason: 'no article text found in the page' })
  } else if (options.raw) {
    text = input.text ?? input.html ?? ''
  } else {
    const trimmed = trimScrapedText(input.text ?? '')
    text = trimmed.text
    removed = trimmed.removed
  }
  const reference = options.published ?? meta.published ?? null
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens)
  const doc: Document = {
    id: input.id ?? contentId(text),
    ...meta,
    text,
    removed,
    sentences,
    tokens,
    entities: [],
    times: [],
    quotes: [],
    sources: [],
    events: [],
    messages,
    version: analysisVersion(),
  }
  doc.entities = findEntities(doc)
  doc.times = findTimes(text, reference ? reference.slice(0, 10) : null)
  const { quotes, sources } = findQuotes(doc)
  doc.quotes = quotes
  doc.sources = sources
  doc.events = findEvents(doc)
  for (const q of quotes)
    if (q.speaker.kind === 'unknown')
      messages.push({ severity: 'info', ruleId: 'quotes:no-speaker', reason: 'quote without a speaker', start: q.start, end: q.end })
  const { tokens: _tokens, ...analysis } = doc
  return analysis
}
