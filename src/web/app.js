// newsgraph web UI: plain browser JavaScript, no build step.
//
// Article content is untrusted: every string from the API goes into the page as a text node
// (textContent, createTextNode) or an attribute we name (title, data-*). Markup is never built
// from strings. Offsets in analyses are UTF-16 code units into `text`, which is exactly how
// String.prototype.slice counts, so spans are cut with slice().

import { drawMonthChart, drawOutletShareChart, drawSourceKindChart, monthLabel, SOURCE_KIND_LABELS, SOURCE_KINDS } from '/chart.js'
import { drawNetwork } from '/graph.js'

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
  if (node === main) disposeWidgets()
  while (node.firstChild) node.removeChild(node.firstChild)
}

/** Charts and networks on the current page; destroyed (listeners, observers, canvases) when it is replaced. */
let widgets = []
function disposeWidgets() {
  for (const w of widgets) {
    try {
      w.destroy()
    } catch {}
  }
  widgets = []
}

/**
 * Loads a library's browser build (a classic script from /vendor/, allowed by `script-src 'self'`)
 * once, and resolves to the global it defines. Only the pages that draw load them.
 */
const scripts = new Map()
function loadScript(src, globalName) {
  if (!scripts.has(src)) {
    scripts.set(
      src,
      new Promise((resolve, reject) => {
        if (window[globalName]) return resolve(window[globalName])
        const script = document.createElement('script')
        script.src = src
        script.async = true
        script.addEventListener('load', () => (window[globalName] ? resolve(window[globalName]) : reject(new Error(`${src} did not define ${globalName}`))))
        script.addEventListener('error', () => {
          scripts.delete(src)
          reject(new Error(`could not load ${src}`))
        })
        document.head.append(script)
      }),
    )
  }
  return scripts.get(src)
}
const loadCytoscape = () => loadScript('/vendor/cytoscape.min.js', 'cytoscape')
const loadChart = () => loadScript('/vendor/chart.umd.min.js', 'Chart')

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

function outletPath(name) {
  return '/outlets/' + encodeURIComponent(name)
}

/**
 * The outlet of an article as the store records it: the site name, else the URL's host without
 * "www." (src/store/rows.ts); null when neither is known. Prefers an `outlet` field if the API sends one.
 */
function outletOf(a) {
  if (typeof a.outlet === 'string' && a.outlet) return a.outlet
  if (typeof a.site === 'string' && a.site) return a.site
  if (typeof a.url !== 'string') return null
  try {
    return new URL(a.url).host.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

/** Share of `part` in `whole` as a whole percentage (0 when `whole` is 0). */
function percent(part, whole) {
  return whole > 0 ? Math.round((100 * part) / whole) : 0
}

function plural(n, one, many = one + 's') {
  return `${n} ${n === 1 ? one : many}`
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
  for (const a of document.querySelectorAll('header nav a')) {
    if (path === a.getAttribute('href') || path.startsWith(a.getAttribute('href') + '/')) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  try {
    const article = /^\/articles\/([^/]+)$/.exec(path)
    const entity = /^\/entities\/([^/]+)$/.exec(path)
    const outlet = /^\/outlets\/([^/]+)$/.exec(path)
    if (path === '/outlets') {
      const list = await getJson('/api/outlets?limit=500')
      if (seq === renderSeq) renderOutlets(list)
    } else if (outlet) {
      const o = await getJson('/api/outlets/' + outlet[1])
      if (seq === renderSeq) renderOutlet(o)
    } else if (article) {
      const a = await getJson('/api/articles/' + article[1])
      if (seq === renderSeq) renderArticle(a)
    } else if (entity) {
      // The profile reads the newest articles naming the entity, a page at a time (?offset=N).
      const offset = Math.max(0, Number.parseInt(new URLSearchParams(location.search).get('offset') ?? '0', 10) || 0)
      const e = await getJson('/api/entities/' + entity[1] + (offset ? '?offset=' + offset : ''))
      if (seq === renderSeq) renderEntity(e, offset)
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
  const when = day(a.published)
  return el(
    'li',
    { class: 'article-item' },
    link(articlePath(a.id), a.title || a.id),
    el('div', { class: 'muted small' }, a.site ? [link(outletPath(a.site), a.site), ' · '] : null, when ? when + ' · ' : '', el('code', {}, a.id)),
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
      // What the attribution does (speech, deny, belief, …); none for quotes stored before acts were kept.
      h.act ? [' ', el('span', { class: 'badge act', title: 'what the attribution does' }, h.act)] : null,
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

/** Articles an entity page reads at a time (the API's default `limit` for /api/entities/:name). */
const ENTITY_PAGE = 20

function renderEntity(p, offset = 0) {
  clear(main)
  document.title = `${p.name} — newsgraph`
  const met = new Map()
  for (const m of p.meetings) for (const n of m.with) met.set(n, (met.get(n) ?? 0) + 1)
  const links = [...met].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, count]) => ({ name, count, href: entityPath(name) }))

  // The network (a canvas) and, for keyboards, screen readers and tests, the same people as a list.
  const network = links.length
    ? el('div', { class: 'network', id: 'network', role: 'img', 'aria-label': `${p.name} and the ${plural(links.length, 'person', 'people')} ${p.type === 'PERSON' ? 'they' : 'it'} met (listed below)` })
    : null
  const metList = links.length
    ? el(
        'div',
        { class: 'people-met' },
        el('h3', {}, 'People met'),
        el(
          'ul',
          { class: 'met', id: 'people-met' },
          links.map((l) => el('li', {}, link(l.href, l.name), el('span', { class: 'muted small' }, ' ', plural(l.count, 'meeting')))),
        ),
      )
    : null

  const meetings = el(
    'section',
    { class: 'meetings', id: 'meetings' },
    el('h2', {}, `Whom ${p.type === 'PERSON' ? 'they' : 'it'} met (${p.meetings.length})`),
    p.meetings.length === 0
      ? el('p', { class: 'muted' }, 'No meetings found.')
      : [
          network,
          metList,
          el('h3', {}, 'Meetings'),
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
        p.outlets?.some((o) => o.outlet)
          ? el(
              'p',
              { class: 'small named-by' },
              el('strong', {}, 'Named by: '),
              p.outlets
                .filter((o) => o.outlet)
                .slice(0, 12)
                .map((o, i) => [i ? ', ' : '', link(outletPath(o.outlet), o.outlet), el('span', { class: 'muted' }, ' ', String(o.articles))]),
            )
          : null,
        p.articlesTotal > p.articlesRead || offset > 0
          ? el(
              'p',
              { class: 'small paging', id: 'entity-paging' },
              `Quotes, meetings and events from articles ${p.articlesRead ? offset + 1 : 0}–${offset + p.articlesRead} of ${p.articlesTotal}, newest first`,
              offset > 0 ? [' · ', link(location.pathname + (offset > ENTITY_PAGE ? '?offset=' + (offset - ENTITY_PAGE) : ''), '← newer')] : null,
              offset + p.articlesRead < p.articlesTotal ? [' · ', link(location.pathname + '?offset=' + (offset + p.articlesRead), 'older →')] : null,
            )
          : null,
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

  if (network) {
    const seq = renderSeq
    loadCytoscape()
      .then((cytoscape) => {
        if (seq !== renderSeq || !network.isConnected) return
        widgets.push(drawNetwork(cytoscape, network, p.name, links, (href) => navigate(href)))
      })
      .catch((err) => {
        network.replaceWith(el('p', { class: 'muted small' }, 'The network could not be drawn (', String(err?.message ?? err), '); the people met are listed below.'))
      })
  }
}

// ---------------------------------------------------------------- outlet views

/** A table as the text alternative of a chart: `head` is the column names, `rows` arrays of cells. */
function dataTable(caption, head, rows) {
  return el(
    'table',
    { class: 'data small' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i ? el('td', { class: 'num' }, c) : el('th', { scope: 'row' }, c)))))),
  )
}

/** A chart: a sized box holding the canvas (described by `label`), then its table, folded. */
function chartFigure(id, label, table, size = 'wide') {
  const canvas = el('canvas', { id, role: 'img', 'aria-label': label })
  const figure = el('figure', { class: 'chart' }, el('div', { class: 'chart-box ' + size }, canvas), el('details', { class: 'chart-table' }, el('summary', { class: 'small' }, 'the figures as a table'), table))
  return { canvas, figure }
}

/** Draws the charts once Chart.js has loaded; if it cannot load, the tables (already on the page) stay and are unfolded. */
function drawCharts(draws) {
  const seq = renderSeq
  loadChart()
    .then((Chart) => {
      if (seq !== renderSeq) return
      for (const [canvas, draw] of draws) if (canvas.isConnected) widgets.push(draw(Chart, canvas))
    })
    .catch((err) => {
      for (const [canvas] of draws) {
        const figure = canvas.closest('figure')
        figure?.querySelector('details')?.setAttribute('open', '')
        canvas.closest('.chart-box')?.replaceWith(el('p', { class: 'muted small' }, 'The chart could not be drawn (', String(err?.message ?? err), ').'))
      }
    })
}

/** The outlets index: one row each, linking to its page. */
function outletTable(outlets) {
  const num = (v) => el('td', { class: 'num' }, String(v))
  return el(
    'table',
    { class: 'data outlets', id: 'outlets' },
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col' }, 'outlet'), ['articles', 'with an anonymous source', '% anonymous'].map((h) => el('th', { scope: 'col', class: 'num' }, h))),
    ),
    el(
      'tbody',
      {},
      outlets.map((o) =>
        el(
          'tr',
          { class: 'outlet-row' },
          el('th', { scope: 'row' }, link(outletPath(o.outlet), o.outlet)),
          num(o.articles),
          num(o.anonymousArticles),
          num(`${percent(o.anonymousArticles, o.articles)}%`),
        ),
      ),
    ),
  )
}

function renderOutlets(list) {
  clear(main)
  document.title = 'Outlets — newsgraph'
  const outlets = (list.outlets ?? []).filter((o) => typeof o.outlet === 'string' && o.outlet)
  const top = outlets
    .filter((o) => o.articles > 0 && o.anonymousArticles > 0)
    .map((o) => ({ outlet: o.outlet, articles: o.articles, pct: percent(o.anonymousArticles, o.articles) }))
    .sort((x, y) => y.pct - x.pct || y.articles - x.articles || (x.outlet < y.outlet ? -1 : 1))
    .slice(0, 20)
  const chart = top.length
    ? chartFigure(
        'outlets-chart',
        `Share of articles resting on at least one anonymous source, for the ${plural(top.length, 'outlet')} that lean on them most: ` + top.map((t) => `${t.outlet} ${t.pct}%`).join(', '),
        dataTable('Outlets by share of articles with an anonymous source', ['outlet', 'articles', '% anonymous'], top.map((t) => [t.outlet, String(t.articles), `${t.pct}%`])),
        top.length > 10 ? 'tall' : 'wide',
      )
    : null

  main.append(
    el('p', { class: 'small' }, link('/', '← all articles')),
    el('h1', {}, 'Outlets'),
    el('p', { class: 'muted' }, `${plural(outlets.length, 'outlet')}, by number of articles. How much of each one's reporting rests on anonymous sources?`),
    el(
      'div',
      { class: 'layout' },
      el('section', { class: 'content' }, outlets.length ? outletTable(outlets) : el('p', { class: 'muted' }, 'No outlets: no stored article has a site name or URL.')),
      el('aside', { class: 'panel' }, el('h2', {}, 'Most reliant on anonymous sources'), chart ? chart.figure : el('p', { class: 'muted small' }, 'No article rests on an anonymous source.')),
    ),
  )
  if (chart) drawCharts([[chart.canvas, (Chart, canvas) => drawOutletShareChart(Chart, canvas, top)]])
}

function renderOutlet(o) {
  clear(main)
  document.title = `${o.outlet} — newsgraph`
  const pct = percent(o.anonymousArticles, o.articles)
  // Dated months in order, then the articles with no publication date (month null).
  const undated = (m) => m.month === null || m.month === undefined || m.month === 'unknown'
  const months = [...(o.months ?? [])].sort((x, y) => Number(undated(x)) - Number(undated(y)) || (x.month < y.month ? -1 : x.month > y.month ? 1 : 0))
  const sources = o.sources ?? {}
  const totalSources = SOURCE_KINDS.reduce((n, k) => n + (sources[k] ?? 0), 0)

  const monthChart = months.length
    ? chartFigure(
        'months-chart',
        `Articles by month, with and without an anonymous source: ` + months.map((m) => `${monthLabel(m.month)} ${m.anonymousArticles} of ${m.articles}`).join(', '),
        dataTable(
          'Articles by month',
          ['month', 'articles', 'with an anonymous source'],
          months.map((m) => [monthLabel(m.month), String(m.articles), String(m.anonymousArticles)]),
        ),
      )
    : null
  const kindChart = totalSources
    ? chartFigure(
        'kinds-chart',
        'Sources cited, by kind: ' + SOURCE_KINDS.map((k) => `${SOURCE_KIND_LABELS[k]} ${sources[k] ?? 0}`).join(', '),
        dataTable('Sources by kind', ['kind', 'sources', 'share'], SOURCE_KINDS.map((k) => [SOURCE_KIND_LABELS[k], String(sources[k] ?? 0), `${percent(sources[k] ?? 0, totalSources)}%`])),
        'square',
      )
    : null

  const descriptions = o.descriptions ?? []
  const recent = o.recent ?? []
  main.append(
    el('p', { class: 'small' }, link('/', '← all articles'), ' · ', link('/outlets', 'all outlets')),
    el('h1', {}, o.outlet),
    el(
      'p',
      { class: 'headline', id: 'headline' },
      el('strong', { class: 'figure' }, `${pct}%`),
      ` of its ${plural(o.articles, 'article')} ${o.articles === 1 ? 'rests' : 'rest'} on at least one anonymous source`,
      el('span', { class: 'muted small' }, ` (${o.anonymousArticles} of ${o.articles}; ${o.anonymousQuotes ?? 0} of its ${plural(o.quotes ?? 0, 'quote')} are attributed to one)`),
    ),
    el(
      'div',
      { class: 'layout' },
      el(
        'section',
        { class: 'content' },
        el('h2', {}, 'Articles by month'),
        monthChart ? monthChart.figure : el('p', { class: 'muted' }, 'No articles.'),
        el('h2', { class: 'spaced' }, 'Recent articles'),
        recent.length === 0
          ? el('p', { class: 'muted' }, 'No articles.')
          : el(
              'ul',
              { class: 'articles recent' },
              recent.map((r) =>
                el(
                  'li',
                  { class: 'article-item' },
                  link(articlePath(r.articleId), r.title || r.articleId),
                  el(
                    'div',
                    { class: 'muted small' },
                    day(r.published) ?? 'undated',
                    ' · ',
                    r.anonymous > 0 ? el('span', { class: 'src-tag src-anonymous' }, `${r.anonymous} anonymous`) : '0 anonymous',
                    ` of ${plural(r.sources, 'source')}`,
                  ),
                ),
              ),
            ),
      ),
      el(
        'aside',
        { class: 'panel' },
        el('h2', {}, 'Sources, by kind'),
        kindChart ? kindChart.figure : el('p', { class: 'muted small' }, 'No sources found.'),
        el('h3', {}, 'Anonymous sources, as described'),
        descriptions.length === 0
          ? el('p', { class: 'muted small' }, 'No descriptions found.')
          : el(
              'ol',
              { class: 'descriptions' },
              descriptions.map((d) => el('li', {}, el('span', { class: 'what' }, d.description), el('span', { class: 'muted small' }, ` ×${d.count}`))),
            ),
      ),
    ),
  )
  drawCharts([
    ...(monthChart ? [[monthChart.canvas, (Chart, canvas) => drawMonthChart(Chart, canvas, months)]] : []),
    ...(kindChart ? [[kindChart.canvas, (Chart, canvas) => drawSourceKindChart(Chart, canvas, sources)]] : []),
  ])
}

// ---------------------------------------------------------------- article view

const ENTITY_TYPES = ['PERSON', 'ORG', 'LOC', 'MISC']

/** A source's kind, one of SOURCE_KINDS (anything else is shown as named), safe to put in a class name. */
function sourceKind(s) {
  return SOURCE_KINDS.includes(s?.kind) ? s.kind : 'named'
}

/** "3 named person · 1 anonymous": one tag per kind present, in the order of SOURCE_KINDS. */
function sourceSummary(srcs) {
  const counts = new Map()
  for (const s of srcs) counts.set(sourceKind(s), (counts.get(sourceKind(s)) ?? 0) + 1)
  return el(
    'p',
    { class: 'small source-summary' },
    SOURCE_KINDS.filter((k) => counts.has(k)).map((k, i) => [i ? ' ' : '', el('span', { class: 'src-tag src-' + k }, `${counts.get(k)} ${SOURCE_KIND_LABELS[k]}`)]),
  )
}

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
  const speakerLabel = (sp) => (sp?.entity && entities.has(sp.entity) ? entities.get(sp.entity).name : sp?.name ?? sp?.text) || `(${sp?.kind ?? 'unknown'} speaker)`

  // Annotations, outermost layers first.
  const ann = []
  for (const ev of a.events ?? []) {
    ann.push({ key: 'ev:' + ev.id, start: ev.start, end: ev.end, classes: ['ev'] })
  }
  for (const q of a.quotes ?? []) {
    const frags = Array.isArray(q.fragments) && q.fragments.length > 0 ? q.fragments : [q]
    // "indirect quote (belief) — Mr. Rubio": beliefs and stances are attributions, not statements.
    const title = `${q.kind} quote${q.act && q.act !== 'speech' ? ` (${q.act})` : ''} — ${speakerLabel(q.speaker)}`
    for (const f of frags) ann.push({ key: 'q:' + q.id, start: f.start, end: f.end, classes: ['q', 'q-' + q.kind], title })
    if (q.cue) ann.push({ key: 'q:' + q.id, start: q.cue.start, end: q.cue.end, classes: ['cue'], title: 'cue: ' + q.cue.text })
    if (Number.isInteger(q.speaker?.start)) {
      ann.push({ key: 'q:' + q.id, start: q.speaker.start, end: q.speaker.end, classes: ['spk'], title: `speaker (${q.speaker.kind})` })
    }
  }
  for (const s of a.sources ?? []) {
    const kind = sourceKind(s)
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
  const outlet = outletOf(a)
  const byline = [a.byline, a.published].filter(Boolean).join(' · ')
  const meta = el(
    'p',
    { class: 'muted small' },
    outlet ? [link(outletPath(outlet), outlet), byline ? ' · ' : ''] : null,
    byline,
    external ? [' · ', el('a', { href: external, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : a.url ? [' · ', a.url] : null,
  )

  // Layer toggles: the legend doubles as a filter.
  const layers = [
    ['q', 'quote'],
    ['spk', 'speaker'],
    ['cue', 'cue'],
    ['ent', 'entity'],
    ['src-named', 'named person (source)'],
    ['src-organization', 'organization (source)'],
    ['src-outlet', 'outlet (source)'],
    ['src-document', 'document (source)'],
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
    return s ? el('span', { class: 'src-tag src-' + sourceKind(s) }, sourceKind(s), ': ', truncate(s.text, 60)) : el('span', { class: 'muted' }, id)
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
          quotes.map((q) => {
            const li = item(
              'q:' + q.id,
              el('div', { class: 'who' }, el('strong', {}, speakerLabel(q.speaker)), ' ', el('span', { class: 'badge' }, q.speaker?.kind ?? 'unknown'), ' ', el('span', { class: 'badge kind' }, q.kind)),
              el('div', { class: 'what' }, quoted(truncate(q.text, 280))),
              el(
                'div',
                { class: 'muted small' },
                q.cue ? ['cue: ', el('em', {}, q.cue.text)] : 'no cue',
                q.source ? [' · according to ', sourceLabel(q.source)] : null,
              ),
            )
            if (sources.has(q.source)) li.classList.add('via-' + sourceKind(sources.get(q.source)))
            return li
          }),
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
    srcs.length ? sourceSummary(srcs) : null,
    srcs.length === 0
      ? el('p', { class: 'muted small' }, 'No sources found.')
      : el(
          'ol',
          { class: 'items' },
          srcs.map((s) => {
            const kind = sourceKind(s)
            const li = item(
              's:' + s.id,
              el('span', { class: 'src-tag src-' + kind }, SOURCE_KIND_LABELS[kind]),
              ' ',
              truncate(s.text, 120),
              s.entity && entities.has(s.entity) ? el('div', { class: 'small' }, link(entityPath(entityName(s.entity)), entityName(s.entity))) : null,
              // An anonymous source is all the reader gets: say how many people and how they are described, even when the text does not.
              kind === 'anonymous'
                ? el(
                    'dl',
                    { class: 'anon small' },
                    el('dt', {}, 'count'),
                    el('dd', {}, Number.isInteger(s.count) ? String(s.count) : 'not stated'),
                    el('dt', {}, 'described as'),
                    el('dd', {}, s.description ? s.description : el('span', { class: 'muted' }, 'not described')),
                  )
                : s.count || s.description
                  ? el('div', { class: 'muted small' }, [s.count ? `count ${s.count}` : '', s.description ?? ''].filter(Boolean).join(' · '))
                  : null,
            )
            li.classList.add('source', 'source-' + kind)
            return li
          }),
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
