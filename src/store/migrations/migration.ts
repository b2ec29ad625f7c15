/** One schema change, applied once and recorded in the `migrations` table. */
export interface Migration {
  version: number
  name: string
  /** SQL statements, separated by semicolons at line ends. */
  sql: string
}
