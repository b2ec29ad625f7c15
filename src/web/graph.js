// The network of meetings on an entity page, drawn by Cytoscape.js: the entity in the middle, the
// people it met on a ring around it, one edge each, wider for more meetings. Clicking a person
// opens their page. Names reach Cytoscape only as element data (drawn as text on a canvas); node
// ids are our own ("n0", "n1", …), so no name is ever parsed as a selector.
//
// Cytoscape is passed in (app.js loads /vendor/cytoscape.min.js only on entity pages), so this
// module does no loading of its own.

/**
 * Cytoscape adds a <style> element (`.__________cytoscape_container { position: relative }`) to
 * the page the first time it mounts, unless an element with this id already exists. Under our
 * Content-Security-Policy (`default-src 'self'`, no inline styles) that element would be refused
 * with a console error, so we declare the rule in style.css and leave this placeholder for it to find.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet'

function markStylesheetPresent() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return
  const placeholder = document.createElement('meta')
  placeholder.id = CYTOSCAPE_STYLESHEET_ID
  document.head.append(placeholder)
}

/** The value of a CSS custom property on :root (the colours live in style.css), or `fallback`. */
function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}

function shortLabel(name) {
  return name.length > 28 ? name.slice(0, 27) + '…' : name
}

/**
 * Draws `center` and the people it met into `container` (an empty block element sized by CSS).
 *
 * - `cytoscape`: the Cytoscape.js factory (the `cytoscape` global of its UMD build).
 * - `links`: `[{name, count, href}]`, most meetings first; the first 40 are drawn. An edge is
 *   2 px wide for one meeting and 1.5 px wider for each further one, up to 10 px.
 * - `onNavigate(href)`: called when a person is clicked or tapped.
 *
 * Returns the Cytoscape instance (call `destroy()` when the page goes away). Once drawn, the
 * container's `data-nodes` attribute holds the number of nodes.
 *
 * @example drawNetwork(cytoscape, div, 'Sergey Lavrov', [{ name: 'Richard Haass', count: 2, href: '/entities/Richard%20Haass' }], navigate)
 */
export function drawNetwork(cytoscape, container, center, links, onNavigate) {
  markStylesheetPresent()
  const shown = links.slice(0, 40)
  const elements = [{ group: 'nodes', data: { id: 'center', name: center, label: shortLabel(center), center: 1 } }]
  shown.forEach((l, i) => {
    const id = 'n' + i
    elements.push({ group: 'nodes', data: { id, name: l.name, label: shortLabel(l.name), href: l.href, size: 18 + Math.min(14, 3 * l.count) } })
    elements.push({ group: 'edges', data: { id: 'e' + i, source: 'center', target: id, width: Math.min(10, 2 + 1.5 * (l.count - 1)), count: l.count } })
  })

  const person = cssVar('--person', '#0969da')
  const cy = cytoscape({
    container,
    elements,
    userZoomingEnabled: false,
    // A few people would otherwise be blown up to fill the box, labels and all.
    maxZoom: 1.25,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': person,
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          color: cssVar('--fg', '#1f2328'),
          'font-size': 12,
          'font-family': 'system-ui, sans-serif',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': 2,
          'text-background-shape': 'roundrectangle',
          'border-width': 2,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node[center = 1]', style: { 'background-color': cssVar('--anonymous', '#cf222e'), width: 34, height: 34, 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'node[href]:active, node[href].hover', style: { 'background-color': cssVar('--org', '#1a7f37') } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#8c959f', 'curve-style': 'straight', opacity: 0.85 } },
    ],
    layout: {
      name: 'concentric',
      concentric: (node) => (node.data('center') ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 70,
      // Half a step off the vertical, so no one sits right above or below the centre's label.
      startAngle: (3 / 2) * Math.PI + Math.PI / Math.max(2, shown.length),
      padding: 24,
      animate: false,
    },
  })
  // Marks the container once drawn (for tests and styles): the number of nodes.
  cy.ready(() => container.setAttribute('data-nodes', String(cy.nodes().length)))
  cy.on('tap', 'node[href]', (event) => onNavigate(event.target.data('href')))
  cy.on('mouseover', 'node[href]', (event) => {
    event.target.addClass('hover')
    container.classList.add('pointing')
  })
  cy.on('mouseout', 'node[href]', (event) => {
    event.target.removeClass('hover')
    container.classList.remove('pointing')
  })
  return cy
}
