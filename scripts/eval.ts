/**
 * `npm run eval -- <part>`: scores one part of the pipeline on the dev splits in ../shared/data and
 * prints one summary line (details go to stderr). Parts: extraction, entities, quotes, events, all.
 * The data folder defaults to ../shared/data beside the repository; override with NEWSGRAPH_DATA.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const PARTS = ['extraction', 'entities', 'quotes', 'events'] as const
const dataDir = process.env.NEWSGRAPH_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url))

async function run(part: string): Promise<string> {
  switch (part) {
    case 'extraction':
      return (await import('./eval/extraction.js')).evalExtraction(dataDir)
    case 'entities':
      return (await import('./eval/entities.js')).evalEntities(dataDir)
    case 'quotes':
    {
      // The headline scores what `findQuotes` gives by default: speaker spans are whole source phrases,
      // as PolNeAR marks them ("Hugh Hill, a doctor,"); the same run with name-only spans follows.
      const { evalQuotes } = await import('./eval/quotes.js')
      const phrase = await evalQuotes(dataDir, { withRepoSets: true })
      const name = await evalQuotes(dataDir, { speakerExtent: 'name', withRepoSets: true })
      return `${phrase} || with speakerExtent 'name' (speaker spans are names only): ${name.replace(/^quotes: /, '')}`
    }
    case 'events':
      return (await import('./eval/events.js')).evalEvents(dataDir)
    default:
      throw new Error(`unknown part`)
  }
}

const arg = process.argv[2] ?? 'all'
if (arg !== 'all' && !(PARTS as readonly string[]).includes(arg)) {
  console.error(`Unknown part \`${arg}\`, expected one of: ${PARTS.join(', ')}, all`)
  process.exit(2)
}
if (!existsSync(dataDir)) {
  // (The quote part also scores the small name-mode set that ships in the repository.)
  if (arg !== 'quotes') {
    console.error(`eval: data folder ${dataDir} not found (set NEWSGRAPH_DATA to the shared/data folder)`)
    process.exit(1)
  }
  console.error(`eval: data folder ${dataDir} not found (set NEWSGRAPH_DATA to the shared/data folder); scoring the repository's own quote set only`)
}
for (const part of arg === 'all' ? PARTS : [arg]) console.log(await run(part))
