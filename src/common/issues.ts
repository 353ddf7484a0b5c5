// The collector both protocols' validators report through: one finding at a time, with its severity and XML path.
// Severity follows the specs' own words: `error` where a MUST (or the grammar) is broken, `warning` for a SHOULD.

/**
 * Collects validation findings in the order they are found; `list` holds them as `{ severity, path, message }`,
 * the shape of `FileSyncIssue` and `SDataIssue` alike.
 *
 * @example
 * ```ts
 * const issues = new IssueList()
 * issues.warning('/feed/sync:digest', 'the digest has no origin')
 * issues.list // [{ severity: 'warning', path: '/feed/sync:digest', message: 'the digest has no origin' }]
 * ```
 */
export class IssueList {
  readonly list: Array<{ severity: 'error' | 'warning'; path: string; message: string }> = []

  /** Records a broken MUST at `path`. */
  error(path: string, message: string): void {
    this.list.push({ severity: 'error', path, message })
  }

  /** Records a broken SHOULD, a lenient form or something suspicious at `path`. */
  warning(path: string, message: string): void {
    this.list.push({ severity: 'warning', path, message })
  }
}
