const MB = 1024 * 1024;

/**
 * A size in megabytes to one decimal, rounded up and at least 0.1: a file just over a limit or
 * a free space never reads as fitting, and a small one never as 0 MB.
 */
export function megabytesRoundedUp(bytes: number): number {
  return Math.max(0.1, Math.ceil((bytes / MB) * 10) / 10);
}
