/**
 * The positioned document that every pipeline stage enriches.
 *
 * All offsets are UTF-16 code units (JavaScript string indices) into `Document.text`;
 * `end` is exclusive. A document survives `JSON.parse(JSON.stringify(doc))` unchanged.
 */

/** A range of `Document.text`. Offsets are UTF-16 code units; `end` is exclusive. */
export interface Span {
  start: number
  end: number
}

/** A span together with the text it covers (`text === doc.text.slice(start, end)`). */
export interface Mention extends Span {
  text: string
}

/** A word or punctuation token. */
export interface Token extends Mention {}

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MISC'

/** A role a person holds, e.g. "Russian Foreign Minister", with the span it was read from. */
export interface RoleMention extends Mention {
  role: string
  /** The organisation the role belongs to, when it is named ("spokeswoman for the Russian Foreign Ministry"). */
  org?: string
}

export interface Entity {
  id: string
  name: string
  type: EntityType
  subtype?: string
  aliases: string[]
  roles: string[]
  /** Where each role was read; `roles` lists the distinct role strings. */
  roleMentions: RoleMention[]
  mentions: Mention[]
}

export interface TimeExpression extends Mention {
  /** ISO 8601 date (YYYY-MM-DD), month (YYYY-MM), year, or interval (start/end). */
  value: string
}

export type SpeakerKind = 'person' | 'organization' | 'outlet' | 'anonymous' | 'unknown'

export interface Speaker {
  kind: SpeakerKind
  /** The resolved entity id. */
  entity?: string
  /**
   * Who it is, by name: the resolved entity's name, else the name the mention gives ("Hugh Hill" of
   * "Hugh Hill, a doctor,"); omitted for pronouns that resolve to no one, anonymous and unnamed speakers.
   */
  name?: string
  /** The local mention of the speaker, omitted when the text has none near the quote. */
  start?: number
  end?: number
  text?: string
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed'

/**
 * What the attribution does, from its cue: `speech` (said, told, wrote, added, a colon or dash after a
 * name), `report` (reported, revealed, found, according to), `deny`, `accuse`, `claim` (claimed,
 * insisted, argued): statements; `belief` (thinks, believes, wants, fears) and `stance` (endorsed,
 * supported, criticized): attitudes a source holds; `other`: a cue outside the lexicon, a deed or a refusal,
 * and what polls, records and pictures show ("a poll shows …", "the autopsy found …": no one's statement).
 */
export type QuoteAct = 'speech' | 'report' | 'deny' | 'accuse' | 'claim' | 'belief' | 'stance' | 'other'

export interface Quote {
  id: string
  kind: QuoteKind
  act: QuoteAct
  start: number
  end: number
  /** The quoted content (for a split quote, from the first fragment's start to the last's end). */
  text: string
  fragments?: Span[]
  cue?: Mention
  speaker: Speaker
  /** The source the quote rests on (`sources[].id`). */
  source?: string
}

export type SourceKind = 'named' | 'organization' | 'outlet' | 'document' | 'anonymous'

export interface Source extends Mention {
  id: string
  kind: SourceKind
  entity?: string
  count?: number
  description?: string
}

export type Stance = 'asserted' | 'reported' | 'denied' | 'disputed'

export interface NewsEvent extends Span {
  id: string
  /**
   * Our event type: meet, statement, deny, accuse, claim, threaten, demand, investigate, negotiate,
   * appeal; and PLOVER's other types in lower case: agree, support, cooperate, aid, concede, retreat,
   * reject, request, protest, mobilize, sanction, coerce, assault.
   */
  type: string
  /** CAMEO code, e.g. "040". */
  code: string
  /** The PLOVER category, when there is one. */
  plover?: string
  text: string
  actors: string[]
  targets: string[]
  /** ISO 8601 value of the event's time, when the text gives one. */
  time?: string
  place?: string
  according: string[]
  stance: Stance
  /** For a denial or a dispute: the event or quote it denies. */
  denies?: string
  /** The earlier event that tells of the same happening (a meeting told twice); time and place may come from it. */
  sameAs?: string
}

export interface RemovedSpan extends Span {
  reason: string
}

export type Severity = 'info' | 'warning' | 'error'

/** A problem found in the input: reported on the document, not thrown. */
export interface Diagnostic {
  severity: Severity
  ruleId: string
  reason: string
  start?: number
  end?: number
}

export interface ArticleMeta {
  id: string
  url: string | null
  title: string | null
  byline: string | null
  published: string | null
  site: string | null
  language: string | null
}

/** The analysis of one article: the JSON contract of PRODUCT.md. */
export interface Analysis extends ArticleMeta {
  text: string
  removed: RemovedSpan[]
  sentences: Span[]
  entities: Entity[]
  times: TimeExpression[]
  quotes: Quote[]
  sources: Source[]
  events: NewsEvent[]
  messages: Diagnostic[]
  /** The pipeline version that produced this analysis. */
  version: string
}

/** What a stage sees: options fixed for the whole run. */
export interface StageContext {
  /** Reference date for resolving relative time expressions (YYYY-MM-DD). */
  published: string | null
}

/** The document while the pipeline runs: every stage fills in its layer. */
export interface Document extends Analysis {
  /** Word tokens of `text` (not part of the output). */
  tokens: Token[]
}
