import { main } from '../main.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `aimslint <argv>` in `cwd`, in-process, with its output captured: what the CLI tests run. */
export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { cwd, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} });
  return { status, stdout, stderr };
}
