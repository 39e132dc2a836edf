// The window-policy lists of the upload and review forms, filled from the server's policy data (GET /api/policies),
// so the app offers exactly the policies the rules know.
import { h, replaceChildren } from './dom.js';
import * as api from './api.js';

const unitLabels = { days: '일', months: '개월', years: '년' };

/** '3개월 / 1년 / 5년' for a policy's windows. */
export function windowSummary(policy) {
  return (policy.windows ?? []).map((w) => `${w.amount}${unitLabels[w.unit] ?? w.unit}`).join(' / ');
}

/**
 * Fills the select with the configured default first (value ''), then every policy; keeps `selected` when the server
 * knows it. When the list cannot be loaded the default alone stays and `onError` gets the message.
 */
export async function fillPolicySelect(select, selected, onError) {
  let data;
  try {
    data = await api.policies();
  } catch (error) {
    replaceChildren(select, h('option', { value: '' }, '기본 정책'));
    onError?.(error.message);
    return;
  }
  const fallback = data.policies.find((p) => p.policyId === data.defaultPolicyId);
  replaceChildren(select,
    h('option', { value: '' }, fallback ? `기본 정책 (${fallback.label} · ${windowSummary(fallback)})` : '기본 정책'),
    data.policies.map((p) => h('option', { value: p.policyId }, `${p.label} · ${windowSummary(p)}`)));
  select.value = data.policies.some((p) => p.policyId === selected) ? selected : '';
  onError?.(null);
}
