import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChangesSession, createChangesSession, type Item } from '../../src/filesync/index'
import { numRuns } from '../support/runtime'
import { ChangesServer, type Fault, ids, LIBRARY, SITE, tokenAt } from './session-server'

// Model-based: a server history that grows while a client pulls it through faults (bad pages, throttling, crashes
// that lose the session and resume from the stored token). The client's store must always be a prefix of the
// history that matches its token, and after a clean final pass it must hold exactly the history.

type Command = { kind: 'append'; count: number } | { kind: 'request'; fault: Fault } | { kind: 'crash' }

const faults: Fault[] = [
  'none',
  'bad-body',
  'bad-utf8',
  'missing-token',
  'missing-status',
  'throttle-seconds',
  'throttle-date',
  'unavailable',
  'server-error',
]

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 0, max: 4 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      fault: fc.oneof({ weight: 4, arbitrary: fc.constant<Fault>('none') }, fc.constantFrom(...faults)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
)

interface Store {
  token?: string
  items: Item[]
}

function positionOf(token: string | undefined): number {
  if (token === undefined) return 0
  return Number(token.split(';')[6])
}

describe('createChangesSession against a random server history', () => {
  it('never skips or repeats a change, whatever fails, and ends with exactly the server items', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(command, { maxLength: 60 }),
        (maxItemCount, initial, commands) => {
          const server = new ChangesServer()
          server.append(initial)
          const store: Store = { items: [] }
          const open = (): ChangesSession =>
            createChangesSession({
              siteUrl: SITE,
              libraryId: LIBRARY,
              maxItemCount,
              flat: true,
              now: () => server.clock,
              ...(store.token === undefined ? {} : { syncToken: store.token }),
            })
          let session = open()
          const step = (fault: Fault) => {
            let request = session.next()
            if (request === undefined) {
              session = open() // caught up: the next poll is a new pass from the stored token
              request = session.next()!
            }
            const before = session.syncToken
            const result = session.receive(server.answer(request, fault))
            if (result.type === 'changes') {
              store.items.push(...result.items)
              store.token = session.syncToken
            } else if (result.type === 'no-changes' || result.type === 'token-only') {
              store.token = session.syncToken
            } else {
              expect(result.type).toMatch(/^(error|retry)$/)
              expect(fault).not.toBe('none')
              expect(session.syncToken).toBe(before)
              expect(session.next()).toEqual(request)
            }
            // The store is always the history up to its token: nothing skipped, nothing twice.
            expect(ids(store.items)).toEqual(ids(server.history.slice(0, positionOf(store.token))))
          }
          for (const c of commands) {
            if (c.kind === 'append') server.append(c.count)
            else if (c.kind === 'crash') session = open()
            else step(c.fault)
          }
          // A clean final pass from the stored token catches up with everything.
          session = open()
          for (let i = 0; session.next() !== undefined && i < 100; i++) step('none')
          expect(session.state).toBe('caught-up')
          expect(store.token).toBe(tokenAt(server.history.length))
          expect(ids(store.items)).toEqual(ids(server.history))
        },
      ),
      { numRuns: numRuns(150) },
    )
  })
})
