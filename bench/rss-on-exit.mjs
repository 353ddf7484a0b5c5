// Preloaded (`node --import ./bench/rss-on-exit.mjs …`) into a child the memory bench measures: prints the
// process's peak resident set size as one `peak-rss-mb <n>` line on stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${(process.resourceUsage().maxRSS * 1024) / 1e6}\n`)
})
