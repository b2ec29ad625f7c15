/** Help texts: one per command, kept with the code so they cannot drift from the options. */
export const HELP: Record<string, string> = {
  main: `newsgraph — who said what, who met whom, who denied or accused what, according to whom

Usage: newsgraph <command> [options]

Commands:
  analyze <file|url|->     print the analysis of one article as JSON
  extract <file|url>...    print the extracted article(s) (text and metadata) as JSON
  serve [--sample]         analyse the bundled sample corpus and serve the web UI and JSON API

Options:
  -h, --help               show help (also: newsgraph <command> --help)
  -v, --version            show the version

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
  -h, --help               show this help
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
  serve: `Usage: newsgraph serve [--sample] [--file corpus.jsonl] [--port N] [--host H]

Analyses a corpus in memory and serves the web UI and the JSON API (/api/articles,
/api/articles/:id, /api/search?q=, /api/entities?q=). Default corpus: the bundled sample
(samples/articles.jsonl, which --sample names explicitly). Stop with Ctrl-C.

Options:
  --sample                 serve the bundled sample corpus (the default)
  --file corpus.jsonl      serve this JSON Lines corpus ({id, title, text|html, url?, published?})
  -p, --port N             port (default: $PORT, else 8080; 0 picks a free one)
  --host H                 address to listen on (default 127.0.0.1, this machine only)
  -h, --help               show this help
`,
}
