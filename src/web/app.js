// newsgraph web UI: plain browser JavaScript, no build step.
//
// Article content is untrusted: every string from the API goes into the page as a text node
// (textContent, createTextNode) or an attribute we name (title, data-*). Markup is never built
// from strings. Offsets in analyses are UTF-16 code units into `text`, which is exactly how
// String.prototype.slice counts, so spans are cut with slice().

import { networkSvg } from '/graph.js'

const main = document.getElementById('main')
const searchInput = document.getElementById('search')
const searchForm = document.getElementById('search-form')

/** Creates an element; `attrs` are set as attributes (class, title, href, data-*), children appended as nodes or text. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'class') node.className = String(value)
    else node.setAttribute(name, String(value))
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    node.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return node
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild)
}

function truncate(s, n) {
  s = String(s ?? '')
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

/** Wraps a quote's text in quotation marks unless it already starts with one. */
function quoted(s) {
  return /^["'“‘«„]/.test(s) ? s : '“' + s + '”'
}

/** An internal link that navigates without a reload. */
function link(path, ...children) {
  return el('a', { href: path, 'data-nav': '' }, ...children)
}

function articlePath(id) {
  return '/articles/' + encodeURIComponent(id)
}

function entityPath(name) {
  return '/entities/' + encodeURIComponent(name)
}

/** "2023-07-08T00:00:00.000Z" -> "2023-07-08"; anything else as given. */
function day(s) {
  return typeof s === 'string' ? s.replace(/^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/, '$1') : s
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
function safeExternalUrl(url) {
  if (typeof url !== 'string') return null
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

async function getJson(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } })
  let body
  try {
    body = await res.json()
  } catch {
    throw new Error(`${res.status} ${res.statusText}`)
  }
  if (!res.ok) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`)
  return body
}

function showError(err) {
  clear(main)
  main.append(el('p', { class: 'error' }, 'Error: ', String(err?.message ?? err)), el('p', {}, link('/', '← all articles')))
}

// ---------------------------------------------------------------- routing

function navigate(path, replace) {
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  render()
}

document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a[data-nav]') : null
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(a.getAttribute('href'))
})
window.addEventListener('popstate', render)

let searchTimer
searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer)
  searchTimer = setTimeout(() => {
    const q = searchInput.value.trim()
    navigate(q ? '/?q=' + encodeURIComponent(q) : '/', true)
  }, 250)
})
searchForm.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(searchTimer)
  const q = searchInput.value.trim()
  navigate(q ? '/?q=' + encodeURIComponent(q) : '/')
})

let renderSeq = 0
async function render() {
  const seq = ++renderSeq
  const path = location.pathname
  const q = new URLSearchParams(location.search).get('q') ?? ''
  if (document.activeElement !== searchInput) searchInput.value = q
  try {
    const article = /^\/articles\/([^/]+)$/.exec(path)
    const entity = /^\/entities\/([^/]+)$/.exec(path)
    if (article) {
      const a = await getJson('/api/articles/' + article[1])
      if (seq === renderSeq) renderArticle(a)
    } else if (entity) {
      const e = await getJson('/api/entities/' + entity[1])
      if (seq === renderSeq) renderEntity(e)
    } else if (q) {
      const result = await getJson('/api/search?q=' + encodeURIComponent(q))
      if (seq === renderSeq) renderSearch(result)
    } else {
      const [articles, people] = await Promise.all([getJson('/api/articles?limit=200'), getJson('/api/entities?type=PERSON&limit=15')])
      if (seq === renderSeq) renderList(articles, people.entities)
    }
  } catch (err) {
    if (seq === renderSeq) showError(err)
  }
}

// ---------------------------------------------------------------- lists

function articleItem(a) {
  const meta = [a.site, day(a.published)].filter(Boolean).join(' · ')
  return el(
    'li',
    { class: 'article-item' },
    link(articlePath(a.id), a.title || a.id),
    el('div', { class: 'muted small' }, meta ? meta + ' · ' : '', el('code', {}, a.id)),
    a.snippet ? el('div', { class: 'small snippet' }, a.snippet) : null,
  )
}

function entityItem(e) {
  return el(
    'li',
    {},
    el('span', { class: 'badge type-' + e.type }, e.type),
    ' ',
    link(entityPath(e.name), e.name),
    el('span', { class: 'muted small' }, ` ${e.articles} article${e.articles === 1 ? '' : 's'} · ${e.mentions} mentions`),
  )
}

function renderList(page, people) {
  clear(main)
  document.title = 'newsgraph'
  const side = el(
    'aside',
    { class: 'panel' },
    el('h2', {}, 'Most named people'),
    people.length === 0
      ? el('p', { class: 'muted' }, 'No people found.')
      : el(
          'ol',
          { class: 'people' },
          people.map((p) => el('li', {}, link(entityPath(p.name), p.name), el('span', { class: 'muted small' }, ` ${p.articles} articles · ${p.mentions} mentions`))),
        ),
  )
  main.append(
    el(
      'div',
      { class: 'layout' },
      el(
        'section',
        { class: 'content' },
        el('h1', {}, `${page.total} articles`),
        page.articles.length < page.total ? el('p', { class: 'muted small' }, `showing the first ${page.articles.length}`) : null,
        el('ul', { class: 'articles' }, page.articles.map(articleItem)),
      ),
      side,
    ),
  )
}

function quoteItem(h, showSpeaker) {
  const where = [h.outlet, day(h.published)].filter(Boolean).join(', ')
  return el(
    'li',
    { class: 'quote-hit' },
    el('blockquote', {}, quoted(truncate(h.text, 400))),
    el(
      'div',
      { class: 'small' },
      showSpeaker ? ['— ', h.speaker ? link(entityPath(h.speaker), h.speaker) : `(${h.speakerKind ?? 'unknown'})`, ', '] : '',
      where ? where + ', ' : '',
      'in ',
      link(articlePath(h.articleId) + '#' + encodeURIComponent(h.quoteId), h.title || h.articleId),
      h.sourceKind ? [' ', el('span', { class: 'src-tag src-' + h.sourceKind }, h.sourceKind)] : null,
    ),
  )
}

function renderSearch(result) {
  clear(main)
  document.title = `${result.q} — newsgraph`
  main.append(
    el('h1', {}, 'Search: ', el('q', {}, result.q)),
    el('p', {}, link('/', '← all articles')),
    el('div', { class: 'layout' }, [
      el(
        'section',
        { class: 'content' },
        el('h2', {}, `Quotes (${result.quotes.length})`),
        result.quotes.length === 0 ? el('p', { class: 'muted' }, 'No quotes match.') : el('ul', { class: 'hits quotes' }, result.quotes.map((h) => quoteItem(h, true))),
        el('h2', {}, `Articles (${result.articles.length})`),
        result.articles.length === 0 ? el('p', { class: 'muted' }, 'No articles match.') : el('ul', { class: 'articles' }, result.articles.map(articleItem)),
      ),
      el(
        'aside',
        { class: 'panel' },
        el('h2', {}, `People and other entities (${result.entities.length})`),
        result.entities.length === 0 ? el('p', { class: 'muted' }, 'No entities match.') : el('ul', { class: 'hits entities' }, result.entities.map(entityItem)),
      ),
    ]),
  )
}

// ---------------------------------------------------------------- entity view

function eventItem(ev) {
  return el(
    'li',
    { class: 'event' + (ev.involves === false ? ' denial' : '') },
    el(
      'div',
      {},
      el('span', { class: 'when' }, day(ev.time ?? ev.published) ?? 'undated'),
      ' ',
      el('strong', {}, ev.type),
      ' ',
      el('span', { class: 'badge stance-' + ev.stance }, ev.stance),
      ' ',
      ev.actors.length ? ev.actors.map((n, i) => [i ? ', ' : '', link(entityPath(n), n)]) : el('span', { class: 'muted' }, '(no actor)'),
      ev.targets.length ? [' → ', ev.targets.map((n, i) => [i ? ', ' : '', link(entityPath(n), n)])] : null,
      ev.place ? [' · in ', ev.place] : null,
    ),
    ev.denies ? el('div', { class: 'small' }, ev.stance === 'disputed' ? 'disputes: ' : 'denies: ', el('em', {}, truncate(ev.denies.text, 160))) : null,
    el('div', { class: 'muted small evidence' }, truncate(ev.text, 220)),
    el(
      'div',
      { class: 'muted small' },
      ev.according.length ? ['according to ', ev.according.map((s, i) => [i ? ', ' : '', el('span', { class: 'src-tag src-' + s.kind }, s.kind, ': ', truncate(s.text, 50))]), ' · '] : null,
      [ev.outlet, day(ev.published)].filter(Boolean).join(', '),
      ' · ',
      link(articlePath(ev.articleId) + '#' + encodeURIComponent(ev.eventId), ev.title || ev.articleId),
    ),
  )
}

function renderEntity(p) {
  clear(main)
  document.title = `${p.name} — newsgraph`
  const met = new Map()
  for (const m of p.meetings) for (const n of m.with) met.set(n, (met.get(n) ?? 0) + 1)
  const links = [...met].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, count]) => ({ name, count, href: entityPath(name) }))

  const meetings = el(
    'section',
    { class: 'meetings', id: 'meetings' },
    el('h2', {}, `Whom ${p.type === 'PERSON' ? 'they' : 'it'} met (${p.meetings.length})`),
    p.meetings.length === 0
      ? el('p', { class: 'muted' }, 'No meetings found.')
      : [
          links.length ? networkSvg(p.name, links) : null,
          el(
            'ul',
            { class: 'hits' },
            p.meetings.map((m) =>
              el(
                'li',
                { class: 'meeting' },
                el(
                  'div',
                  {},
                  el('strong', {}, 'met '),
                  m.with.length ? m.with.map((n, i) => [i ? ', ' : '', link(entityPath(n), n)]) : el('span', { class: 'muted' }, '(others not named)'),
                  ' ',
                  el('span', { class: 'badge stance-' + m.stance }, m.stance),
                  m.place ? [' · in ', m.place] : null,
                  m.time ? [' · ', m.time] : null,
                ),
                m.according.length ? el('div', { class: 'small' }, 'according to ', m.according.map((s, i) => [i ? ', ' : '', el('span', { class: 'src-tag src-' + s.kind }, s.kind, ': ', truncate(s.text, 50))])) : null,
                m.deniedBy.map((d) => el('div', { class: 'small denied-by' }, el('span', { class: 'badge stance-denied' }, d.stance === 'disputed' ? 'disputed' : 'denied'), ' by ', d.actors.length ? d.actors.join(', ') : '(unnamed)', ': ', el('em', {}, truncate(d.text, 160)))),
                el('div', { class: 'muted small evidence' }, truncate(m.text, 220)),
                el('div', { class: 'muted small' }, [m.outlet, day(m.published)].filter(Boolean).join(', '), ' · ', link(articlePath(m.articleId) + '#' + encodeURIComponent(m.eventId), m.title || m.articleId)),
              ),
            ),
          ),
        ],
  )

  const side = el(
    'aside',
    { class: 'panel' },
    el('h2', {}, 'Timeline'),
    p.events.length === 0 ? el('p', { class: 'muted small' }, 'No events found.') : el('ol', { class: 'timeline' }, p.events.map(eventItem)),
  )

  main.append(
    el('p', { class: 'small' }, link('/', '← all articles')),
    el(
      'div',
      { class: 'layout' },
      el(
        'section',
        { class: 'content entity' },
        el('h1', {}, p.name, ' ', el('span', { class: 'badge type-' + p.type }, p.type)),
        el('p', { class: 'muted small' }, `named in ${p.articles} article${p.articles === 1 ? '' : 's'} · ${p.mentions} mentions`),
        p.roles.length ? el('p', { class: 'roles' }, el('strong', {}, 'Roles: '), p.roles.join('; ')) : null,
        p.aliases.length ? el('p', { class: 'aliases' }, el('strong', {}, 'Also named: '), p.aliases.join(', ')) : null,
        meetings,
        el(
          'section',
          { class: 'quotes', id: 'quotes' },
          el('h2', {}, `Quotes (${p.quotes.length})`),
          p.quotes.length === 0 ? el('p', { class: 'muted' }, 'No quotes found.') : el('ul', { class: 'hits quotes' }, p.quotes.map((h) => quoteItem(h, false))),
        ),
      ),
      side,
    ),
  )
}

// ---------------------------------------------------------------- article view

const SOURCE_KINDS = ['named', 'organization', 'outlet', 'document', 'anonymous']
const ENTITY_TYPES = ['PERSON', 'ORG', 'LOC', 'MISC']

function validSpan(s, length) {
  return s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end
}

/**
 * Cuts `text` at every span boundary and wraps each piece in a <span> carrying the classes of
 * the annotations that cover it, so overlapping layers (a source inside a quote, a speaker
 * that is also an entity mention) all show. Returns the pieces of each annotation by key.
 */
function highlight(container, text, annotations) {
  const bounds = new Set([0, text.length])
  const valid = annotations.filter((a) => validSpan(a, text.length))
  for (const a of valid) {
    bounds.add(a.start)
    bounds.add(a.end)
  }
  const points = [...bounds].sort((x, y) => x - y)
  const starts = new Map()
  for (const a of valid) {
    if (!starts.has(a.start)) starts.set(a.start, [])
    starts.get(a.start).push(a)
  }
  const pieces = new Map()
  let active = []
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]
    const to = points[i + 1]
    active = active.filter((a) => a.end > from).concat(starts.get(from) ?? [])
    const piece = text.slice(from, to)
    if (active.length === 0) {
      container.append(document.createTextNode(piece))
      continue
    }
    const classes = new Set()
    const titles = []
    for (const a of active) {
      for (const c of a.classes) classes.add(c)
      if (a.title && !titles.includes(a.title)) titles.push(a.title)
    }
    const span = el('span', { class: [...classes].join(' '), title: titles.join('\n') || null }, piece)
    container.append(span)
    for (const a of active) {
      if (!pieces.has(a.key)) pieces.set(a.key, [])
      pieces.get(a.key).push(span)
    }
  }
  return pieces
}

function flash(nodes) {
  if (!nodes || nodes.length === 0) return false
  nodes[0].scrollIntoView({ behavior: 'smooth', block: 'center' })
  for (const n of nodes) {
    n.classList.remove('flash')
    void n.offsetWidth // restart the animation
    n.classList.add('flash')
  }
  setTimeout(() => nodes.forEach((n) => n.classList.remove('flash')), 1800)
  return true
}

function renderArticle(a) {
  clear(main)
  document.title = `${a.title || a.id} — newsgraph`
  const text = typeof a.text === 'string' ? a.text : ''
  const entities = new Map((a.entities ?? []).map((e) => [e.id, e]))
  const sources = new Map((a.sources ?? []).map((s) => [s.id, s]))
  const entityName = (id) => entities.get(id)?.name ?? id
  const speakerLabel = (sp) => (sp?.entity && entities.has(sp.entity) ? entities.get(sp.entity).name : sp?.text) || `(${sp?.kind ?? 'unknown'} speaker)`

  // Annotations, outermost layers first.
  const ann = []
  for (const ev of a.events ?? []) {
    ann.push({ key: 'ev:' + ev.id, start: ev.start, end: ev.end, classes: ['ev'] })
  }
  for (const q of a.quotes ?? []) {
    const frags = Array.isArray(q.fragments) && q.fragments.length > 0 ? q.fragments : [q]
    const title = `${q.kind} quote — ${speakerLabel(q.speaker)}`
    for (const f of frags) ann.push({ key: 'q:' + q.id, start: f.start, end: f.end, classes: ['q', 'q-' + q.kind], title })
    if (q.cue) ann.push({ key: 'q:' + q.id, start: q.cue.start, end: q.cue.end, classes: ['cue'], title: 'cue: ' + q.cue.text })
    if (Number.isInteger(q.speaker?.start)) {
      ann.push({ key: 'q:' + q.id, start: q.speaker.start, end: q.speaker.end, classes: ['spk'], title: `speaker (${q.speaker.kind})` })
    }
  }
  for (const s of a.sources ?? []) {
    const kind = SOURCE_KINDS.includes(s.kind) ? s.kind : 'named'
    const extra = [s.count ? `${s.count}` : '', s.description ?? ''].filter(Boolean).join(', ')
    ann.push({ key: 's:' + s.id, start: s.start, end: s.end, classes: ['src', 'src-' + kind], title: `source (${s.kind})${extra ? ': ' + extra : ''}` })
  }
  for (const e of a.entities ?? []) {
    const type = ENTITY_TYPES.includes(e.type) ? e.type : 'MISC'
    for (const m of e.mentions ?? []) ann.push({ key: 'e:' + e.id, start: m.start, end: m.end, classes: ['ent', 'ent-' + type], title: `${e.name} (${e.type}${e.subtype ? ', ' + e.subtype : ''})` })
  }

  const body = el('div', { class: 'article-text', id: 'article-text' })
  const pieces = highlight(body, text, ann)
  const go = (key) => () => flash(pieces.get(key))

  const external = safeExternalUrl(a.url)
  const meta = el(
    'p',
    { class: 'muted small' },
    [a.site, a.byline, a.published].filter(Boolean).join(' · '),
    external ? [' · ', el('a', { href: external, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : a.url ? [' · ', a.url] : null,
  )

  // Layer toggles: the legend doubles as a filter.
  const layers = [
    ['q', 'quote'],
    ['spk', 'speaker'],
    ['cue', 'cue'],
    ['ent', 'entity'],
    ['src-named', 'named source'],
    ['src-organization', 'organisation'],
    ['src-outlet', 'outlet'],
    ['src-document', 'document'],
    ['src-anonymous', 'anonymous source'],
  ]
  const legend = el(
    'div',
    { class: 'legend small' },
    layers.map(([cls, label]) => {
      const box = el('input', { type: 'checkbox', checked: '' })
      box.addEventListener('change', () => body.classList.toggle('hide-' + cls, !box.checked))
      return el('label', {}, box, ' ', el('span', { class: 'sample ' + (cls.startsWith('src-') ? 'src ' : '') + cls }, label))
    }),
  )

  const item = (key, ...children) => {
    const li = el('li', { class: 'item', tabindex: '0', role: 'button', 'data-key': key }, ...children)
    li.addEventListener('click', go(key))
    li.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        go(key)()
      }
    })
    return li
  }

  const sourceLabel = (id) => {
    const s = sources.get(id)
    return s ? el('span', { class: 'src-tag src-' + s.kind }, s.kind, ': ', truncate(s.text, 60)) : el('span', { class: 'muted' }, id)
  }

  const quotes = a.quotes ?? []
  const events = a.events ?? []
  const srcs = a.sources ?? []
  const ents = [...(a.entities ?? [])].sort((x, y) => (y.mentions?.length ?? 0) - (x.mentions?.length ?? 0))

  const panel = el(
    'aside',
    { class: 'panel' },
    el('h2', {}, 'Who said what, according to whom'),
    el('h3', {}, `Quotes (${quotes.length})`),
    quotes.length === 0
      ? el('p', { class: 'muted small' }, 'No quotes found.')
      : el(
          'ol',
          { class: 'items' },
          quotes.map((q) =>
            item(
              'q:' + q.id,
              el('div', { class: 'who' }, el('strong', {}, speakerLabel(q.speaker)), ' ', el('span', { class: 'badge' }, q.speaker?.kind ?? 'unknown'), ' ', el('span', { class: 'badge kind' }, q.kind)),
              el('div', { class: 'what' }, quoted(truncate(q.text, 280))),
              el(
                'div',
                { class: 'muted small' },
                q.cue ? ['cue: ', el('em', {}, q.cue.text)] : 'no cue',
                q.source ? [' · according to ', sourceLabel(q.source)] : null,
              ),
            ),
          ),
        ),
    el('h3', {}, `Events (${events.length})`),
    events.length === 0
      ? el('p', { class: 'muted small' }, 'No events found.')
      : el(
          'ol',
          { class: 'items' },
          events.map((ev) =>
            item(
              'ev:' + ev.id,
              el(
                'div',
                { class: 'who' },
                el('strong', {}, ev.type),
                ev.code ? el('span', { class: 'muted small' }, ' CAMEO ', ev.code) : null,
                ' ',
                el('span', { class: 'badge stance-' + ev.stance }, ev.stance),
              ),
              el(
                'div',
                { class: 'small' },
                (ev.actors ?? []).length ? (ev.actors ?? []).map(entityName).join(', ') : '(no actor)',
                (ev.targets ?? []).length ? [' → ', (ev.targets ?? []).map(entityName).join(', ')] : null,
                ev.time ? [' · ', ev.time] : null,
                ev.place ? [' · in ', entityName(ev.place)] : null,
              ),
              (ev.according ?? []).length ? el('div', { class: 'small' }, 'according to ', (ev.according ?? []).map((id, i) => [i ? ', ' : '', sourceLabel(id)])) : null,
              el('div', { class: 'muted small evidence' }, truncate(ev.text ?? text.slice(ev.start, ev.end), 160)),
            ),
          ),
        ),
    el('h3', {}, `Sources (${srcs.length})`),
    srcs.length === 0
      ? el('p', { class: 'muted small' }, 'No sources found.')
      : el(
          'ol',
          { class: 'items' },
          srcs.map((s) =>
            item(
              's:' + s.id,
              el('span', { class: 'src-tag src-' + s.kind }, s.kind),
              ' ',
              truncate(s.text, 120),
              s.count || s.description ? el('div', { class: 'muted small' }, [s.count ? `count ${s.count}` : '', s.description ?? ''].filter(Boolean).join(' · ')) : null,
            ),
          ),
        ),
    el('h3', {}, `Entities (${ents.length})`),
    ents.length === 0
      ? el('p', { class: 'muted small' }, 'No entities found.')
      : el(
          'ul',
          { class: 'items entities' },
          ents.map((e) =>
            item(
              'e:' + e.id,
              el('span', { class: 'badge type-' + e.type }, e.type),
              ' ',
              el('strong', {}, e.name),
              el('span', { class: 'muted small' }, ` ×${e.mentions?.length ?? 0} · `, link(entityPath(e.name), 'across articles →')),
              (e.roles ?? []).length ? el('div', { class: 'muted small' }, e.roles.join('; ')) : null,
              (e.aliases ?? []).length ? el('div', { class: 'muted small' }, 'also: ', e.aliases.join(', ')) : null,
            ),
          ),
        ),
  )

  main.append(
    el('p', { class: 'small' }, link('/', '← all articles')),
    el(
      'div',
      { class: 'layout' },
      el('article', { class: 'content' }, el('h1', {}, a.title || a.id), meta, legend, body),
      panel,
    ),
  )

  // /articles/<id>#<quote or entity id> (from search results): flash that item.
  if (location.hash.length > 1) {
    let id = ''
    try {
      id = decodeURIComponent(location.hash.slice(1))
    } catch {}
    const key = ['q:', 'e:', 's:', 'ev:'].map((p) => p + id).find((k) => pieces.has(k))
    if (key) setTimeout(() => flash(pieces.get(key)), 50)
  }
}

render()
