// An incremental scanner that finds element boundaries in XML arriving in chunks, without parsing: tags (quoted
// attribute values may hold `>`), comments, CDATA sections and PIs (XML 1.0 §2.4–§2.8, §3.1), element depth.

/** What the scanner reports; offsets are absolute (UTF-16 units from the start of the text). */
export interface ScanHandler {
  /** A start tag ended outside any whole element; return `true` to read the element whole (a record). */
  startTag(lt: number, end: number, qname: string, selfClosing: boolean): boolean
  /** An end tag ended outside any whole element. */
  endTag(lt: number, end: number): void
  /** The whole element being read ended. */
  recordEnd(end: number): void
  /** `<!` opened something that is neither a comment nor a CDATA section. */
  bad(): void
}

enum State {
  Text,
  Lt,
  Bang,
  Comment,
  Cdata,
  Pi,
  Tag,
  End,
}

// Character codes the scanner looks for: / ! ? > " ' and the four white-space characters (XML 1.0 §2.3 S).
const [SLASH, BANG, QUESTION, GT, QUOT, APOS] = [...'/!?>"\''].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
  number,
]

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa || c === 0x9 || c === 0xd
}

/**
 * Tracks markup across chunks. Well-formed text is cut exactly where the parser would see the same boundaries;
 * malformed text only moves a boundary later, and the parser then reports the fault at its own place.
 */
export class Scanner {
  /** Set by the handler to stop scanning (an error was reported, or the rest is read without scanning). */
  stopped = false
  private state = State.Text
  /** Depth inside the element read whole; 0 between children. */
  private depth = 0
  private lt = 0
  private bang = ''
  private term = 0
  private quote = 0
  private slash = false
  private naming = false
  private name = ''

  constructor(private readonly handler: ScanHandler) {}

  /** Scans the next chunk `s`, whose first character is at absolute offset `at`. */
  scan(s: string, at: number): void {
    const n = s.length
    let i = 0
    while (i < n && !this.stopped) {
      switch (this.state) {
        case State.Text: {
          const j = s.indexOf('<', i)
          if (j < 0) return
          this.lt = at + j
          this.state = State.Lt
          i = j + 1
          break
        }
        case State.Lt: {
          const c = s.charCodeAt(i)
          if (c === SLASH) {
            this.state = State.End
            i++
          } else if (c === BANG) {
            this.bang = '<!'
            this.state = State.Bang
            i++
          } else if (c === QUESTION) {
            this.term = 0
            this.state = State.Pi
            i++
          } else {
            this.naming = this.depth === 0
            this.name = ''
            this.quote = 0
            this.slash = false
            this.state = State.Tag
          }
          break
        }
        case State.Bang:
          i = this.bangAt(s, i)
          break
        case State.Comment:
          i = this.until(s, i, '-->')
          break
        case State.Cdata:
          i = this.until(s, i, ']]>')
          break
        case State.Pi:
          i = this.until(s, i, '?>')
          break
        case State.Tag:
          i = this.tag(s, i, at)
          break
        case State.End: {
          const j = s.indexOf('>', i)
          if (j < 0) return
          i = j + 1
          this.state = State.Text
          if (this.depth === 0) this.handler.endTag(this.lt, at + i)
          else if (--this.depth === 0) this.handler.recordEnd(at + i)
          break
        }
      }
    }
  }

  private bangAt(s: string, i: number): number {
    const n = s.length
    while (i < n && this.bang.length < 9) {
      this.bang += s[i++]
      if (this.bang === '<!--') {
        this.term = 0
        this.state = State.Comment
        return i
      }
    }
    if (this.bang.length === 9) {
      if (this.bang === '<![CDATA[') {
        this.term = 0
        this.state = State.Cdata
      } else this.handler.bad()
    }
    return i
  }

  /** Skips to just after the terminator `t`, which may have begun at the end of the previous chunk. */
  private until(s: string, i: number, t: string): number {
    const n = s.length
    while (this.term > 0 && i < n) {
      const c = s[i++]
      if (c === t[this.term]) {
        if (++this.term === t.length) {
          this.term = 0
          this.state = State.Text
          return i
        }
      } else if (c === t[0]) this.term = this.term === 2 && t[1] === t[0] ? 2 : 1
      else this.term = 0
    }
    const j = s.indexOf(t, i)
    if (j >= 0) {
      this.term = 0
      this.state = State.Text
      return j + t.length
    }
    for (let k = t.length - 1; k > 0; k--) {
      if (n - k >= i && s.endsWith(t.slice(0, k))) {
        this.term = k
        break
      }
    }
    return n
  }

  private tag(s: string, i: number, at: number): number {
    const n = s.length
    if (this.quote !== 0) {
      const j = s.indexOf(this.quote === QUOT ? '"' : "'", i)
      if (j < 0) return n
      this.quote = 0
      i = j + 1
    }
    // The name (read only outside any whole element) is sliced once it ends, not built character by character.
    let from = this.naming ? i : -1
    let slash = this.slash
    for (; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c === GT) {
        if (from >= 0) this.name += s.slice(from, i)
        this.naming = false
        i++
        this.state = State.Text
        if (this.depth > 0) {
          if (!slash) this.depth++
        } else if (this.handler.startTag(this.lt, at + i, this.name, slash) && !this.stopped) {
          if (slash) this.handler.recordEnd(at + i)
          else this.depth = 1
        }
        return i
      }
      if (from >= 0 && (c === SLASH || c === QUOT || c === APOS || isSpace(c))) {
        this.name += s.slice(from, i)
        this.naming = false
        from = -1
      }
      if (c === QUOT || c === APOS) {
        slash = false
        const j = s.indexOf(c === QUOT ? '"' : "'", i + 1)
        if (j < 0) {
          this.quote = c
          this.slash = false
          return n
        }
        i = j
        continue
      }
      slash = c === SLASH
    }
    if (from >= 0) this.name += s.slice(from, n)
    this.slash = slash
    return n
  }
}
