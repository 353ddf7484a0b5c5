// The parser's lowest layer: the text read as characters, names, references and attribute values, the tables its
// loops read by, and the fault that ends a parse. Implements XML 1.0 (fifth edition) §2.2 (characters), §2.3
// (names), §3.3.3 (attribute-value normalisation), §4.1 (references; the predefined entities only, §4.6) and
// Namespaces in XML 1.0 §3 (QNames).

import { ASCII_NAME_CLASS, isNameStartUnit, isNameUnit, isXmlCodePoint } from './chars'
import { shared } from './intern'
import { type Issue, xmlIssue } from './issue'
import type { Limits } from './options'
import { lineAndColumn } from './position'
import { NamespaceScopes } from './scopes'

/** Internal control flow for the first fatal error; never escapes {@link parseXml}. */
export class SyntaxFault {
  /** The message, or what makes it when it is first read (a streaming run drops most faults at a cut unread). */
  private made: string | (() => string)

  constructor(
    message: string | (() => string),
    readonly offset: number,
    /**
     * Whether the text ended inside the construct at fault (a tag, comment, CDATA section, PI, reference, name,
     * attribute value, element): more text could make it well-formed, so the streaming reader waits for it.
     */
    public end = false,
  ) {
    this.made = message
  }

  get message(): string {
    if (typeof this.made !== 'string') this.made = this.made()
    return this.made
  }

  toXmlError(text: string): Issue {
    return xmlIssue(this.message, lineAndColumn(text, this.offset))
  }
}

export const LT = 60
export const GT = 62
export const AMP = 38
export const SLASH = 47
export const BANG = 33
export const QUESTION = 63
export const EQUALS = 61
export const QUOT = 34
export const APOS = 39
export const COLON = 58
const SEMICOLON = 59
const HASH = 35
export const RBRACKET = 93
export const DASH = 45

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa || c === 0x9 || c === 0xd
}

/** A QName as read: the whole, and its prefix (`null` for none) and local part. */
export interface Name {
  readonly qname: string
  readonly prefix: string | null
  readonly localName: string
  /** The name of the first child last read in an element of this name (see eventContent, childName). */
  first: Name | undefined
  /** The name of the sibling last read after an element of this name. */
  next: Name | undefined
  /** The names of the attributes last read on an element of this name, in their order (see startTag). */
  attributes: Name[] | undefined
}

// The name cache: 256 slots, and names no longer than this are kept (longer ones are rare and not worth it).
const NAME_SLOTS_MASK = 255
const MAX_INTERNED = 64

// ASCII characters that need no attention in text (1): not markup (< & >), not a control other than tab and LF (CR
// becomes LF). In attribute values the quotes also end or may end the value, and tab and LF become spaces.
export const TEXT_PLAIN = new Uint8Array(128)
const VALUE_PLAIN = new Uint8Array(128)
for (let c = 0x20; c < 128; c++) {
  TEXT_PLAIN[c] = c === LT || c === AMP || c === GT ? 0 : 1
  VALUE_PLAIN[c] = c === LT || c === AMP || c === QUOT || c === APOS ? 0 : 1
}
TEXT_PLAIN[0x9] = 1
TEXT_PLAIN[0xa] = 1

const PREDEFINED_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
])

/**
 * The text, the place read and the limits, read as characters, names, references and attribute values: the base
 * of the parser's class chain (up to {@link Parser}), on the namespace scope stack the parser is.
 */
export class XmlLexer extends NamespaceScopes {
  protected readonly s: string
  protected readonly len: number
  protected i = 0
  protected readonly limits: Limits
  /** Names read so far, by a hash of their text (see {@link qname}). */
  private readonly names: Array<Name | undefined>
  /** How many names were read into strings of their own (not found among those read before; see eventContent). */
  protected namesMade = 0

  /** `names`: the names read by an earlier parser of the same document (the streaming reader runs one a chunk). */
  constructor(s: string, limits: Limits, names?: Array<Name | undefined>) {
    super()
    this.s = s
    this.len = s.length
    this.limits = limits
    this.names = names ?? new Array(NAME_SLOTS_MASK + 1)
  }

  /** The names read so far, for the next parser of the same document. */
  protected get nameCache(): Array<Name | undefined> {
    return this.names
  }

  protected fail(message: string | (() => string), offset: number = this.i, end = false): never {
    throw new SyntaxFault(message, offset, end)
  }

  /** Whether the text from `i` on is the start of `<!--`, `<![CDATA[` or `<!DOCTYPE` cut short by its end. */
  protected cutMarkup(i: number): boolean {
    const rest = this.s.slice(i)
    return rest.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((m) => m.startsWith(rest))
  }

  /** 1-based line and column of an offset (the streaming readers map pieces back into the whole document). */
  protected position(offset: number): { line: number; column: number } {
    return lineAndColumn(this.s, offset)
  }

  /** Width (1 or 2) of the character at `i` whose first unit `c` is >= U+D800; fails on non-characters. */
  protected nonBmpWidth(c: number, i: number): number {
    if (c < 0xdc00) {
      const d = this.s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) return 2
      this.fail(`lone surrogate U+${hex4(c)} is not an XML character`, i, i + 1 >= this.len)
    }
    if (c < 0xe000) this.fail(`lone surrogate U+${hex4(c)} is not an XML character`, i)
    if (c >= 0xfffe) this.fail(`U+${hex4(c)} is not an XML character`, i)
    return 1
  }

  /** Checks the character at `i` (any context) and returns its width. */
  protected charWidth(i: number): number {
    const c = this.s.charCodeAt(i)
    if (c >= 0x20 && c < 0xd800) return 1
    if (c === 0xa || c === 0x9 || c === 0xd) return 1
    if (c < 0x20) this.fail(`control character U+${hex4(c)} is not allowed in XML`, i)
    return this.nonBmpWidth(c, i)
  }

  /** Reads a reference at '&' and returns its replacement text (§4.1; only predefined entities, §4.6). */
  protected reference(): string {
    const s = this.s
    const at = this.i
    let i = at + 1
    if (s.charCodeAt(i) === HASH) {
      i++
      let base = 10
      if (s.charCodeAt(i) === 120 /* x */) {
        base = 16
        i++
      }
      let code = 0
      let digits = 0
      for (;;) {
        const c = s.charCodeAt(i)
        let d: number
        if (c >= 48 && c <= 57) d = c - 48
        else if (base === 16 && c >= 97 && c <= 102) d = c - 87
        else if (base === 16 && c >= 65 && c <= 70) d = c - 55
        else break
        // Saturate past the last code point so long digit runs cannot lose precision.
        if (code <= 0x10ffff) code = code * base + d
        digits++
        i++
      }
      if (digits === 0 || s.charCodeAt(i) !== SEMICOLON) this.fail('malformed character reference', at, i >= this.len)
      const written = s.slice(at, i + 1)
      if (!isXmlCodePoint(code)) this.fail(`character reference ${written} is not an XML character`, at)
      this.i = i + 1
      return String.fromCodePoint(code)
    }
    const nameEnd = this.nameEnd(i, false)
    if (nameEnd === i) this.fail('a bare & must be written &amp;', at, i >= this.len)
    if (s.charCodeAt(nameEnd) !== SEMICOLON) this.fail('entity reference without ;', at, nameEnd >= this.len)
    const name = s.slice(i, nameEnd)
    const value = PREDEFINED_ENTITIES.get(name)
    if (value === undefined) this.fail(`undefined entity &${name}; (only &lt; &gt; &amp; &apos; &quot; exist)`, at)
    this.i = nameEnd + 1
    return value
  }

  /** End of the Name starting at `i` (`i` itself when there is none); without `colons`, a colon ends the name. */
  protected nameEnd(i: number, colons: boolean): number {
    const s = this.s
    const start = i
    const c0 = s.charCodeAt(i)
    if (c0 < 128) {
      if (!isNameStartUnit(c0) || (!colons && c0 === COLON)) return i
      i++
    } else if (c0 >= 0xd800 && c0 <= 0xdb7f) {
      const d = s.charCodeAt(i + 1)
      if (!(d >= 0xdc00 && d <= 0xdfff)) return i
      i += 2
    } else if (isNameStartUnit(c0)) i++
    else return i
    for (;;) {
      const c = s.charCodeAt(i)
      if (c < 128) {
        if (!isNameUnit(c) || (!colons && c === COLON)) break
        i++
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        const d = s.charCodeAt(i + 1)
        if (!(d >= 0xdc00 && d <= 0xdfff)) break
        i += 2
      } else if (isNameUnit(c)) i++
      else break
    }
    if (i - start > this.limits.maxNameLength) {
      this.fail(`name longer than maxNameLength (${this.limits.maxNameLength})`, start)
    }
    return i
  }

  /** Reads a QName at `this.i`, leaving `this.i` after it; the same name read again gives the same object. */
  protected qname(what: string): Name {
    const s = this.s
    const start = this.i
    let end = start
    let colon = -1
    let colons = 0
    let hash = 0
    // ASCII names are read in one pass (their end, colons and hash); any other character takes the general way.
    let c = s.charCodeAt(end)
    if (c < 128 && (ASCII_NAME_CLASS[c]! & 1) !== 0) {
      do {
        if (c === COLON) {
          colons++
          colon = end
        }
        hash = (Math.imul(hash, 31) + c) | 0
        c = s.charCodeAt(++end)
      } while (c < 128 && ASCII_NAME_CLASS[c]! !== 0)
    }
    if (c >= 128 || end === start) {
      end = this.nameEnd(start, true)
      if (end === start) this.fail(`expected ${what}`, start, start >= this.len)
      colon = -1
      colons = 0
      hash = 0
      for (let k = start; k < end; k++) {
        const u = s.charCodeAt(k)
        hash = (Math.imul(hash, 31) + u) | 0
        if (u === COLON) {
          colons++
          colon = k
        }
      }
    } else if (end - start > this.limits.maxNameLength) {
      this.fail(`name longer than maxNameLength (${this.limits.maxNameLength})`, start)
    }
    if (colons > 1) this.fail(`name ${s.slice(start, end)} has more than one colon`, start)
    this.i = end
    // Names repeat: a document of thousands of elements has a few dozen names. Reusing them spares a string (two
    // with a prefix) per element and attribute, and a lookup by a reused string need not hash it again.
    const slot = (hash ^ (hash >>> 10)) & NAME_SLOTS_MASK
    const known = this.names[slot]
    if (known !== undefined && known.qname.length === end - start && s.startsWith(known.qname, start)) return known
    if (colon === start || colon === end - 1)
      this.fail(`name ${s.slice(start, end)} has an empty prefix or local name`, start, end >= this.len)
    // A name kept is made of the shared strings (see shared): readers compare it with their constants.
    const keep = end - start <= MAX_INTERNED
    const qname = keep ? shared(s.slice(start, end)) : s.slice(start, end)
    let name: Name
    if (colon > 0) {
      const local = s.charCodeAt(colon + 1)
      if (!isNameStartUnit(local) && !(local >= 0xd800 && local <= 0xdb7f)) {
        this.fail(`local name in ${qname} cannot start with that character`, colon + 1)
      }
      const prefix = qname.slice(0, colon - start)
      const localName = qname.slice(colon - start + 1)
      name = {
        qname,
        prefix: keep ? shared(prefix) : prefix,
        localName: keep ? shared(localName) : localName,
        first: undefined,
        next: undefined,
        attributes: undefined,
      }
    } else name = { qname, prefix: null, localName: qname, first: undefined, next: undefined, attributes: undefined }
    this.namesMade++
    if (keep) this.names[slot] = name
    return name
  }

  /**
   * Whether the name `qname` is written whole at `i`: its characters, and none after them that would continue it.
   * Compared a unit at a time: for the short names of tags this is cheaper than `startsWith`.
   */
  protected nameAt(qname: string, i: number): boolean {
    const s = this.s
    const n = qname.length
    for (let k = 0; k < n; k++) if (s.charCodeAt(i + k) !== qname.charCodeAt(k)) return false
    return !this.continuesName(i + n)
  }

  /** Whether the character at `i` could continue a name (so a name read up to `i` would be longer). */
  protected continuesName(i: number): boolean {
    const c = this.s.charCodeAt(i)
    if (c < 128) return isNameUnit(c)
    return (c >= 0xd800 && c <= 0xdb7f) || isNameUnit(c)
  }

  protected skipSpace(): boolean {
    const s = this.s
    const start = this.i
    let i = start
    while (isSpace(s.charCodeAt(i))) i++
    this.i = i
    return i > start
  }

  /** Reads a quoted attribute value, normalised per §3.3.3 for CDATA attributes. */
  protected attributeValue(): string {
    const s = this.s
    const len = this.len
    const quote = s.charCodeAt(this.i)
    if (quote !== QUOT && quote !== APOS) this.fail('expected a quoted attribute value', this.i, this.i >= len)
    const valueStart = this.i
    let i = this.i + 1
    let start = i
    let value = ''
    for (;;) {
      if (i >= len) this.fail('attribute value is not closed', valueStart, true)
      const c = s.charCodeAt(i)
      if (c < 128 ? VALUE_PLAIN[c] === 1 : c < 0xd800) {
        i++
        continue
      }
      if (c === quote) break
      if (c === LT) this.fail('< is not allowed in attribute values; write &lt;', i)
      if (c === AMP) {
        value += s.slice(start, i)
        this.i = i
        value += this.reference()
        i = this.i
        start = i
        continue
      }
      if (c >= 0x20) {
        i += c < 0xd800 ? 1 : this.nonBmpWidth(c, i)
        continue
      }
      if (c === 0x9 || c === 0xa || c === 0xd) {
        value += s.slice(start, i)
        value += ' '
        i++
        if (c === 0xd && s.charCodeAt(i) === 0xa) i++
        start = i
        continue
      }
      this.fail(`control character U+${hex4(c)} is not allowed in XML`, i)
    }
    this.i = i + 1
    return value + s.slice(start, i)
  }
}

export function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0')
}
