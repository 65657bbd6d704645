import { controlsOf } from '../catalog/index.js';
import { iso42001_2023 } from '../catalog/iso42001-2023.js';
import { md, type Files } from './rule-tester.js';

const ALL_CONTROLS = controlsOf(iso42001_2023).map((control) => control.id).join(', ');

/** The roles every fixture's owners and approvers point at. */
export const ROLES_DOC = md`
  ---
  id: ROLES-001
  type: roles
  title: AI governance roles
  owner: ROLE-AIMS-LEAD
  status: approved
  version: "1.0"
  approved_by: ROLE-AIMS-LEAD
  approved_on: 2026-01-10
  last_reviewed: 2026-01-10
  next_review: 2027-01-10
  roles:
    - id: ROLE-AIMS-LEAD
      name: AIMS lead
      holders: [Dana Weber]
      responsibilities: [Runs the AI management system]
    - id: ROLE-DPO
      name: Data protection officer
      holders: [Jonas Feld]
      responsibilities: [Advises on personal data in AI systems]
  ---
  # AI governance roles

  Who does what in our AI management system.
`;

/** A small approved policy, valid against its schema, that claims every control (so SoA fixtures can cite it). */
export const POLICY_DOC = md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  owner: ROLE-AIMS-LEAD
  status: approved
  version: "2.1"
  approved_by: ROLE-AIMS-LEAD
  approved_on: 2026-03-01
  last_reviewed: 2026-03-01
  next_review: 2027-03-01
  controls: [${ALL_CONTROLS}]
  ---
  # AI policy

  ## Policy review

  The board reviews this policy every year.
`;

export const baseRepository = (): Files => ({ 'aims/roles.md': ROLES_DOC, 'aims/ai-policy.md': POLICY_DOC });
