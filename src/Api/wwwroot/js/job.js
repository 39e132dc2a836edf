// The job view: live progress (Server-Sent Events), then the results: warnings, disclosure overview, clusters,
// the timeline with filters, and click-to-evidence (page image with the evidence box, the quote in context, the
// investigator's 10 slots).
import {
  $, h, replaceChildren, dot, period, windowLabel, windowLabels, typeLabels, candidateTypeLabels, strengthLabels,
  clusterStatusLabels, mandatoryWarnings, validateJoinDate, showFieldError,
} from './dom.js';
import * as api from './api.js';
import { fillPolicySelect } from './policies.js';

const emptyRow = '원본 확인이 필요한 의료 기록입니다';

const state = {
  jobId: null,
  review: {},
  stream: null,
  reconnect: null,
  progress: null,
  analysis: null,
  selected: null,
  clusterFilter: null,
  evidenceToken: 0,
  boxPlaced: false,
  onReviewChange: () => {},
};

export function initJob(onReviewChange) {
  state.onReviewChange = onReviewChange;
  $('job-cancel').addEventListener('click', cancelJob);
  for (const id of ['filter-window', 'filter-type', 'filter-hospital', 'filter-review']) {
    $(id).addEventListener('change', renderTimeline);
  }
  $('filter-text').addEventListener('input', renderTimeline);
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('review-form').addEventListener('submit', submitReview);
  $('page-image').addEventListener('load', () => {
    $('page-image').dataset.loaded = 'true';
    // The box is placed in fractions of the image, so it is shown once the image has its size.
    if (state.boxPlaced) {
      $('evidence-box').hidden = false;
      $('evidence-box').scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });
  $('page-image').addEventListener('error', () => {
    $('page-image').dataset.loaded = 'error';
    $('evidence-box').hidden = true;
    $('page-caption').textContent = '이 쪽의 이미지를 만들 수 없습니다. 아래 원문 인용과 주변 문장으로 확인하십시오.';
  });
}

/** Shows the job and watches it; called on navigation and on reload (the job id is in the address). */
export function showJob(jobId, review) {
  const sameJob = state.jobId === jobId;
  const sameReview = sameJob && state.review.joinDate === review.joinDate && state.review.policy === review.policy;
  if (sameReview) return;
  state.review = review;
  if (sameJob && state.progress?.terminal) {
    loadResults();
    return;
  }
  stopWatching();
  Object.assign(state, { jobId, progress: null, analysis: null, selected: null, clusterFilter: null });
  $('job-id').textContent = jobId;
  $('job-title').textContent = '분석 작업';
  $('results').hidden = true;
  $('progress-panel').classList.remove('compact');
  $('job-error').hidden = true;
  $('job-stage').textContent = '연결 중…';
  $('job-files').replaceChildren();
  resetDetail();
  $('job-title').focus();
  watch();
}

export function leaveJob() {
  stopWatching();
  state.jobId = null;
}

function stopWatching() {
  state.stream?.close();
  state.stream = null;
  clearTimeout(state.reconnect);
}

/** Opens the progress stream; the server pushes every change of the job and ends with an 'end' event. */
function watch() {
  const jobId = state.jobId;
  const stream = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
  state.stream = stream;
  stream.addEventListener('progress', (event) => {
    if (state.jobId === jobId) renderProgress(JSON.parse(event.data));
  });
  stream.addEventListener('end', () => {
    stream.close();
    if (state.jobId === jobId) finished();
  });
  stream.addEventListener('error', async () => {
    if (stream.readyState !== EventSource.CLOSED || state.stream !== stream) return;
    // The server refused the stream (unknown job) or went away for good: ask once, then try again later.
    const answer = await api.status(jobId).catch(() => null);
    if (state.jobId !== jobId) return;
    if (answer?.status === 404) {
      window.dispatchEvent(new CustomEvent('vnexsus:job-missing'));
      return;
    }
    $('job-stage').textContent = '서버 연결이 끊겼습니다. 다시 연결하는 중…';
    state.reconnect = setTimeout(() => { if (state.jobId === jobId) watch(); }, 3000);
  });
}

function renderProgress(progress) {
  state.progress = progress;
  $('job-progress').value = progress.progress;
  $('job-percent').textContent = `${progress.progress}%`;
  $('job-stage').textContent = progress.stageLabel;
  $('job-elapsed').textContent = progress.elapsedTime;
  $('job-cancel').hidden = progress.terminal;
  $('progress-panel').classList.toggle('cancelled', progress.status === 'cancelled');
  replaceChildren($('job-files'), progress.files.map(fileProgress));
}

/** One file's line: its name, its stage as the server reports it and, during OCR, a bar of pages recognised. */
function fileProgress(file) {
  return h('li', { class: `state-${file.status}`, dataset: { status: file.status, stage: file.stage } },
    h('span', { class: 'file-name' }, file.fileName),
    h('span', { class: 'file-stage' }, file.stageLabel),
    file.ocrPagesTotal
      ? h('progress', { class: 'file-pages', max: file.ocrPagesTotal, value: file.ocrPagesDone, 'aria-label': `${file.fileName} OCR 진행률` })
      : null);
}

function finished() {
  const progress = state.progress;
  if (!progress) return;
  if (progress.status === 'completed') {
    loadResults();
  } else {
    const message = progress.status === 'cancelled' ? '취소된 작업입니다.' : '읽을 수 있는 파일이 없어 분석하지 못했습니다. 파일별 안내를 확인하십시오.';
    const box = $('job-error');
    box.textContent = message;
    box.hidden = false;
  }
}

/** Asks the server to cancel; the progress stream then reports the job cancelled and ends. */
async function cancelJob() {
  const button = $('job-cancel');
  button.disabled = true;
  $('job-stage').textContent = '취소 요청 중…';
  const answer = await api.cancel(state.jobId).catch(() => null);
  button.disabled = false;
  if (!answer?.ok) {
    $('job-error').textContent = typeof answer?.body?.error === 'string' ? answer.body.error : '작업을 취소하지 못했습니다. 다시 시도하십시오.';
    $('job-error').hidden = false;
  }
}

// ---------------------------------------------------------------- results

async function loadResults() {
  const jobId = state.jobId;
  const review = { ...state.review };
  let loaded;
  try {
    loaded = await api.loadAnalysis(jobId, review);
  } catch (error) {
    if (state.jobId !== jobId) return;
    $('job-error').textContent = error.message;
    $('job-error').hidden = false;
    return;
  }
  if (state.jobId !== jobId) return;
  state.analysis = normalise(loaded);
  $('progress-panel').classList.add('compact');
  $('results').hidden = false;
  $('review-join-date').value = review.joinDate ?? state.analysis.joinDate ?? '';
  await fillPolicySelect($('review-policy'), review.policy ?? state.progress?.policyId ?? '',
    (message) => showFieldError($('review-policy'), $('review-error'), message));
  if (state.jobId !== jobId) return;
  showFieldError($('review-join-date'), $('review-error'), null);
  for (const format of ['pdf', 'html', 'json', 'text']) {
    $(`export-${format}`).href = api.exportUrl(jobId, format, review);
  }
  $('report-source').textContent = loaded.kind === 'report'
    ? `보고서 생성 ${new Date(loaded.report.caseBasicInfo?.generatedAt ?? Date.now()).toLocaleString('ko-KR')} · 규칙 ${loaded.report.caseBasicInfo?.ruleSetVersion ?? ''}`
    : '이 서버에는 보고서 기능이 없어 결과의 이벤트만 표시합니다.';
  renderWarnings();
  renderDisclosure();
  renderClusters();
  buildFilters();
  renderTimeline();
  renderFileSummary();
  const current = state.selected && state.analysis.rows.find((r) => r.eventId === state.selected);
  if (current) selectEvent(current.eventId);
  else resetDetail();
}

function diagnosisLabel(d) {
  if (d.name && d.code) return `${d.name}(${d.code})`;
  return d.code ?? d.name ?? (d.codeRaw ? `${d.codeRaw} (코드 확인요망)` : '');
}

/** Report rows and the result's events both become the same row shape. */
function normalise(loaded) {
  if (loaded.kind === 'report') {
    const report = loaded.report;
    return {
      kind: 'report',
      report,
      joinDate: report.disclosure?.joinDate ?? null,
      rows: (report.timeline ?? []).map((row) => ({ ...row, evidence: row.evidence ?? [] })),
      markers: report.windowMarkers ?? [],
      blocks: new Map((report.investigatorBlocks ?? []).map((b) => [b.eventId, b])),
    };
  }
  return {
    kind: 'events',
    report: null,
    joinDate: loaded.result?.insuranceJoinDate ?? null,
    markers: [],
    blocks: new Map(),
    rows: loaded.events.map((e) => ({
      eventId: e.eventId,
      date: e.period?.start ?? e.date,
      endDate: e.period?.end ?? null,
      time: e.time ?? null,
      type: e.type ?? 'unknown',
      typeLabel: typeLabels[e.type] ?? '미분류',
      hospital: e.hospital ?? null,
      department: e.department ?? null,
      diagnoses: e.diagnoses ?? [],
      content: (e.diagnoses ?? []).map(diagnosisLabel).join(' / '),
      primaryWindow: 'unknown',
      reviewNeeded: !!e.reviewNeeded,
      unresolvedReasons: [],
      evidence: e.evidence ? [{
        fileIndex: e.evidence.fileOrder, fileName: e.evidence.fileName, page: e.evidence.page,
        blockIndex: e.evidence.blockIndex, bbox: null, quote: e.evidence.quote,
      }] : [],
    })),
  };
}

function renderWarnings() {
  const warnings = state.analysis.report?.warnings?.length ? state.analysis.report.warnings : mandatoryWarnings;
  replaceChildren($('warnings'), h('h2', {}, '유의사항'), h('ul', {}, warnings.map((w) => h('li', {}, w))));
}

function renderDisclosure() {
  const body = $('disclosure-body');
  const report = state.analysis.report;
  if (!report?.disclosure) {
    replaceChildren(body, h('p', { class: 'muted' }, '고지의무 검토 개요는 보고서 기능이 있는 서버에서 표시됩니다.'));
    return;
  }
  const d = report.disclosure;
  const overview = d.candidateOverview ?? {};
  const policy = d.policy ?? {};
  // The mandatory warnings are shown once, above; the other notices (default policy, missing date) here.
  const shownWarnings = new Set(report.warnings ?? mandatoryWarnings);
  const notices = (d.notices ?? []).filter((n) => !shownWarnings.has(n.message));
  const windows = (policy.windows ?? []).filter((w) => w.start).map((w) => `${w.label ?? windowLabel(w.name)} ${dot(w.start)}~${dot(w.end)}`);
  replaceChildren(body,
    h('p', {},
      h('strong', {}, '보험가입일 '), d.joinDateAvailable ? dot(d.joinDate) : h('span', { class: 'badge-review' }, '보험가입일 입력이 필요합니다'),
      ' · ', h('strong', {}, '정책 '), policy.label ?? '-', policy.defaultApplied ? ' (기본 정책 적용)' : ''),
    windows.length ? h('p', { class: 'small muted' }, '기간: ', windows.join(' · ')) : null,
    h('p', {}, overview.summary ?? ''),
    h('p', { class: 'small muted' }, '판단이 아니라 원본과 대조할 검토 우선순위입니다.'),
    Object.keys(overview.byWindow ?? {}).length
      ? h('ul', { class: 'counts', 'aria-label': '기간별 검토 후보 수' },
        Object.entries(overview.byWindow).map(([name, count]) => h('li', {}, `${windowLabel(name)} ${count}건`)))
      : null,
    (d.candidates ?? []).length
      ? h('ul', { class: 'candidates', 'aria-label': '검토 후보' }, d.candidates.map(candidateItem))
      : h('p', { class: 'muted' }, '표시할 검토 후보가 없습니다.'),
    notices.length ? h('ul', { class: 'notices' }, notices.map((n) => h('li', {}, n.message))) : null);
}

function candidateItem(c) {
  return h('li', { dataset: { eventId: c.eventId } },
    h('div', { class: 'meta' },
      period(c.date, c.endDate), ' · ', windowLabel(c.window), ' · ', candidateTypeLabels[c.candidateType] ?? c.candidateType,
      ' · ', strengthLabels[c.strength] ?? c.strength, c.onJoinDate ? ' · 가입일 당일' : '',
      c.reviewNeeded ? [' ', h('span', { class: 'badge-review' }, '검토 필요')] : null),
    h('div', {}, c.rationale),
    c.unresolvedReason ? h('div', { class: 'small muted' }, c.unresolvedReason) : null,
    h('button', {
      type: 'button', class: 'link-button small',
      onclick: () => selectEvent(c.eventId, { evidence: c.evidence?.length ? c.evidence : null, focus: true }),
    }, '근거 보기'));
}

function renderClusters() {
  const clusters = state.analysis.report?.clusters ?? [];
  $('clusters').hidden = clusters.length === 0;
  replaceChildren($('cluster-list'), clusters.map((c) => h('li', {},
    h('div', {}, h('span', { class: 'cluster-name' }, c.label), h('span', { class: `chip ${c.status}` }, clusterStatusLabels[c.status] ?? c.status)),
    h('div', { class: 'small' }, c.overview),
    (c.relatedEventIds ?? []).length
      ? h('button', {
        type: 'button', class: 'link-button small',
        onclick: () => { state.clusterFilter = { label: c.label, ids: new Set(c.relatedEventIds) }; renderTimeline(); $('timeline-title').scrollIntoView({ block: 'start' }); },
      }, `관련 이벤트 ${c.relatedEventIds.length}건 보기`)
      : null)));
}

function renderFileSummary() {
  const files = state.progress?.files ?? [];
  replaceChildren($('file-summary-list'), files.map((file) => h('li', { class: `state-${file.status}` },
    h('span', { class: 'file-name' }, file.fileName), ' · ', file.stageLabel)));
}

// ---------------------------------------------------------------- timeline

function options(select, entries, allLabel) {
  const current = select.value;
  replaceChildren(select, h('option', { value: '' }, allLabel), entries.map(([value, label]) => h('option', { value }, label)));
  select.value = entries.some(([value]) => value === current) ? current : '';
}

function buildFilters() {
  const rows = state.analysis.rows;
  const windows = Object.keys(windowLabels).filter((w) => rows.some((r) => r.primaryWindow === w));
  for (const w of new Set(rows.map((r) => r.primaryWindow))) if (w && !windows.includes(w)) windows.push(w);
  options($('filter-window'), windows.map((w) => [w, windowLabel(w)]), '전체');
  const types = [...new Set(rows.map((r) => r.typeLabel))];
  options($('filter-type'), types.map((t) => [t, t]), '전체');
  const hospitals = [...new Set(rows.map((r) => r.hospital ?? ''))].sort((a, b) => a.localeCompare(b, 'ko'));
  options($('filter-hospital'), hospitals.map((name) => [name || '(미기재)', name || '미기재']), '전체');
}

function matches(row) {
  const window = $('filter-window').value;
  const type = $('filter-type').value;
  const hospital = $('filter-hospital').value;
  const text = $('filter-text').value.trim().toLowerCase();
  if (window && row.primaryWindow !== window) return false;
  if (type && row.typeLabel !== type) return false;
  if (hospital && (row.hospital || '(미기재)') !== hospital) return false;
  if ($('filter-review').checked && !row.reviewNeeded) return false;
  if (state.clusterFilter && !state.clusterFilter.ids.has(row.eventId)) return false;
  if (text) {
    const haystack = [row.content, row.hospital, row.department, row.typeLabel, ...row.diagnoses.map(diagnosisLabel)].join(' ').toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** The content cell without the diagnoses, which have their own column. */
function contentWithoutDiagnoses(row) {
  const diagnoses = new Set(row.diagnoses.map(diagnosisLabel));
  const rest = (row.content ?? '').split(' / ').filter((part) => part && !diagnoses.has(part));
  return rest.join(' / ');
}

function renderTimeline() {
  const rows = state.analysis.rows;
  const shown = rows.filter(matches);
  const markers = [...state.analysis.markers].sort((a, b) => a.date.localeCompare(b.date));
  const body = [];
  let m = 0;
  for (const row of shown) {
    while (m < markers.length && markers[m].date <= row.date) body.push(markerRow(markers[m++]));
    body.push(eventRow(row));
  }
  while (m < markers.length) body.push(markerRow(markers[m++]));
  if (shown.length === 0) body.push(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, rows.length ? '조건에 맞는 이벤트가 없습니다.' : '찾은 의료 이벤트가 없습니다. 원본 확인이 필요합니다.')));
  replaceChildren($('timeline-body'), body);
  replaceChildren($('timeline-count'),
    `전체 ${rows.length}건 중 ${shown.length}건 표시 · 검토 필요 ${rows.filter((r) => r.reviewNeeded).length}건`,
    state.clusterFilter ? [' · 질환군: ', state.clusterFilter.label, ' ',
      h('button', { type: 'button', class: 'link-button', onclick: () => { state.clusterFilter = null; renderTimeline(); } }, '질환군 필터 해제')] : null);
}

function markerRow(marker) {
  return h('tr', { class: 'marker' }, h('td', { colspan: 7 }, `${marker.label} ${dot(marker.date)}`));
}

function eventRow(row) {
  const evidence = row.evidence[0];
  const classes = ['event', row.reviewNeeded ? 'review' : '', state.selected === row.eventId ? 'selected' : ''].filter(Boolean).join(' ');
  const when = period(row.date, row.endDate) + (row.time ? ` ${row.time}` : '');
  const rest = contentWithoutDiagnoses(row);
  return h('tr', {
    class: classes, dataset: { eventId: row.eventId, date: row.date }, 'aria-selected': state.selected === row.eventId ? 'true' : 'false',
    onclick: () => selectEvent(row.eventId),
  },
  h('td', { class: 'date' }, when),
  h('td', {}, row.typeLabel, row.reviewNeeded ? [' ', h('span', { class: 'badge-review', title: (row.unresolvedReasons ?? []).join(', ') || null }, '검토 필요')] : null),
  h('td', {}, row.hospital ?? h('span', { class: 'muted' }, '미기재'), row.department ? ` ${row.department}` : ''),
  h('td', {}, row.diagnoses.length ? row.diagnoses.map((d, i) => [i ? ', ' : '', d.name ?? '', d.code ? h('span', { class: 'code' }, d.name ? `(${d.code})` : d.code) : '', !d.code && !d.name && d.codeRaw ? `${d.codeRaw} (코드 확인요망)` : '']) : h('span', { class: 'muted' }, '-')),
  h('td', {}, rest || (row.diagnoses.length ? '' : emptyRow)),
  h('td', {}, windowLabel(row.primaryWindow)),
  evidenceCell(row, evidence, when));
}

/** The row's evidence button; its accessible name starts with its visible text (WCAG 2.5.3), then says which event. */
function evidenceCell(row, evidence, when) {
  const visible = evidence ? `${evidence.page}쪽` : '근거 없음';
  return h('td', {}, h('button', {
    type: 'button', class: 'button secondary small', 'aria-label': `${visible}: ${when} ${row.typeLabel} 근거 보기`,
    onclick: (e) => { e.stopPropagation(); selectEvent(row.eventId, { focus: true }); },
  }, visible));
}

// ---------------------------------------------------------------- detail and evidence

function resetDetail() {
  state.selected = null;
  $('detail-title').textContent = '근거';
  $('detail-hint').hidden = false;
  $('evidence').hidden = true;
  $('slots').hidden = true;
}

/** Selects an event: highlights its row, shows its first (or the given) evidence and its investigator slots. */
function selectEvent(eventId, { evidence = null, focus = false } = {}) {
  const row = state.analysis.rows.find((r) => r.eventId === eventId);
  if (!row) return;
  state.selected = eventId;
  for (const tr of $('timeline-body').querySelectorAll('tr.event')) {
    const on = tr.dataset.eventId === eventId;
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', on ? 'true' : 'false');
  }
  $('detail-title').textContent = `${period(row.date, row.endDate)} ${row.hospital ?? ''} ${row.typeLabel}`.replace(/\s+/g, ' ').trim();
  $('detail-hint').hidden = true;
  renderSlots(row);
  const list = evidence ?? row.evidence;
  if (list.length) showEvidence(list, 0);
  else {
    $('evidence').hidden = true;
    $('detail-hint').hidden = false;
    $('detail-hint').textContent = '이 이벤트에는 연결된 근거가 없습니다. 원본 확인이 필요합니다.';
  }
  if (focus) $('detail-title').focus();
}

function renderSlots(row) {
  const block = state.analysis.blocks.get(row.eventId);
  const reasons = row.unresolvedReasons ?? [];
  if (!block) {
    $('slots').hidden = reasons.length === 0;
    replaceChildren($('slot-list'), reasons.length ? [h('dt', {}, '검토 필요 이유'), h('dd', {}, reasons.join(', '))] : []);
    return;
  }
  $('slots').hidden = false;
  replaceChildren($('slot-list'),
    block.slots.map((slot) => [
      h('dt', {}, `${slot.no}. ${slot.title}`),
      h('dd', { class: slot.value === '미기재' ? 'not-recorded' : null },
        slot.value,
        slot.evidenceRefs?.length ? [' ', h('button', {
          type: 'button', class: 'link-button small', 'aria-label': `${slot.title} 근거 보기`,
          onclick: () => showEvidence(slot.evidenceRefs, 0),
        }, '근거')] : null),
    ]),
    reasons.length ? [h('dt', {}, '검토 필요 이유'), h('dd', {}, reasons.join(', '))] : null);
}

/** Opens the evidence's page image with its box highlighted, the quote and the neighbouring blocks. */
async function showEvidence(list, index) {
  const evidence = list[index];
  const token = ++state.evidenceToken;
  $('evidence').hidden = false;
  $('detail-hint').hidden = true;
  $('evidence-source').textContent = `파일 ${evidence.fileIndex} · ${evidence.fileName} · ${evidence.page}쪽`;
  replaceChildren($('evidence-switch'), list.length > 1 ? list.map((e, i) => h('button', {
    type: 'button', class: 'button secondary small', 'aria-pressed': i === index ? 'true' : 'false',
    'aria-label': `근거 ${i + 1} / ${list.length}: 파일 ${e.fileIndex} ${e.page}쪽`,
    onclick: () => showEvidence(list, i),
  }, `${i + 1}`)) : []);
  $('evidence-quote').textContent = evidence.quote ?? '';
  $('evidence-context').replaceChildren();
  $('evidence-corrections').replaceChildren();
  $('evidence-corrections').hidden = true;
  const box = $('evidence-box');
  box.hidden = true;
  state.boxPlaced = false;
  const image = $('page-image');
  const source = api.pageImageUrl(state.jobId, evidence.fileIndex, evidence.page);
  if (image.getAttribute('src') !== source) {
    image.dataset.loaded = 'false';
    image.src = source;
  }
  image.alt = `${evidence.fileName} ${evidence.page}쪽 원본 이미지`;
  $('page-caption').textContent = '';

  let page = null;
  try {
    page = await api.pageBlocks(state.jobId, evidence.fileIndex, evidence.page);
  } catch (error) {
    if (token === state.evidenceToken) $('page-caption').textContent = error.message;
  }
  if (token !== state.evidenceToken) return;
  const blocks = page?.blocks ?? [];
  const anchor = blocks.find((b) => b.index === evidence.blockIndex);
  const bbox = evidence.bbox ?? anchor?.bbox;
  if (bbox && page?.width > 0 && page?.height > 0) {
    // Boxes are in the page image's pixel space: as fractions of the page they follow the rendered size.
    box.style.left = `${(bbox.xMin / page.width) * 100}%`;
    box.style.top = `${(bbox.yMin / page.height) * 100}%`;
    box.style.width = `${((bbox.xMax - bbox.xMin) / page.width) * 100}%`;
    box.style.height = `${((bbox.yMax - bbox.yMin) / page.height) * 100}%`;
    Object.assign(box.dataset, { xMin: bbox.xMin, yMin: bbox.yMin, xMax: bbox.xMax, yMax: bbox.yMax, pageWidth: page.width, pageHeight: page.height });
    state.boxPlaced = true;
    box.hidden = image.dataset.loaded !== 'true';
    $('page-caption').textContent = '노란 바탕에 빨간 테두리로 표시한 곳이 근거 문장의 위치입니다.';
    if (!box.hidden) box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  } else if (page) {
    $('page-caption').textContent = '이 근거에는 위치 정보가 없어 쪽 전체를 표시합니다. 원문 인용으로 확인하십시오.';
  }
  if (anchor) {
    const around = blocks.filter((b) => Math.abs(b.index - anchor.index) <= 2);
    replaceChildren($('evidence-context'), around.map((b) => h('li', { class: b.index === anchor.index ? 'anchor' : null }, b.text)));
    // What the OCR changed in these lines after its first reading, so the reader can weigh them against the image.
    const corrections = around.flatMap((b) => b.corrections ?? []);
    replaceChildren($('evidence-corrections'), corrections.map((c) => h('li', {},
      'OCR 보정: 처음 읽은 글자 ', h('code', {}, c.original), ' → ', h('code', {}, c.corrected), ' (이미지 재판독)')));
    $('evidence-corrections').hidden = corrections.length === 0;
  }
}

// ---------------------------------------------------------------- review inputs

function submitReview(event) {
  event.preventDefault();
  const input = $('review-join-date');
  const error = validateJoinDate(input);
  showFieldError(input, $('review-error'), error);
  if (error) {
    input.focus();
    return;
  }
  state.onReviewChange(state.jobId, { joinDate: input.value.trim() || undefined, policy: $('review-policy').value || undefined });
}
