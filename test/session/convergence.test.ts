import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localEdit, skews } from '../conflict/sim'
import { numRuns } from '../support/runtime'
import { FAULTS, type Fault, SessionNetwork } from './network'

// Convergence through the whole protocol, model-based: random local edits, catch-up passes over a network that
// loses, duplicates, garbles and fails messages and restarts servers and clients, and immediate pushes; then
// fault-free catch-up passes both ways until nothing changes. Every message is real XML through the codecs.

type Cmd = fc.Command<object, SessionNetwork>

const pair = (s: SessionNetwork, from: number, to: number): [number, number] => {
  const a = from % s.size
  const b = to % s.size === a ? (a + 1) % s.size : to % s.size
  return [a, b]
}

class Pass implements Cmd {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly pageSize: number,
    readonly pendingPolls: number,
    readonly faults: Fault[],
  ) {}
  check = () => true
  run(_: object, s: SessionNetwork): void {
    const [a, b] = pair(s, this.from, this.to)
    s.sync(a, b, { pageSize: this.pageSize, pendingPolls: this.pendingPolls, faults: this.faults })
  }
  toString = () => `sync(${this.from}→${this.to}, page ${this.pageSize}, polls ${this.pendingPolls}, [${this.faults}])`
}

class Push implements Cmd {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {}
  check = () => true
  run(_: object, s: SessionNetwork): void {
    const [a, b] = pair(s, this.from, this.to)
    s.push(a, b)
  }
  toString = () => `push(${this.from}→${this.to})`
}

const faults = fc.array(fc.constantFrom(...FAULTS), { maxLength: 12 })

const commands = fc.commands(
  [
    localEdit,
    fc
      .tuple(fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), faults)
      .map(([f, t, p, polls, fs]) => new Pass(f, t, p, polls, fs)),
    fc.tuple(fc.nat(5), fc.nat(5)).map(([f, t]) => new Push(f, t)),
  ],
  { maxCommands: 30, size: 'max' },
)

/** 2–4 endpoints of one priority, with clocks skewed by up to ±5 s. */
const network = fc.integer({ min: 2, max: 4 }).chain((n) => skews(n).map((s) => ({ n, skews: s })))

describe('sync over the protocol, with faults', () => {
  it('converges: every endpoint ends with the same versions, values and digests, the latest-stamped edit kept', () => {
    fc.assert(
      fc.property(network, commands, ({ n, skews }, cmds) => {
        const s = new SessionNetwork(
          Array.from({ length: n }, () => 3),
          skews,
        )
        fc.modelRun(() => ({ model: {}, real: s }), cmds)
        expect(s.settle()).toBe(true)
        expect(s.net.converged()).toBe(true)
        const latest = s.net.latestEdits()
        for (const e of s.net.endpoints) expect(new Map([...e.store].map(([u, h]) => [u, h.value]))).toEqual(latest)
      }),
      { numRuns: numRuns(60) },
    )
  })

  it('converges with different priorities when conflicts are re-stamped', () => {
    fc.assert(
      fc.property(network, commands, ({ n, skews }, cmds) => {
        const s = new SessionNetwork(
          Array.from({ length: n }, (_, i) => i + 1),
          skews,
          true,
        )
        fc.modelRun(() => ({ model: {}, real: s }), cmds)
        expect(s.settle()).toBe(true)
        expect(s.net.converged()).toBe(true)
      }),
      { numRuns: numRuns(30) },
    )
  })
})
