/**
 * An error in what the caller asked for (bad option, config or path), as
 * opposed to a finding in a document. Adapters turn it into exit status 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
