/**
 * The OpenAPI 3.1 description of the HTTP API, served at `/api/openapi.json`. A test checks that
 * every route the server answers is listed here and the other way round.
 */

const error = { $ref: '#/components/responses/Error' }
const limit = (max = 500, def = 50) => ({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: def } })
const str = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string', maxLength: 200 } })
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })
const nullableString = { type: ['string', 'null'] }
const QUOTE_ACTS = ['speech', 'report', 'deny', 'accuse', 'claim', 'belief', 'stance', 'other']

const quoteRow = {
  type: 'object',
  properties: {
    articleId: { type: 'string' },
    quoteId: { type: 'string' },
    kind: { enum: ['direct', 'indirect', 'mixed'] },
    act: { enum: [...QUOTE_ACTS, null], description: 'what the attribution does; null for quotes stored before acts were kept (newsgraph reanalyze fills it)' },
    text: { type: 'string' },
    speaker: nullableString,
    speakerKind: { enum: ['person', 'organization', 'outlet', 'anonymous', 'unknown'] },
    sourceKind: { enum: ['named', 'organization', 'outlet', 'document', 'anonymous', 'unknown'] },
    outlet: nullableString,
    published: nullableString,
    url: nullableString,
  },
}

const entityRow = {
  type: 'object',
  properties: { name: { type: 'string' }, type: { enum: ['PERSON', 'ORG', 'LOC', 'MISC'] }, articles: { type: 'integer' }, mentions: { type: 'integer' } },
}

const eventRow = {
  type: 'object',
  properties: {
    articleId: { type: 'string' },
    title: nullableString,
    outlet: nullableString,
    published: nullableString,
    eventId: { type: 'string' },
    type: { type: 'string', description: 'meet, statement, deny, accuse, claim, threaten, demand, investigate, negotiate, appeal' },
    stance: { enum: ['asserted', 'reported', 'denied', 'disputed'] },
    text: { type: 'string' },
    time: nullableString,
    place: nullableString,
    actors: { type: 'array', items: { type: 'string' } },
    targets: { type: 'array', items: { type: 'string' } },
    according: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, text: { type: 'string' } } } },
    denies: { type: ['object', 'null'] },
    involves: { type: 'boolean', description: 'With `actor`: false for an event that denies one the actor takes part in' },
  },
}

/** The OpenAPI 3.1 document (a fresh object each call). */
const sourceKinds = { type: 'object', properties: Object.fromEntries(['named', 'organization', 'outlet', 'document', 'anonymous'].map((k) => [k, { type: 'integer' }])) }
const outletSummary = {
  type: 'object',
  properties: {
    outlet: { type: 'string' },
    articles: { type: 'integer' },
    anonymousArticles: { type: 'integer', description: 'articles resting on at least one anonymous source' },
    sources: sourceKinds,
    quotes: { type: 'integer' },
    anonymousQuotes: { type: 'integer' },
  },
}

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph',
      version: '1',
      description:
        'Who said what, who met whom, who denied or accused what, according to whom. Offsets in analyses are UTF-16 code units into `text`. Errors are `{error: {code, message}}`.',
    },
    paths: {
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } } },
      '/api/articles': {
        get: {
          summary: 'Stored articles, oldest first (near-duplicates left out)',
          parameters: [limit(), { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }],
          responses: {
            200: ok('A page of articles', {
              type: 'object',
              properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, articles: { type: 'array', items: { $ref: '#/components/schemas/ArticleSummary' } } },
            }),
            400: error,
          },
        },
        post: {
          summary: 'Analyse an article and store it',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'Exactly one of text, html, url. At most 1 MB.',
                  properties: { text: { type: 'string' }, html: { type: 'string' }, url: { type: 'string', format: 'uri' }, title: { type: 'string' }, published: { type: 'string' }, id: { type: 'string' } },
                  additionalProperties: false,
                },
              },
            },
          },
          responses: {
            201: ok('Stored (status stored or near-duplicate)', { $ref: '#/components/schemas/PutResult' }),
            200: ok('Already stored (status duplicate)', { $ref: '#/components/schemas/PutResult' }),
            400: error,
            401: error,
            403: error,
            413: error,
            415: error,
            422: error,
            502: error,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: "One article's full analysis",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('The analysis (the JSON contract of PRODUCT.md)', { type: 'object' }), 404: error },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Entities whose name or alias contains q (the most named without q), merged by name',
          parameters: [str('q', 'name or alias, substring, ignoring case'), { name: 'type', in: 'query', schema: { enum: ['PERSON', 'ORG', 'LOC', 'MISC'] } }, limit()],
          responses: { 200: ok('Entities', { type: 'object', properties: { q: nullableString, entities: { type: 'array', items: entityRow } } }), 400: error },
        },
      },
      '/api/entities/{name}': {
        get: {
          summary: 'One entity: aliases, roles, quotes across outlets with dates, meetings with the other participants, events',
          parameters: [
            { name: 'name', in: 'path', required: true, description: 'a name or alias, ignoring case', schema: { type: 'string' } },
            { ...limit(500, 20), description: 'how many of the newest articles naming it to read for quotes, meetings and events' },
            { name: 'offset', in: 'query', description: 'articles to skip (newest first), to page through them', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            200: ok('The entity profile', {
              type: 'object',
              properties: {
                name: { type: 'string' },
                type: { type: 'string' },
                aliases: { type: 'array', items: { type: 'string' } },
                roles: { type: 'array', items: { type: 'string' } },
                articles: { type: 'integer' },
                mentions: { type: 'integer' },
                outlets: { type: 'array', description: 'the outlets naming it, most articles first', items: { type: 'object', properties: { outlet: nullableString, articles: { type: 'integer' } } } },
                quotes: { type: 'array', items: { type: 'object' } },
                meetings: { type: 'array', items: { type: 'object', properties: { with: { type: 'array', items: { type: 'string' } }, deniedBy: { type: 'array' } } } },
                events: { type: 'array', items: eventRow },
                articlesRead: { type: 'integer' },
                articlesTotal: { type: 'integer', description: 'articles naming it, people linked across articles included' },
              },
            }),
            400: error,
            404: error,
          },
        },
      },
      '/api/quotes': {
        get: {
          summary: 'Stored quotes, in the order stored',
          parameters: [
            str('speaker', 'speaker name contains'),
            str('outlet', 'site name or URL host contains'),
            { name: 'kind', in: 'query', description: 'the source the quote rests on', schema: { enum: ['named', 'organization', 'outlet', 'document', 'anonymous', 'unknown'] } },
            {
              name: 'act',
              in: 'query',
              description: 'what the attribution does: one act, or a comma list (deny,accuse); statement stands for speech, report, deny, accuse and claim',
              style: 'form',
              explode: false,
              schema: { type: 'array', items: { enum: [...QUOTE_ACTS, 'statement'] } },
            },
            { name: 'since', in: 'query', description: 'published on or after', schema: { type: 'string', format: 'date' } },
            limit(),
          ],
          responses: { 200: ok('Quotes', { type: 'object', properties: { quotes: { type: 'array', items: quoteRow } } }), 400: error },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events, newest article first: of a type, and/or those an entity takes part in (with their denials)',
          parameters: [str('type', 'meet, statement, deny, accuse, …'), str('actor', 'entity name or alias'), limit()],
          responses: { 200: ok('Events', { type: 'object', properties: { events: { type: 'array', items: eventRow } } }), 400: error },
        },
      },
      '/api/outlets': {
        get: {
          summary: 'Outlets (site name, else URL host), most articles first, with how their articles are sourced',
          parameters: [limit()],
          responses: { 200: ok('Outlets', { type: 'object', properties: { outlets: { type: 'array', items: outletSummary } } }), 400: error },
        },
      },
      '/api/outlets/{name}': {
        get: {
          summary: 'One outlet: how much of its reporting rests on anonymous sources, by month; the commonest anonymous-source descriptions; its newest articles',
          parameters: [{ name: 'name', in: 'path', required: true, description: 'the outlet exactly as /api/outlets gives it', schema: { type: 'string' } }],
          responses: {
            200: ok('The outlet', {
              type: 'object',
              properties: {
                ...outletSummary.properties,
                months: { type: 'array', items: { type: 'object', properties: { month: { ...nullableString, description: 'YYYY-MM; null for undated articles' }, articles: { type: 'integer' }, anonymousArticles: { type: 'integer' } } } },
                descriptions: { type: 'array', items: { type: 'object', properties: { description: { type: 'string' }, count: { type: 'integer' } } } },
                recent: { type: 'array', items: { type: 'object', properties: { articleId: { type: 'string' }, title: nullableString, published: nullableString, sources: { type: 'integer' }, anonymous: { type: 'integer' } } } },
              },
            }),
            400: error,
            404: error,
          },
        },
      },
      '/api/sources': {
        get: {
          summary: 'The sources statements rest on, newest article first',
          parameters: [
            str('outlet', 'the outlet, exactly as /api/outlets gives it'),
            { name: 'kind', in: 'query', schema: { enum: ['named', 'organization', 'outlet', 'document', 'anonymous'] } },
            str('q', 'contained in the source text or its description, ignoring case'),
            limit(),
          ],
          responses: {
            200: ok('Sources', {
              type: 'object',
              properties: {
                sources: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      articleId: { type: 'string' },
                      title: nullableString,
                      outlet: nullableString,
                      published: nullableString,
                      sourceId: { type: 'string' },
                      kind: { type: 'string' },
                      text: { type: 'string' },
                      count: { type: ['integer', 'null'], description: 'for anonymous sources: how many people' },
                      description: nullableString,
                      entity: nullableString,
                    },
                  },
                },
              },
            }),
            400: error,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Articles (full text, best first), entities (name or alias) and quotes (text or speaker)',
          parameters: [str('q', 'the words to look for', true), limit(500, 20)],
          responses: {
            200: ok('Hits', {
              type: 'object',
              properties: {
                q: { type: 'string' },
                articles: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: nullableString, url: nullableString, published: nullableString, snippet: { type: 'string' } } } },
                entities: { type: 'array', items: entityRow },
                quotes: { type: 'array', items: quoteRow },
              },
            }),
            400: error,
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'The whole store, in the order stored (near-duplicates too)',
          parameters: [{ name: 'format', in: 'query', schema: { enum: ['jsonl', 'csv'], default: 'jsonl' } }],
          responses: {
            200: { description: 'One analysis per line, or one CSV row per article', content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } },
            400: error,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'NEWSGRAPH_TOKEN, or the token in newsgraph.token next to the SQLite store' } },
      responses: {
        Error: {
          description: 'An expected error',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['error'],
                properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
      schemas: {
        ArticleSummary: {
          type: 'object',
          properties: { id: { type: 'string' }, title: nullableString, url: nullableString, site: nullableString, published: nullableString, version: { type: 'string' }, duplicateOf: nullableString },
        },
        PutResult: {
          type: 'object',
          properties: { id: { type: 'string' }, status: { enum: ['stored', 'duplicate', 'near-duplicate'] }, duplicateOf: { type: 'string' } },
        },
      },
    },
  }
}
