// syncwire/testing/vitest: a types entry that adds the kit's matchers to vitest's `expect` for a whole project
// (`"types": ["syncwire/testing/vitest"]` in tsconfig); at run time it is empty: `installMatchers` registers them.

/**
 * A types entry that adds the kit's matchers to vitest's `expect` for a whole project.
 *
 * @packageDocumentation
 * @module syncwire/testing/vitest
 */
import type { Assertion } from 'vitest'
import type { SyncwireMatchers } from '../matchers'

export type { SyncwireMatchers } from '../matchers'

/**
 * vitest's `Assertion` with the kit's matchers: what `expect(value)` returns once this entry is in the program.
 * (Using vitest's type here also keeps the `vitest` import in the shipped declarations, which the augmentation
 * below needs to apply.)
 *
 * @example
 * ```ts
 * const assertion: SyncwireAssertion<string> = expect('<Items/>')
 * assertion.toBeValidFileSync()
 * ```
 */
export type SyncwireAssertion<T = unknown> = Assertion<T> & SyncwireMatchers<T>

declare module 'vitest' {
  interface Assertion<T = any> extends SyncwireMatchers<T> {}
  interface AsymmetricMatchersContaining extends SyncwireMatchers {}
}
