// A small network drawing: one person in the middle, the people they met around them, a line for
// each pair, thicker for more meetings. SVG built node by node; names go in as text nodes, and
// only geometry and class attributes are set (never style, never on*).

const SVG = 'http://www.w3.org/2000/svg'

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value))
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)))
  return node
}

/**
 * Draws `center` and the people it met. `links` is [{name, count, href}]; each outer node is a
 * link (an <a> in the SVG) to `href`, an internal path. Returns an <svg> element.
 */
export function networkSvg(center, links, onNavigate) {
  const width = 520
  const height = links.length > 8 ? 420 : 340
  const cx = width / 2
  const cy = height / 2
  const radius = Math.min(width, height) / 2 - 55
  const root = svg('svg', { class: 'network', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${center} and the people they met` })
  const max = Math.max(1, ...links.map((l) => l.count))
  const shown = links.slice(0, 24)
  shown.forEach((l, i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2
    const x = cx + radius * Math.cos(angle)
    const y = cy + radius * Math.sin(angle)
    root.append(svg('line', { class: 'edge', x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), 'stroke-width': (1.5 + (4 * l.count) / max).toFixed(1) }))
    const label = l.name.length > 28 ? l.name.slice(0, 27) + '…' : l.name
    const node = svg(
      'a',
      { href: l.href, class: 'node-link', 'data-nav': '' },
      svg('circle', { class: 'node', cx: x.toFixed(1), cy: y.toFixed(1), r: 7 + Math.min(6, l.count) }),
      svg('text', { class: 'label', x: x.toFixed(1), y: (y + (y < cy ? -14 : 24)).toFixed(1), 'text-anchor': 'middle' }, label),
      svg('title', {}, `${l.name}: ${l.count} meeting${l.count === 1 ? '' : 's'}`),
    )
    if (onNavigate) node.addEventListener('click', (event) => onNavigate(event, l.href))
    root.append(node)
  })
  root.append(svg('circle', { class: 'node center', cx, cy, r: 16 }))
  root.append(svg('text', { class: 'label center', x: cx, y: cy + 34, 'text-anchor': 'middle' }, center.length > 32 ? center.slice(0, 31) + '…' : center))
  return root
}
