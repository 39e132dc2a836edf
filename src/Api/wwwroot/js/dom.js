// DOM helpers. Every piece of data reaches the page as a text node or an attribute value, never as HTML:
// file names, OCR text and quotes are untrusted.

/** h('tag', {attrs}, ...children): strings become text nodes; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export const $ = (id) => document.getElementById(id);

/** '2024-03-07' → '2024.03.07'; other shapes unchanged. */
export function dot(date) {
  return typeof date === 'string' ? date.replaceAll('-', '.') : '';
}

export function period(date, endDate) {
  return endDate ? `${dot(date)} ~ ${dot(endDate)}` : dot(date);
}

export function bytes(size) {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)}MB`;
  if (size >= 1024) return `${Math.round(size / 1024)}KB`;
  return `${size}B`;
}

export const windowLabels = {
  within_3_months: '3개월 이내',
  within_1_year: '1년 이내',
  within_2_years: '2년 이내',
  within_5_years: '5년 이내',
  before_join: '고지 기간 이전',
  after_join: '가입 후(청구사항)',
  unknown: '확인 불가(보험가입일 미입력)',
};

export const windowLabel = (name) => windowLabels[name] ?? name ?? '';

export const typeLabels = {
  outpatient: '외래', emergency: '응급', admission: '입원', discharge: '퇴원', surgery: '수술',
  procedure: '시술', exam: '검사', pathology: '병리', medication: '투약', unknown: '미분류',
};

export const candidateTypeLabels = {
  diagnosis: '진단', exam: '검사', admission: '입원', surgery: '수술', pathology: '병리',
  follow_up: '추적 관찰', medication: '투약', continued_treatment: '계속 치료', other: '기타',
};

export const strengthLabels = { strong: '근거 강함', medium: '근거 보통', weak: '근거 약함' };

export const clusterStatusLabels = { present: '관련 기록 있음', review_needed: '검토 필요', not_found: '관련 기록 없음' };

/** The four mandatory warnings (domain.md §9.6); shown even when no report could be loaded. */
export const mandatoryWarnings = [
  '본 결과는 의학적 진단이 아닙니다.',
  '본 결과는 보험금 지급 여부에 대한 판단이 아닙니다.',
  '원본 서류의 품질이나 누락된 서류에 따라 결과가 달라질 수 있습니다.',
  '검토 필요로 표시된 항목은 반드시 원본과 대조하여 확인하십시오.',
];

export function diagnosisText(d) {
  if (!d) return '';
  const name = d.name ?? '';
  const code = d.code ?? '';
  if (name && code) return `${name}(${code})`;
  return name || code;
}

/** A valid yyyy-MM-dd calendar date between 1900 and 2100, or an error message in Korean; '' is allowed (optional). */
export function validateJoinDate(input) {
  input.removeAttribute('aria-invalid');
  if (input.validity?.badInput) return '보험가입일이 올바른 날짜가 아닙니다. 예: 2024-06-01';
  const value = input.value.trim();
  if (value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return '보험가입일은 yyyy-MM-dd 형식으로 입력하십시오. 예: 2024-06-01';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return '존재하지 않는 날짜입니다. 보험가입일을 다시 확인하십시오.';
  }
  if (year < 1900 || year > 2100) return '보험가입일은 1900년부터 2100년 사이여야 합니다.';
  return null;
}

export function showFieldError(input, errorElement, message) {
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    errorElement.textContent = message;
    errorElement.hidden = false;
  } else {
    input.removeAttribute('aria-invalid');
    errorElement.textContent = '';
    errorElement.hidden = true;
  }
}
