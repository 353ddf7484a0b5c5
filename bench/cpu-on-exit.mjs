// Preloaded (`node --import ./bench/cpu-on-exit.mjs …`) into a child a bench measures: prints the process's CPU time
// (user + system) as one `cpu-seconds <n>` line on stderr when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  process.stderr.write(`\ncpu-seconds ${(user + system) / 1e6}\n`)
})
