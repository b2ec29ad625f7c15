/** Help texts: one per command, kept with the code so they cannot drift from the options. */
export const HELP: Record<string, string> = {
  main: `newsgraph — who said what, who met whom, who denied or accused what, according to whom

Usage: newsgraph <command> [options]

Commands:
  analyze <file|url|->     print the analysis of one article as JSON
  extract <file|url>...    print the extracted article(s) (text and metadata) as JSON
  serve [--sample]         serve the web UI and JSON API over the store (--sample: ingest the sample first)
  ingest <inputs...>       analyse files, folders, feeds, WARC files, JSON Lines into the store
  reanalyze                analyse stored articles again with the current pipeline version
  quotes                   list stored quotes (--speaker, --outlet, --kind, --act, --since)
  entities                 the most named entities (--top N), or one (--name X)
  search "words"           full-text search over the stored articles
  export                   write the whole store as JSON Lines or CSV

The store: --db path.db (SQLite, default ./data/newsgraph.db) or --db postgres://host/db.

Options:
  -h, --help               show help (also: newsgraph <command> --help)
  -v, --version            show the version

Environment: NEWSGRAPH_QUOTE_NETWORKS=1 runs one of the quote model's two neural taggers
(analyze, ingest, reanalyze, serve): 1.1–1.25× the articles a second, quotes a little less accurate;
analyses made so record it in their version ("+nn1"), and reanalyze without it redoes them.

Exit codes: 0 success, 1 bad input (the message names the input), 2 usage.
`,
  analyze: `Usage: newsgraph analyze <file|url|-> [options]
       newsgraph analyze --jsonl [file] < articles.jsonl

Prints the analysis of one article as JSON: text, sentences, entities, times, quotes, sources,
events; every finding with its span (UTF-16 offsets into "text"). The input may be an HTML page or
plain text (told apart by content); "-" reads stdin.

Options:
  --jsonl                  read JSON Lines ({id, text} or {id, html}, optional url, title,
                           published) from the file or stdin; write one analysis per line, same
                           order, same id. A bad line yields {"id", "error"} in its place, the
                           other lines are still analysed, and the exit code is 1 at the end.
  --raw                    analyse the text exactly as given: no extraction, no junk trimming,
                           so every offset is an offset into the input
  --published YYYY-MM-DD   reference date for time expressions ("in April", "this week");
                           default: the article's own date, if it has one
  --allow-private          let a URL resolve to a private, loopback or link-local address
                           (refused by default; see "Fetching URLs" below)
  -h, --help               show this help

Fetching URLs: http and https only; at most 5 redirects; 20 s for the whole fetch; 50 MB at most;
text, HTML and XML only. The host is resolved and every address checked before connecting (and
again after each redirect); private, loopback, link-local, CGNAT, multicast and unspecified
addresses are refused unless --allow-private is given.
`,
  extract: `Usage: newsgraph extract <file.html|url>... [options]
       newsgraph extract --jsonl [file] < pages.jsonl

Prints the extracted article as JSON: {file, url, title, byline, published, site, language, text},
text with one paragraph per line. Several inputs print a JSON array (or JSON Lines with --jsonl).

Options:
  --jsonl                  write one JSON object per line; with no file arguments, read JSON Lines
                           ({id, html, url?}) from stdin
  -h, --help               show this help
`,
  serve: `Usage: newsgraph serve [--db path|postgres://...] [--sample] [--file inputs] [--port N] [--host H] [--cache N]

Serves the web UI and the JSON API over the store. With --sample, the bundled sample
(samples/articles.jsonl) is ingested into the store first (an input already stored is passed over,
so a second start adds nothing); --file ingests other inputs the same way. Stop with Ctrl-C.

API (described in full at /api/openapi.json): /api/articles, /api/articles/:id, /api/entities?q=,
/api/entities/:name, /api/quotes, /api/events, /api/outlets, /api/outlets/:name, /api/sources,
/api/search?q=, /api/export?format=jsonl|csv;
POST /api/articles {text}|{html}|{url} analyses and stores an article, with
"Authorization: Bearer <token>". The token is NEWSGRAPH_TOKEN, else the one kept in
newsgraph.token next to the store (./data/newsgraph.token), created (mode 0600) and printed once
at the first start.

Options:
  --db path|postgres://... the store (default ./data/newsgraph.db)
  --sample                 ingest the bundled sample corpus first (what \`npm start\` does)
  --file inputs            ingest these inputs first (a file, folder, JSON Lines, feed, WARC)
  -p, --port N             port (default: $PORT, else 8080; 0 picks a free one)
  --host H                 address to listen on (default 127.0.0.1, this machine only)
  --cache N                read answers kept while the store is unchanged (default 256; 0: none)
  --allow-private          let POST {url} fetch private, loopback or link-local addresses
  -h, --help               show this help
`,
  ingest: `Usage: newsgraph ingest <inputs...> [--db path|postgres://...] [--fetch] [--allow-private]
                        [--workers N] [--log-every N] [-q]

Analyses every article in the inputs and stores it, each in its own transaction. Inputs:
  a file                   an HTML page or plain text (told apart by content)
  a directory              every file in it, recursively (dot files left out)
  -                        one article on stdin
  *.jsonl, *.ndjson        JSON Lines, one {id?, url?, title?, text|html, published?} per line
  *.rss, *.atom, *.xml     an RSS or Atom feed (also any file that starts like one): each item's
                           content or description is an article
  *.warc, *.warc.gz        a web archive (as in Common Crawl News): each HTML or text response
  http(s)://...            a web page, fetched (with the limits of \`newsgraph analyze\`)

Idempotent: an input already stored is passed over on a re-run, and the same text is stored once
(counted as "duplicate"). A near-duplicate (same text but for a few words, by SimHash) is stored,
linked to the first copy, and left out of counts and queries ("near-duplicate"). Bad input (an
unreadable file, a JSON Lines line that is not JSON, a feed that is not XML, a corrupt WARC record)
is reported with its place (file, file:line, file.warc@offset, feed#item-N) and the run goes on.

Progress goes to stderr: a one-line bar on a terminal, else a line every N items. At the end:
a summary line on stderr and the counts as one JSON object on stdout:
  {"stored", "duplicate", "nearDuplicate", "skipped", "failed", "seconds"}
Exit code 1 if anything failed, else 0.

Options:
  --db path|postgres://... the store: an SQLite file (created with its folder; default
                           ./data/newsgraph.db) or a PostgreSQL URL (?schema=name optional)
  --fetch                  for feed items, fetch the item's page (its link) instead of using the
                           feed's own text (off by default)
  --allow-private          let fetched URLs resolve to private, loopback or link-local addresses
                           (refused by default)
  --workers N              analyse in N worker threads (default: the number of cores; 1 analyses
                           in the main thread); articles are still stored one transaction each,
                           in input order
  --log-every N            without a terminal, log progress every N items (default 100)
  -q, --quiet              no progress output
  -h, --help               show this help
`,
  reanalyze: `Usage: newsgraph reanalyze [--db path|postgres://...] [--all] [-q]

Runs the current pipeline (version shown by \`newsgraph --version\`) again on every stored article
whose analysis came from another version (with --all: on every article), from the input stored
with it, and replaces its analysis, quotes, entities and full-text entry, one transaction per
article. Articles stored before inputs were kept are analysed again from their stored text. A
second run finds nothing to do. Near-duplicate links are kept as they were.

At the end: a summary line on stderr and the counts as one JSON object on stdout:
  {"updated", "current", "fromText", "failed", "version", "seconds"}
Exit code 1 if any article failed, else 0.

Options:
  --db path|postgres://... the store (default ./data/newsgraph.db)
  --all                    analyse every article again, whatever its version
  -q, --quiet              no progress output
  -h, --help               show this help
`,
  quotes: `Usage: newsgraph quotes [--speaker X] [--outlet X] [--kind K] [--act A] [--since YYYY-MM-DD] [options]

Lists stored quotes (near-duplicate articles left out), in the order stored, one JSON object a line:
{articleId, quoteId, kind, act, text, speaker, speakerKind, sourceKind, outlet, published, url}.

Options:
  --speaker X              speaker name contains X (ignoring case)
  --outlet X               the publishing outlet (site name or URL host) contains X
  --kind K                 the source the quote rests on: named, organization, outlet, document,
                           anonymous, unknown
  --act A                  what the attribution does: speech, report, deny, accuse, claim
                           (statements), belief, stance, other; statement for the first five;
                           a comma list for several (deny,accuse). Quotes stored by pipeline
                           versions before 0.3.0 have none until \`newsgraph reanalyze\`
  --since YYYY-MM-DD       articles published on or after this date
  --limit N                at most N quotes (default 100)
  --format F               jsonl (default), table, or csv
  --db path|postgres://... the store (default ./data/newsgraph.db)
  -h, --help               show this help
`,
  entities: `Usage: newsgraph entities [--top N] [--type T] [options]
       newsgraph entities --name X [options]
       newsgraph entities --split ID --alias NAME [--db ...]

Without --name: the entities named in the most articles, one JSON object a line:
{name, type, articles, mentions}. With --name: one entity (matched by name or alias, ignoring case)
across the store: {name, type, articles, mentions, aliases, roles, quotes, people}; exit 1 if
unknown. "people" lists the persons the name is linked to, merged across articles: {id, name,
splitFrom, aliases, articles, rules, links: [{articleId, entityId, name, rule}]}. A rule says why a
mention was merged: same-name (same normalised name), given-name-variant (same surname, compatible
given name: Sergey/Sergei Lavrov, S. Lavrov), surname-only (a bare surname only one person has),
new, or split. A wrong merge is undone with --split: the person's mentions under that name move to
a new person.

Options:
  --top N                  how many (default 20)
  --type T                 only PERSON, ORG, LOC or MISC
  --name X                 one entity, with its aliases, roles, quotes and people
  --split ID --alias NAME  move person ID's mentions named NAME to a new person; prints
                           {split, alias, into, moved}
  --format F               jsonl (default), table, or csv
  --db path|postgres://... the store (default ./data/newsgraph.db)
  -h, --help               show this help
`,
  search: `Usage: newsgraph search "words" [--limit N] [options]

Full-text search over the titles and texts of the stored articles (SQLite FTS5 or PostgreSQL
tsvector, English stemming: "bridges" finds "bridge"), best match first, one JSON object a line:
{id, title, url, published, snippet}. All words must occur.

Options:
  --limit N                at most N articles (default 20)
  --format F               jsonl (default), table, or csv
  --db path|postgres://... the store (default ./data/newsgraph.db)
  -h, --help               show this help
`,
  export: `Usage: newsgraph export [--format jsonl|csv] [--db path|postgres://...]

Writes every stored article to stdout, in the order stored, near-duplicates included.
  jsonl (default)          one analysis JSON per line, plus hash, duplicateOf, source, storedAt
  csv                      one row per article: id, url, title, site, published, language,
                           version, duplicateOf, source, and the number of quotes, entities,
                           sources and events

Options:
  --format F               jsonl (default) or csv
  --db path|postgres://... the store (default ./data/newsgraph.db)
  -h, --help               show this help
`,
}
