import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Start `aimslint lsp --stdio` for Markdown files; the server does the rest. */
export async function activate(context: ExtensionContext): Promise<void> {
  const command = workspace.getConfiguration('aimslint').get<string>('path', 'aimslint');
  const server: ServerOptions = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    // Files added, deleted or renamed outside the editor reach the server's index.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{md,markdown}') },
  };
  client = new LanguageClient('aimslint', 'aimslint', server, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
