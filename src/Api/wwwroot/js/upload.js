// The upload view: drag and drop or picker, several files, enrollment date and policy, Korean messages per error code.
import { $, h, replaceChildren, bytes, validateJoinDate, showFieldError } from './dom.js';
import { upload, limits, acceptedExtensions, UploadFailure } from './api.js';
import { recentJobs } from './recent.js';
import { fillPolicySelect } from './policies.js';

let selected = [];
let idempotencyKey = null;
let onUploaded = () => {};

function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** What is wrong with a file before it is sent, or null; the server checks again (type by signature). */
function problemOf(file) {
  if (!acceptedExtensions.includes(extensionOf(file.name))) return 'PDF, PNG, JPEG, TXT가 아닌 파일';
  if (file.size === 0 || file.size < limits.minFileBytes) return '비어 있는 파일';
  if (file.size > limits.maxFileBytes) return '100MB 초과';
  return null;
}

function renderFiles() {
  const list = $('file-list');
  replaceChildren(list, selected.map((file, index) => {
    const problem = problemOf(file);
    return h('li', {},
      h('span', { class: 'name' }, file.name),
      h('span', { class: 'muted' }, bytes(file.size)),
      problem && h('span', { class: 'problem' }, problem),
      h('button', {
        type: 'button', class: 'button secondary small', 'aria-label': `${file.name} 빼기`,
        onclick: () => { selected.splice(index, 1); changed(); $('file-input').focus(); },
      }, '빼기'));
  }));
}

function changed() {
  idempotencyKey = null;
  hideError();
  renderFiles();
  $('upload-status').textContent = selected.length ? `${selected.length}개 파일 선택됨` : '';
}

function addFiles(fileList) {
  for (const file of fileList) {
    if (!selected.some((f) => f.name === file.name && f.size === file.size && f.lastModified === file.lastModified)) selected.push(file);
  }
  changed();
}

function hideError() {
  const box = $('upload-error');
  box.hidden = true;
  box.replaceChildren();
}

function showError(message, details = [], serverMessage = null) {
  const box = $('upload-error');
  replaceChildren(box,
    h('strong', {}, message),
    serverMessage && serverMessage !== message ? h('div', { class: 'small' }, `서버 안내: ${serverMessage}`) : null,
    details.length ? h('ul', {}, details.map((d) => h('li', {}, d))) : null);
  box.hidden = false;
}

/** Checks everything the browser can know before sending; returns false after showing why. */
function validate() {
  const dateError = validateJoinDate($('join-date'));
  showFieldError($('join-date'), $('join-date-error'), dateError);
  if (selected.length === 0) {
    showError('올릴 파일을 하나 이상 선택하십시오.');
    $('file-input').focus();
    return false;
  }
  if (selected.length > limits.maxFiles) {
    showError(`파일이 너무 많습니다. 한 번에 최대 ${limits.maxFiles}개까지 올릴 수 있습니다. (선택: ${selected.length}개)`);
    return false;
  }
  const problems = selected.map((f) => [f, problemOf(f)]).filter(([, p]) => p);
  if (problems.length) {
    showError('올릴 수 없는 파일이 있습니다. 목록에서 빼고 다시 시도하십시오.', problems.map(([f, p]) => `${f.name}: ${p}`));
    return false;
  }
  if (dateError) {
    $('join-date').focus();
    return false;
  }
  return true;
}

async function submit(event) {
  event.preventDefault();
  hideError();
  if (!validate()) return;
  const button = $('upload-submit');
  const progress = $('upload-progress');
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  $('upload-status').textContent = '올리는 중…';
  // One key per submission: a retry after a lost answer returns the same job instead of a second one.
  idempotencyKey ??= crypto.randomUUID();
  try {
    const joinDate = $('join-date').value.trim();
    const policy = $('policy').value;
    const accepted = await upload(selected, joinDate, policy, idempotencyKey, (percent) => {
      progress.value = percent;
      $('upload-status').textContent = `올리는 중… ${percent}%`;
    });
    recentJobs.add({ jobId: accepted.jobId, files: selected.length, at: new Date().toISOString() });
    selected = [];
    idempotencyKey = null;
    renderFiles();
    $('upload-form').reset();
    $('upload-status').textContent = '';
    onUploaded(accepted.jobId, { joinDate, policy });
  } catch (error) {
    if (error instanceof UploadFailure) {
      showError(error.message, error.details ?? [], error.serverMessage);
      if (error.code === 'VALIDATION_ERROR') showFieldError($('join-date'), $('join-date-error'), error.message);
      if (error.code === 'UNKNOWN_POLICY') showFieldError($('policy'), $('policy-error'), error.message);
      if (error.code !== 'NETWORK' && error.code !== 'SERVICE_UNAVAILABLE') idempotencyKey = null;
    } else {
      showError('업로드 중 알 수 없는 오류가 발생했습니다.');
    }
    $('upload-status').textContent = '';
  } finally {
    button.disabled = false;
    progress.hidden = true;
  }
}

function renderRecent() {
  const jobs = recentJobs.list();
  replaceChildren($('recent-list'), jobs.length
    ? jobs.map((job) => h('li', {},
      h('a', { href: `#/jobs/${encodeURIComponent(job.jobId)}` }, new Date(job.at).toLocaleString('ko-KR')),
      ` · 파일 ${job.files}개 · `, h('code', {}, job.jobId.slice(0, 8))))
    : h('li', { class: 'muted' }, '이 브라우저에서 시작한 분석이 없습니다.'));
}

export function initUpload(uploaded) {
  onUploaded = uploaded;
  const zone = $('dropzone');
  const input = $('file-input');
  input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
  for (const name of ['dragenter', 'dragover']) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.add('dragover'); });
  }
  for (const name of ['dragleave', 'drop']) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.remove('dragover'); });
  }
  zone.addEventListener('drop', (e) => addFiles(e.dataTransfer?.files ?? []));
  // Dropping a file elsewhere on the page must not navigate away from the app.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('join-date').addEventListener('change', () => showFieldError($('join-date'), $('join-date-error'), validateJoinDate($('join-date'))));
  $('upload-form').addEventListener('submit', submit);
}

export function showUpload() {
  renderRecent();
  renderFiles();
  fillPolicySelect($('policy'), $('policy').value, (message) => showFieldError($('policy'), $('policy-error'), message));
}
