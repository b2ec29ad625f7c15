// The outlet charts, drawn by Chart.js on <canvas>: articles by month with and without anonymous
// sources, the kinds of sources an outlet cites, and the outlets that lean most on anonymous
// sources. Labels reach Chart.js only as data and are painted as text on the canvas.
//
// Chart.js is passed in (app.js loads /vendor/chart.umd.min.js, global `Chart`, only on outlet
// pages), so this module does no loading of its own. Each function returns the Chart instance;
// call `destroy()` on it when the page goes away. The caller gives every canvas a text
// alternative (aria-label and a table).

/** The source kinds, in the order the API and the article page use. */
export const SOURCE_KINDS = ['named', 'organization', 'outlet', 'document', 'anonymous']

/** Readable names for the source kinds. */
export const SOURCE_KIND_LABELS = { named: 'named person', organization: 'organization', outlet: 'outlet', document: 'document', anonymous: 'anonymous' }

/** The value of a CSS custom property on :root (the colours live in style.css), or `fallback`. */
function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}

/** Shared options: no animation when the reader asks for reduced motion, sizes from the CSS box. */
function baseOptions() {
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: still ? false : { duration: 400 },
    plugins: { legend: { position: 'bottom' } },
  }
}

/** "2023-04" → "Apr 2023"; null (no publication date) → "undated". */
export function monthLabel(month) {
  if (month === null || month === undefined || month === 'unknown') return 'undated'
  const m = /^(\d{4})-(\d{2})$/.exec(String(month))
  if (!m) return String(month)
  const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1]
  return name ? `${name} ${m[1]}` : String(month)
}

/**
 * A stacked bar per month: articles resting on at least one anonymous source, and the rest.
 * `months` is the API's `[{month, articles, anonymousArticles}]` (month null = undated).
 *
 * @example drawMonthChart(Chart, canvas, [{ month: '2023-04', articles: 5, anonymousArticles: 1 }])
 */
export function drawMonthChart(Chart, canvas, months) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: months.map((m) => monthLabel(m.month)),
      datasets: [
        { label: 'with anonymous sources', data: months.map((m) => m.anonymousArticles), backgroundColor: cssVar('--anonymous', '#cf222e'), stack: 'articles' },
        { label: 'without', data: months.map((m) => Math.max(0, m.articles - m.anonymousArticles)), backgroundColor: cssVar('--line', '#d0d7de'), stack: 'articles' },
      ],
    },
    options: {
      ...baseOptions(),
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'articles' } } },
    },
  })
}

/**
 * A doughnut of the sources an outlet's articles cite, by kind. `sources` is the API's
 * `{named, organization, outlet, document, anonymous}` (counts; missing kinds count 0).
 *
 * @example drawSourceKindChart(Chart, canvas, { named: 20, organization: 5, outlet: 2, document: 1, anonymous: 4 })
 */
export function drawSourceKindChart(Chart, canvas, sources) {
  return new Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: SOURCE_KINDS.map((k) => SOURCE_KIND_LABELS[k]),
      datasets: [
        {
          label: 'sources',
          data: SOURCE_KINDS.map((k) => sources?.[k] ?? 0),
          backgroundColor: SOURCE_KINDS.map((k) => cssVar('--' + k, '#57606a')),
        },
      ],
    },
    options: { ...baseOptions(), plugins: { legend: { position: 'right' } } },
  })
}

/**
 * Horizontal bars: the share (%) of each outlet's articles that rest on an anonymous source.
 * `rows` is `[{outlet, pct}]`, already chosen and ordered by the caller.
 *
 * @example drawOutletShareChart(Chart, canvas, [{ outlet: 'nytimes.com', pct: 25 }])
 */
export function drawOutletShareChart(Chart, canvas, rows) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => (r.outlet.length > 26 ? r.outlet.slice(0, 25) + '…' : r.outlet)),
      datasets: [{ label: '% of articles with an anonymous source', data: rows.map((r) => r.pct), backgroundColor: cssVar('--anonymous', '#cf222e') }],
    },
    options: {
      ...baseOptions(),
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100, title: { display: true, text: '% of articles with an anonymous source' } } },
    },
  })
}
