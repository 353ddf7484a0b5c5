// The markup the parser checks and skips, and the prolog: the XML declaration, any DOCTYPE refused (no DTD, so no
// entities and nothing external), comments and processing instructions. Implements XML 1.0 (fifth edition) §2.5
// (comments), §2.6 (processing instructions) and §2.8 (the XML declaration).

import { ENCODING_NAME } from './encoding'
import { APOS, COLON, DASH, EQUALS, GT, isSpace, QUESTION, QUOT, SyntaxFault, XmlLexer } from './lexer'

/** The parser's reading of markup that builds nothing: the XML declaration, DOCTYPE (refused), comments, PIs. */
export class MarkupReader extends XmlLexer {
  protected doctype(): never {
    this.fail('DOCTYPE is not allowed: syncwire reads no DTD, so it declares no entities and loads nothing external')
  }

  protected xmlDeclaration(): void {
    const start = this.i
    try {
      this.declaration()
    } catch (error) {
      // Any fault of a declaration whose ?> is not there yet may be the text's end cutting it.
      if (error instanceof SyntaxFault && !this.s.includes('?>', start)) error.end = true
      throw error
    }
  }

  private declaration(): void {
    const s = this.s
    const start = this.i
    this.i += 5
    let valueAt = 0
    const pseudo = (name: string, required: boolean): string | undefined => {
      const before = this.i
      const spaced = this.skipSpace()
      if (!s.startsWith(name, this.i)) {
        this.i = before
        if (required) this.fail(`the XML declaration needs ${name}`)
        return undefined
      }
      if (!spaced) this.fail(`white space is needed before ${name} in the XML declaration`)
      this.i += name.length
      this.skipSpace()
      if (s.charCodeAt(this.i) !== EQUALS) this.fail(`expected = after ${name}`)
      this.i++
      this.skipSpace()
      const quote = s.charCodeAt(this.i)
      if (quote !== QUOT && quote !== APOS) this.fail(`expected a quoted value for ${name}`)
      const close = s.indexOf(quote === QUOT ? '"' : "'", this.i + 1)
      if (close < 0) this.fail(`unterminated value of ${name}`)
      valueAt = this.i + 1
      const value = s.slice(valueAt, close)
      this.i = close + 1
      return value
    }
    const version = pseudo('version', true)!
    if (!/^1\.[0-9]+$/.test(version)) this.fail(`unsupported XML version "${version}"`, start)
    const encoding = pseudo('encoding', false)
    if (encoding !== undefined && !ENCODING_NAME.test(encoding)) {
      // At the name, where the byte reader's sniffing places the same fault.
      this.fail(`malformed encoding name "${encoding}"`, valueAt)
    }
    const standalone = pseudo('standalone', false)
    if (standalone !== undefined && standalone !== 'yes' && standalone !== 'no') {
      this.fail('standalone must be "yes" or "no"', start)
    }
    this.skipSpace()
    if (!s.startsWith('?>', this.i)) this.fail('malformed XML declaration')
    this.i += 2
  }

  protected comment(): void {
    const s = this.s
    const start = this.i
    let i = start + 4
    for (;;) {
      if (i >= this.len) this.fail('comment is not closed', start, true)
      const c = s.charCodeAt(i)
      if (c === DASH && s.charCodeAt(i + 1) === DASH) {
        if (s.charCodeAt(i + 2) !== GT) this.fail('-- is not allowed inside a comment', i, i + 2 >= this.len)
        this.i = i + 3
        return
      }
      i += c >= 0x20 && c < 0xd800 ? 1 : this.charWidth(i)
    }
  }

  protected processingInstruction(): void {
    const s = this.s
    const start = this.i
    const targetStart = start + 2
    const targetEnd = this.nameEnd(targetStart, false)
    // A target up to the end of the text may go on (`<?xm`, `<?xml` of `<?xml-stylesheet`), or its `?>` may follow.
    const cut = targetEnd >= this.len - 1
    if (targetEnd === targetStart) this.fail('expected a processing-instruction target after <?', this.i, cut)
    const target = s.slice(targetStart, targetEnd)
    if (target.toLowerCase() === 'xml') {
      this.fail('an XML declaration is allowed only at the very start of the document', start, cut)
    }
    if (s.charCodeAt(targetEnd) === COLON)
      this.fail('a processing-instruction target cannot contain a colon', targetEnd)
    let i = targetEnd
    if (s.startsWith('?>', i)) {
      this.i = i + 2
      return
    }
    if (!isSpace(s.charCodeAt(i))) this.fail('white space is needed after the processing-instruction target', i, cut)
    for (;;) {
      if (i >= this.len) this.fail('processing instruction is not closed', start, true)
      if (s.charCodeAt(i) === QUESTION && s.charCodeAt(i + 1) === GT) {
        this.i = i + 2
        return
      }
      i += this.charWidth(i)
    }
  }
}
