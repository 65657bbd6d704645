/**
 * Who may own and approve documents. By default a role (`ROLE-...`), so
 * ownership survives staff changes; a config may also accept e-mail
 * addresses and team names, as many organisations keep them.
 */
export type OwnerForm = 'role' | 'email' | 'team';
export const OWNER_FORMS: readonly OwnerForm[] = ['role', 'email', 'team'];

export interface OwnerPolicy {
  accept: OwnerForm[];
  /** The team names that exist, so `ML platform` and `ML-Platform` cannot both own documents. */
  teams: string[];
}

export const DEFAULT_OWNER_POLICY: OwnerPolicy = { accept: ['role'], teams: [] };

const ROLE = /^ROLE-[A-Z0-9]+(-[A-Z0-9]+)*$/;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** The policy from a rule's options (the config's `owners`, passed on), else roles only. */
export function ownerPolicyOf(options: Record<string, unknown>): OwnerPolicy {
  const value = options['owners'];
  if (typeof value !== 'object' || value === null) return DEFAULT_OWNER_POLICY;
  const { accept, teams } = value as { accept?: unknown; teams?: unknown };
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  return { accept: strings(accept).filter((form): form is OwnerForm => (OWNER_FORMS as readonly string[]).includes(form)), teams: strings(teams) };
}

/**
 * What an owner value is under the policy: a role id (to be resolved), an
 * accepted e-mail or listed team, an unlisted team, or nothing accepted.
 */
export function ownerForm(value: string, policy: OwnerPolicy): 'role' | 'accepted' | 'unlisted-team' | 'rejected' {
  if (ROLE.test(value)) return 'role';
  if (EMAIL.test(value)) return policy.accept.includes('email') ? 'accepted' : 'rejected';
  if (!policy.accept.includes('team')) return 'rejected';
  return policy.teams.includes(value) ? 'accepted' : 'unlisted-team';
}

/** The fields that name who owns or approved a document. */
export const OWNER_FIELDS: readonly string[] = ['owner', 'approved_by'];
