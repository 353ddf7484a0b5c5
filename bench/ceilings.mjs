// Ceilings for the XML benches: what a parser could cost at most without building or checking anything.
// htmlparser2's SAX pass (xmlMode, no handlers, so no tree and no well-formedness checks) and a bare scan loop.
import { Parser } from 'htmlparser2'

/** htmlparser2's tokenizer over the whole text in xmlMode, with handlers that keep nothing. */
export function saxPass(text) {
  let n = 0
  const parser = new Parser(
    {
      onopentagname() {
        n++
      },
    },
    { xmlMode: true },
  )
  parser.end(text)
  return n
}

// Finds every `<` and the `>` after it and slices the tag name: the least any tag reader must do.
export function bareScan(text) {
  let n = 0
  let last = ''
  let i = 0
  for (;;) {
    const lt = text.indexOf('<', i)
    if (lt < 0) break
    const gt = text.indexOf('>', lt + 1)
    if (gt < 0) break
    let j = lt + 1
    if (text.charCodeAt(j) === 47) j++
    const start = j
    for (; j < gt; j++) {
      const c = text.charCodeAt(j)
      if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break
    }
    last = text.slice(start, j)
    n += last.length
    i = gt + 1
  }
  return n
}

// The statistics live with the clocks in ./timing.mjs; re-exported for the benches that take them from here.
export { stats } from './timing.mjs'
