// Test helper, not a test file: the UTC xs:dateTime of an epoch instant, written here with the platform's Date so
// that the tests' stamps do not come from the library code they check.

/** `YYYY-MM-DDTHH:MM:SS[.f{digits}]Z` for an instant in years 0001–9999, `digits` 0–7 (default 7). */
export function utcDateTime(ms: number, digits = 7): string {
  const iso = new Date(Math.floor(ms)).toISOString() // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = iso.slice(20, 23).padEnd(7, '0').slice(0, digits)
  return `${iso.slice(0, 19)}${fraction === '' ? '' : `.${fraction}`}Z`
}
