// Recent jobs started in this browser: job id, time and file count only (no file names: they can name patients).
const key = 'vnexsus.recentJobs';

function read() {
  try {
    const jobs = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(jobs) ? jobs.filter((j) => typeof j?.jobId === 'string') : [];
  } catch {
    return [];
  }
}

export const recentJobs = {
  list: () => read(),
  add(job) {
    try {
      const jobs = [job, ...read().filter((j) => j.jobId !== job.jobId)].slice(0, 10);
      localStorage.setItem(key, JSON.stringify(jobs));
    } catch {
      // Storage may be disabled; the list is a convenience.
    }
  },
};
