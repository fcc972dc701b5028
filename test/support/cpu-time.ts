/**
 * The CPU time one call takes, in milliseconds. Tests that bound how long work
 * takes (linear-time parsers) measure this rather than the wall clock, which
 * grows with whatever else the machine runs.
 */
export function cpuMsOf(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
