/** An AI policy as a lender would keep it, in the states document control walks through. */
export interface PolicyState {
  status?: string;
  version?: string;
  approvedOn?: string;
  lastReviewed?: string;
  nextReview?: string;
  title?: string;
  body?: string;
}

export const POLICY_BODY = `# Northwind Credit AI Policy

## Purpose
Northwind Credit uses AI to decide loan applications quickly and fairly. This
policy sets the principles every AI system in scope must meet.

## Principles
1. No application is declined without review by a credit analyst.
2. Protected characteristics are never model inputs.
`;

/** The policy's text; approval fields appear only when given, so a draft has none. */
export function policy(state: PolicyState = {}): string {
  const lines = [
    '---',
    'id: POL-001',
    'type: ai-policy',
    `title: ${state.title ?? 'Northwind Credit AI Policy'}`,
    'owner: ROLE-AIMS-MANAGER',
    `status: ${state.status ?? 'approved'}`,
    `version: "${state.version ?? '2.1'}"`,
  ];
  if ((state.status ?? 'approved') === 'approved') {
    lines.push('approved_by: ROLE-CRO', `approved_on: ${state.approvedOn ?? '2026-03-01'}`);
    lines.push(`last_reviewed: ${state.lastReviewed ?? '2026-03-01'}`, `next_review: ${state.nextReview ?? '2027-03-01'}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n${state.body ?? POLICY_BODY}`;
}

/** The body with one principle added: a change of content. */
export const AMENDED_BODY = `${POLICY_BODY}3. Every model is tested for disparate outcomes each quarter.\n`;
