// Empty objects of the classes a page of feed processing makes, kept for the module's life: what keeps V8's optimised
// code of the pass (sdata-sync §5.4–§5.5 per entry) from being thrown away between pages.
import { FeedPass } from './feed-pass'
import { ContiguityCheck } from './gaps'
import { HeldBack } from './held-back'

// biome-ignore lint/correctness/noUnusedVariables: never read; it holds the objects, and so their hidden classes, alive
let kept: readonly object[] | undefined

/**
 * Makes, once, an empty pass (with its two digests and its hash table), held-back record and gap check, and keeps
 * them. V8 frees a hidden class two full collections after the last object that has it, and with it the optimised
 * code of every function that read such objects. All of a page's objects die with the page, so a program that
 * collects between pages would otherwise have the pass compiled anew for each page: tens of milliseconds of a
 * compiler thread's time each, whatever the page's size. Made on first use rather than at load, so that a bundle
 * without feed processing drops them. Internal; `processFeed` and `processFeedStream` call it.
 */
export function keepShapes(): void {
  kept ??= [
    new FeedPass(
      { targetDigest: { entries: [] }, feed: {}, lookup: () => undefined, lastPage: false },
      undefined,
      false,
    ),
    new HeldBack((endpoint) => endpoint, undefined, undefined),
    new ContiguityCheck({ entries: [] }, undefined),
  ]
}
