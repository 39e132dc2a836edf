// The API the app uses (README.md): upload, progress stream, report (or the result's events when no report route
// exists), evidence blocks and page images, export.

export const limits = { maxFiles: 8, maxFileBytes: 100 * 1024 * 1024, minFileBytes: 10 };
export const acceptedExtensions = ['.pdf', '.png', '.jpg', '.jpeg', '.txt'];

/** Korean messages per upload error code; the server's own message and details are shown beneath. */
const uploadMessages = {
  NO_FILES: '올릴 파일을 하나 이상 선택하십시오.',
  TOO_MANY_FILES: '파일이 너무 많습니다. 한 번에 최대 8개까지 올릴 수 있습니다.',
  INVALID_FILE_TYPE: '지원하지 않는 파일 형식이 있습니다. PDF, PNG, JPEG, TXT 파일만 올릴 수 있으며, 확장자와 실제 내용이 일치해야 합니다.',
  EMPTY_FILES: '내용이 비어 있는 파일이 있습니다. 파일을 다시 확인하십시오.',
  CORRUPT_FILES: '손상되었거나 암호가 걸려 읽을 수 없는 파일이 있습니다. 원본 파일을 다시 저장해 올려 주십시오.',
  FILE_TOO_LARGE: '허용 크기(파일당 100MB)를 넘는 파일이 있습니다. 나누어 올려 주십시오.',
  UPLOAD_ERROR: '업로드 요청을 처리하지 못했습니다. 네트워크 상태를 확인하고 다시 시도하십시오.',
  VALIDATION_ERROR: '보험가입일이 올바르지 않습니다. yyyy-MM-dd 형식의 실제 날짜를 입력하십시오.',
  UNKNOWN_POLICY: '서버가 모르는 고지 기간 정책입니다. 화면을 새로 고친 뒤 목록에서 다시 고르십시오.',
  SERVER_ERROR: '서버에서 오류가 발생했습니다. 잠시 후 다시 시도하십시오.',
  SERVICE_UNAVAILABLE: '서비스를 일시적으로 사용할 수 없습니다. 30초쯤 뒤에 다시 시도하십시오.',
  CONFLICT: '같은 요청 키로 다른 업로드가 이미 접수되었습니다. 화면을 새로 고친 뒤 다시 올려 주십시오.',
  NETWORK: '서버에 연결할 수 없습니다. 네트워크 상태를 확인하십시오.',
  UNAUTHORIZED: 'API 키가 없거나 더 이상 유효하지 않습니다. 키를 다시 입력하십시오.',
  RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도하십시오.',
};

/** Tells the app that the server no longer accepts this browser's key (revoked, or the session ended). */
function signedOut(response) {
  if (response.status === 401) window.dispatchEvent(new Event('vnexsus:signed-out'));
  return response;
}

/** Who this browser is to the server: {ok, signedIn, tenant}. With keys off, always signed in as the local tenant. */
export async function session() {
  const response = await fetch('/api/session', { cache: 'no-store' });
  const body = await json(response);
  return { ok: response.ok || response.status === 401, signedIn: response.ok, tenant: body?.tenant };
}

/** Sends the key once; the server keeps it in an HttpOnly cookie. Resolves to true when it was accepted. */
export async function signIn(key) {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  return response.ok;
}

export class UploadFailure extends Error {
  constructor(code, serverMessage, details) {
    super(uploadMessages[code] ?? uploadMessages.SERVER_ERROR);
    this.code = code;
    this.serverMessage = serverMessage;
    this.details = details;
  }
}

/** The names the server listed for this refusal (invalid, empty or corrupt files), if any. */
function detailsOf(body) {
  const names = [];
  for (const name of body?.invalidFiles ?? []) names.push(name);
  for (const name of body?.emptyFiles ?? []) names.push(name);
  for (const file of body?.corruptFiles ?? []) names.push(file?.name);
  const details = names.filter(Boolean).map(String);
  if (body?.code === 'TOO_MANY_FILES' && body.filesReceived) details.push(`받은 파일 ${body.filesReceived}개 / 최대 ${body.maxAllowed}개`);
  return details;
}

/** POST /api/ocr/upload with upload progress; resolves to {jobId, ...}, rejects with UploadFailure. */
export function upload(files, joinDate, policy, idempotencyKey, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    if (joinDate) form.append('insuranceJoinDate', joinDate);
    if (policy) form.append('policy', policy);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/ocr/upload');
    request.setRequestHeader('Idempotency-Key', idempotencyKey);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    });
    request.addEventListener('load', () => {
      const body = request.response;
      if (request.status === 202 || request.status === 200) {
        if (body?.jobId) resolve(body);
        else reject(new UploadFailure('SERVER_ERROR'));
        return;
      }
      if (request.status === 401) window.dispatchEvent(new Event('vnexsus:signed-out'));
      const refused = body?.code ?? body?.error?.code ?? (request.status === 413 ? 'FILE_TOO_LARGE' : 'SERVER_ERROR');
      const code = refused === 'VALIDATION_ERROR' && body?.field === 'policy' ? 'UNKNOWN_POLICY' : refused;
      const message = typeof body?.error === 'string' ? body.error : body?.error?.message;
      reject(new UploadFailure(code, message, detailsOf(body)));
    });
    request.addEventListener('error', () => reject(new UploadFailure('NETWORK')));
    request.addEventListener('abort', () => reject(new UploadFailure('NETWORK')));
    request.send(form);
  });
}

async function json(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function status(jobId) {
  const response = signedOut(await fetch(`/api/ocr/status/${encodeURIComponent(jobId)}`, { cache: 'no-store' }));
  return { ok: response.ok, status: response.status, body: await json(response) };
}

let policyList = null;

/** The window policies the server's rules know (GET /api/policies): {defaultPolicyId, policies[]}; fetched once. */
export function policies() {
  policyList ??= fetch('/api/policies').then(async (response) => {
    const body = await json(response);
    if (!response.ok || !Array.isArray(body?.policies)) throw new Error('고지 기간 정책 목록을 불러오지 못했습니다.');
    return body;
  });
  policyList.catch(() => { policyList = null; });
  return policyList;
}

export async function cancel(jobId) {
  const response = signedOut(await fetch(`/api/ocr/jobs/${encodeURIComponent(jobId)}`, { method: 'DELETE' }));
  return { ok: response.ok, body: await json(response) };
}

function reviewQuery({ joinDate, policy } = {}) {
  const query = new URLSearchParams();
  if (joinDate) query.set('insuranceJoinDate', joinDate);
  if (policy) query.set('policy', policy);
  return query;
}

export function exportUrl(jobId, format, review) {
  const query = reviewQuery(review);
  query.set('format', format);
  return `/api/jobs/${encodeURIComponent(jobId)}/export?${query}`;
}

/**
 * The report (GET /api/jobs/{id}/report) as {kind: 'report', report}; where that route does not exist, the result's
 * events as {kind: 'events', events}. Throws an Error with a Korean message for refusals (e.g. an invalid date).
 */
export async function loadAnalysis(jobId, review) {
  const id = encodeURIComponent(jobId);
  const response = signedOut(await fetch(`/api/jobs/${id}/report?${reviewQuery(review)}`, { cache: 'no-store' }));
  const body = await json(response);
  if (response.status === 200 && body) return { kind: 'report', report: body };
  if (response.status === 400) throw new Error(body?.error?.message ?? '검토 기준이 올바르지 않습니다.');
  if (response.status === 404 && body?.code === 'JOB_NOT_FOUND') throw new Error('작업을 찾을 수 없습니다.');
  if (response.status === 409) throw new Error(body?.error?.message ?? '분석할 수 있는 파일이 없습니다.');

  const result = await fetch(`/api/ocr/result/${id}`, { cache: 'no-store' });
  const resultBody = await json(result);
  if (result.status !== 200 || !resultBody) throw new Error('결과를 불러오지 못했습니다.');
  return { kind: 'events', events: resultBody.events ?? [], result: resultBody };
}

const blockCache = new Map();

/** The page's size and blocks (GET /api/ocr/blocks), cached per job, file and page. */
export function pageBlocks(jobId, file, page) {
  const key = `${jobId}/${file}/${page}`;
  if (!blockCache.has(key)) {
    const request = fetch(`/api/ocr/blocks/${encodeURIComponent(jobId)}?file=${file}&page=${page}`)
      .then(signedOut)
      .then(async (response) => {
        const body = await json(response);
        if (!response.ok || !body?.success) throw new Error('이 쪽의 문장 위치 정보를 불러오지 못했습니다.');
        return body.data.pages[0];
      });
    request.catch(() => blockCache.delete(key));
    blockCache.set(key, request);
  }
  return blockCache.get(key);
}

export function pageImageUrl(jobId, file, page) {
  return `/api/ocr/page-image/${encodeURIComponent(jobId)}/${file}/${page}`;
}
