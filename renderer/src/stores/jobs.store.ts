import { create } from 'zustand';
import { api, watchJobs } from '../api';
import type { JobProgress } from '../../../shared/contract/types';
import { onReset } from './reset';

/** A job shorter than this shows nothing (no flash of a bar for a report that takes 50 ms). */
export const JOB_SHOWN_AFTER_MS = 400;
export const JOB_POLL_MS = 300;

interface JobsState {
  /** What the strip shows: the job under way once it has run JOB_SHOWN_AFTER_MS; else null. */
  shown: JobProgress | null;
}

export const useJobsStore = create<JobsState>()(() => ({ shown: null }));

/*
 * While this window waits for a long job, the core is asked how far it is every JOB_POLL_MS
 * (the door answers from its own memory: the job worker is busy). A door that runs jobs in
 * line (no progress to tell) answers null, and the strip shows the job without figures.
 */
let timer: ReturnType<typeof setTimeout> | null = null;
let waitingFor: readonly string[] = [];

function poll(): void {
  timer = setTimeout(() => {
    void api.jobs.progress({}).then(
      (progress) => {
        if (waitingFor.length === 0) return;
        useJobsStore.setState({ shown: progress ?? { channel: waitingFor[0]!, done: 0, total: null, queued: waitingFor.length - 1 } });
        poll();
      },
      () => waitingFor.length > 0 && poll(),
    );
  }, JOB_POLL_MS);
}

function follow(inFlight: readonly string[]): void {
  waitingFor = inFlight;
  if (inFlight.length === 0) {
    if (timer) clearTimeout(timer);
    timer = null;
    useJobsStore.setState({ shown: null });
  } else if (!timer) {
    timer = setTimeout(poll, JOB_SHOWN_AFTER_MS - JOB_POLL_MS);
  }
}

watchJobs(follow);

onReset(() => {
  if (timer) clearTimeout(timer);
  timer = null;
  useJobsStore.setState({ shown: null });
});
