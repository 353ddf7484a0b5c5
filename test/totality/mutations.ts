// Corpus-seeded mutation generators: character-level edits of the corpus files (insert, delete, flip, duplicate a
// span, splice two files) for the totality properties and the fuzz run (issue 7 "Totality properties").

import fc from 'fast-check'

/** Markup fragments and hostile characters that make edits land on the parser's interesting paths. */
const TOKENS = [
  '<',
  '>',
  '/>',
  '</',
  '&',
  ';',
  '"',
  "'",
  '=',
  ':',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?x?>',
  '<!DOCTYPE r>',
  '&amp;',
  '&lt;',
  '&#x0;',
  '&#xD800;',
  '&#x10FFFF;',
  '&#65;',
  '&bogus;',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uFFFE',
  '\uFEFF',
  '\u0085',
  'xmlns="urn:x"',
  'xmlns:p="urn:x"',
  'p:',
  '<x>',
  '</x>',
  '<x/>',
  '__proto__',
  'constructor',
  '-1',
  '1e3',
  '0x10',
  '9007199254740993',
  'true',
  '',
  '=====',
]

/** One edit of a text; positions are taken modulo the text's length, so any natural number is a valid position. */
export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'splice'; at: number; other: number; from: number }

const insertion = fc.oneof(
  { arbitrary: fc.constantFrom(...TOKENS), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
)

/** An arbitrary {@link Edit}; `files` is how many corpus files a splice may choose from. */
export function arbEdit(files: number): fc.Arbitrary<Edit> {
  return fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 15 }) }),
    fc.record({
      op: fc.constant('duplicate' as const),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 256 }),
      to: fc.nat(),
    }),
    fc.record({
      op: fc.constant('splice' as const),
      at: fc.nat(),
      other: fc.nat({ max: Math.max(0, files - 1) }),
      from: fc.nat(),
    }),
  )
}

/** Applies an edit; `corpus` supplies the other file of a splice. */
export function applyEdit(text: string, edit: Edit, corpus: readonly string[]): string {
  const n = text.length
  const pos = (k: number) => (n === 0 ? 0 : k % (n + 1))
  switch (edit.op) {
    case 'insert':
      return text.slice(0, pos(edit.at)) + edit.text + text.slice(pos(edit.at))
    case 'delete':
      return text.slice(0, pos(edit.at)) + text.slice(pos(edit.at) + edit.length)
    case 'flip': {
      if (n === 0) return text
      const at = edit.at % n
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << edit.bit)) + text.slice(at + 1)
    }
    case 'duplicate': {
      const span = text.slice(pos(edit.from), pos(edit.from) + edit.length)
      return text.slice(0, pos(edit.to)) + span + text.slice(pos(edit.to))
    }
    case 'splice': {
      const other = corpus[edit.other % Math.max(1, corpus.length)] ?? ''
      return text.slice(0, pos(edit.at)) + other.slice(other.length === 0 ? 0 : edit.from % (other.length + 1))
    }
  }
}

/** A corpus file (one of `own` half of the time, else any) changed by one to four edits. */
export function arbMutatedCorpus(own: readonly string[], corpus: readonly string[]): fc.Arbitrary<string> {
  const base =
    own.length > 0 ? fc.oneof(fc.constantFrom(...own), fc.constantFrom(...corpus)) : fc.constantFrom(...corpus)
  return fc
    .tuple(base, fc.array(arbEdit(corpus.length), { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce((t, e) => applyEdit(t, e, corpus), text))
}
