// An independent well-formedness and namespace check (saxes, xmlns on) for text our serializers write.
// Used by property and corpus tests in every area; runtime-neutral (saxes is pure JavaScript).

import { SaxesParser } from 'saxes'

/**
 * Parses `xml` with saxes (namespaces on) and returns its error messages; `[]` means saxes found the text
 * well-formed and namespace-well-formed.
 *
 * @example
 * expect(assertWellFormed(serializeXml(doc))).toEqual([])
 */
export function assertWellFormed(xml: string): string[] {
  const errors: string[] = []
  const parser = new SaxesParser({ xmlns: true, position: true })
  parser.on('error', (error) => {
    errors.push(error.message)
  })
  try {
    parser.write(xml).close()
  } catch (error) {
    errors.push(String(error))
  }
  return errors
}
