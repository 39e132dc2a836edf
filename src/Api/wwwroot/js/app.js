// Routes: #/ (upload) and #/jobs/{jobId}?join=yyyy-MM-dd&policy=3.1.5 (progress, then results). The job id in the
// address is what lets a reload, a bookmark or a colleague's link resume watching the job.
import { $ } from './dom.js';
import { initUpload, showUpload } from './upload.js';
import { initJob, showJob, leaveJob } from './job.js';
import { session, signIn } from './api.js';

const jobIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parse() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, queryText] = hash.split('?');
  const query = new URLSearchParams(queryText ?? '');
  const match = /^\/jobs\/([^/]+)$/.exec(path);
  if (match) {
    const jobId = decodeURIComponent(match[1]);
    return {
      view: jobIdPattern.test(jobId) ? 'job' : 'missing',
      jobId,
      review: { joinDate: query.get('join') || undefined, policy: query.get('policy') || undefined },
    };
  }
  return { view: 'upload' };
}

export function jobHash(jobId, review = {}) {
  const query = new URLSearchParams();
  if (review.joinDate) query.set('join', review.joinDate);
  if (review.policy) query.set('policy', review.policy);
  const text = query.toString();
  return `#/jobs/${encodeURIComponent(jobId)}${text ? `?${text}` : ''}`;
}

function show(view) {
  for (const name of ['upload', 'job', 'missing', 'signin']) $(`view-${name}`).hidden = name !== view;
}

/** The key prompt, shown when the server asks for an API key; the page it interrupted resumes after sign-in. */
function showSignIn() {
  leaveJob();
  show('signin');
  document.title = 'VNexsus · API 키 입력';
  $('signin-key').focus();
}

function initSignIn() {
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('signin-key').value.trim();
    $('signin-error').hidden = true;
    if (key && (await signIn(key))) {
      $('signin-key').value = '';
      route();
      return;
    }
    $('signin-error').textContent = '키가 올바르지 않거나 폐기되었습니다. 관리자에게 확인하십시오.';
    $('signin-error').hidden = false;
    $('signin-key').focus();
  });
}

function route() {
  const target = parse();
  show(target.view);
  if (target.view === 'job') {
    document.title = 'VNexsus · 분석 작업';
    showJob(target.jobId, target.review);
  } else {
    leaveJob();
    if (target.view === 'upload') {
      document.title = 'VNexsus · 의료기록 올리기';
      showUpload();
    } else {
      $('missing-title').focus();
    }
  }
}

initUpload((jobId, review) => { location.hash = jobHash(jobId, review); });
initJob((jobId, review) => { location.hash = jobHash(jobId, review); });
window.addEventListener('hashchange', route);
window.addEventListener('vnexsus:job-missing', () => {
  leaveJob();
  show('missing');
  $('missing-title').focus();
});
window.addEventListener('vnexsus:signed-out', showSignIn);
initSignIn();
session().then(
  (current) => (current.ok && !current.signedIn ? showSignIn() : route()),
  () => route(),
);
