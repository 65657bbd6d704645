/**
 * Where the job summary's links point. A job summary is shown on the run's
 * page, not beside the files, so repository-relative links break there: they
 * must be absolute, to the commit that was checked.
 */

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `https://github.com/acme/aims/blob/<sha>/<subfolder>/`, or undefined outside
 * GitHub Actions. `subfolder` is the aimslint root relative to the workspace
 * (`''` when they are the same), with `/` separators.
 */
export function blobLinkBase(env: Environment, subfolder: string): string | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repository || !sha) return undefined;
  const path = subfolder === '' || subfolder === '.' ? '' : `${subfolder.split('/').map(encodeURIComponent).join('/')}/`;
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${encodeURIComponent(sha)}/${path}`;
}
