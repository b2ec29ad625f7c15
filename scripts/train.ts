/**
 * `npm run train -- <part> [options]`: retrains a model shipped in `models/` from ../shared/data.
 * Parts: entities (scripts/train-entities.ts), quotes (scripts/train-quotes.ts). Options go to
 * the part's script (see its header).
 */
const PARTS = { entities: './train-entities.js', quotes: './train-quotes.js' } as const
const part = process.argv[2]
if (!part || !(part in PARTS)) {
  console.error(`Unknown part \`${part ?? ''}\`, expected one of: ${Object.keys(PARTS).join(', ')}`)
  process.exit(2)
}
// The part scripts read their options from argv and run when they are the main module.
process.argv.splice(1, 2, new URL(PARTS[part as keyof typeof PARTS].replace(/\.js$/, '.ts'), import.meta.url).pathname)
await import(PARTS[part as keyof typeof PARTS])
