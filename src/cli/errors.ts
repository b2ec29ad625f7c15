/** Bad input: names the input (a file, a URL, a line) and says what is wrong and what to do. Exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(`${input}: ${problem}${hint ? ` (${hint})` : ''}`)
  }
}

/** A wrong command line: unknown command or option, a missing or malformed argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
