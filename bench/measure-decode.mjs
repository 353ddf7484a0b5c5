// Shared by the memory benches' child processes: runs one decode after two collections and prints its time, the peak
// resident set size above the one before it, and the heap the value keeps, each per input byte.

/** Decodes once with `decode` (an Either-returning thunk) and prints the figures as one JSON line. */
export function measureDecode(way, bytes, decode) {
  globalThis.gc()
  globalThis.gc()
  const before = process.memoryUsage()
  const t0 = performance.now()
  const r = decode()
  const ms = performance.now() - t0
  const peakRss = process.resourceUsage().maxRSS * 1024
  if (r._tag !== 'Right') throw new Error(`${way} did not decode the file`)
  globalThis.gc()
  const kept = process.memoryUsage().heapUsed - before.heapUsed
  console.log(JSON.stringify({ bytes, ms, peakPerByte: (peakRss - before.rss) / bytes, keptPerByte: kept / bytes }))
}
