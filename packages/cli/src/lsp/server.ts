import { readFileSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  StreamMessageReader,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, type Finding, type Fix } from '@aimslint/core';
import { BatchingMessageWriter } from './message-writer.js';
import { pathOfUri, toDiagnostic, uriOfPath } from './convert.js';
import { complete, definition, documentLinks, hover, references } from './language.js';

export interface ServerOptions {
  /** The date review deadlines are judged against (tests pin it); default today. */
  now?: string;
  /** Milliseconds to wait after a change for more keystrokes before linting. */
  debounceMs?: number;
  /** The parsing-worker entry (the CLI bundle): the first parse of a big repository uses the cores. */
  workerUrl?: URL;
}

/** A finding's identity on screen: when it is the same, nothing is sent again. */
const signature = (findings: readonly Finding[] | undefined): string =>
  (findings ?? []).map((f) => `${f.ruleId}:${f.range.line}:${f.range.column}:${f.range.endLine}:${f.range.endColumn}:${f.severity}:${f.message}`).join('\n');

/**
 * The language server: one Workspace (the CLI's engine and config) kept in
 * memory. Open documents are linted on every change, their unsaved text
 * winning over the disk; documents whose findings change because of another
 * document's edit get their diagnostics too, and lose them when fixed.
 */
export class AimslintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private workspace: Promise<Workspace> | undefined;
  private root = process.cwd();
  private readonly shown = new Map<string, string>();
  private published = false;
  private reloads = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection, private readonly options: ServerOptions = {}) {
    connection.onInitialize((params): InitializeResult => {
      const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
      if (folder) this.root = fileURLToPath(folder);
      this.workspace = this.open();
      this.workspace.catch((error: Error) => this.showError(`aimslint: ${error.message}`));
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          completionProvider: { triggerCharacters: [':', ' ', '#', '[', ',', '-', '|'] },
          hoverProvider: true,
          definitionProvider: true,
          referencesProvider: true,
          documentLinkProvider: { resolveProvider: false },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        },
        serverInfo: { name: 'aimslint' },
      };
    });
    connection.onInitialized(() => {
      const watchers = [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/aimslint.config.*' }, { globPattern: '**/.gitignore' }, { globPattern: '**/aimslint-suppressions.json' }];
      void this.ready().then((workspace) => {
        // The schema files the config names, wherever they are.
        const settings = (workspace?.config.settingsFiles ?? []).map((file) => ({ globPattern: file.split(sep).join('/') }));
        return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...watchers, ...settings] });
      }).catch(() => undefined);
    });
    this.documents.onDidChangeContent((event) => this.edited(event.document.uri, event.document.getText()));
    this.documents.onDidClose((event) => this.edited(event.document.uri, undefined));
    connection.onDidChangeWatchedFiles(async (params) => {
      const workspace = await this.ready();
      if (params.changes.some((change) => this.isSettings(workspace, change.uri))) {
        await this.reload();
        return;
      }
      if (!workspace) return;
      if (params.changes.some((change) => change.type !== FileChangeType.Changed)) await workspace.rediscover();
      for (const change of params.changes) {
        const path = pathOfUri(workspace.root, change.uri);
        if (path !== undefined && change.type === FileChangeType.Changed && !this.documents.get(change.uri)) workspace.update(path);
      }
      this.schedule();
    });
    connection.onCompletion(async (params) => this.at(params.textDocument.uri, (workspace, path, text) => complete(workspace, path, text, params.position)) ?? []);
    connection.onHover(async (params) => (await this.at(params.textDocument.uri, (workspace, _path, text) => hover(workspace, text, params.position))) ?? null);
    connection.onDefinition(async (params) => (await this.at(params.textDocument.uri, (workspace, path, text) => definition(workspace, path, text, params.position))) ?? null);
    connection.onReferences(async (params) => (await this.at(params.textDocument.uri, (workspace, path, text) => references(workspace, path, text, params.position, params.context.includeDeclaration))) ?? []);
    connection.onDocumentLinks(async (params) => (await this.at(params.textDocument.uri, (workspace, path) => documentLinks(workspace, path))) ?? []);
    connection.onCodeAction(async (params) => (await this.at(params.textDocument.uri, (workspace, path) => this.codeActions(workspace, path, params.range))) ?? []);
    this.documents.listen(connection);
  }

  private open(): Promise<Workspace> {
    return Workspace.open({
      cwd: this.root,
      ...(this.options.now === undefined ? {} : { now: this.options.now }),
      ...(this.options.workerUrl === undefined ? {} : { workers: 'auto' as const, workerUrl: this.options.workerUrl }),
    });
  }

  /** A `window/showMessage` error: the editor shows it, nothing waits for an answer. */
  private showError(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  /** Whether a changed file is one the settings come from: a config, a schema it names, a `.gitignore`, the bulk suppressions. */
  private isSettings(workspace: Workspace | undefined, uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    const name = basename(file);
    return /^aimslint\.config\.[a-z]+$/.test(name) || name === '.gitignore' || name === 'aimslint-suppressions.json' || (workspace?.config.settingsFiles ?? []).includes(file);
  }

  /**
   * The settings changed: open the repository again with them, give it the
   * open documents' texts, and send what changed. A config that does not load
   * is shown as an error and the last good state stays in use.
   */
  private async reload(): Promise<void> {
    const generation = ++this.reloads;
    let next: Workspace;
    try {
      next = await this.open();
    } catch (error) {
      if (generation === this.reloads) this.showError(`aimslint: the settings could not be loaded, so the previous ones stay in use until this is fixed: ${(error as Error).message}`);
      return;
    }
    // A later reload started meanwhile: its result wins.
    if (generation !== this.reloads) return;
    for (const document of this.documents.all()) {
      const path = pathOfUri(next.root, document.uri);
      if (path !== undefined) next.update(path, document.getText());
    }
    this.workspace = Promise.resolve(next);
    this.schedule();
  }

  private async ready(): Promise<Workspace | undefined> {
    try {
      return await this.workspace;
    } catch {
      return undefined;
    }
  }

  /** Run a feature on an open document of the repository. */
  private async at<T>(uri: string, feature: (workspace: Workspace, path: string, text: string) => T): Promise<T | undefined> {
    const workspace = await this.ready();
    const document = this.documents.get(uri);
    const path = workspace && pathOfUri(workspace.root, uri);
    if (!workspace || path === undefined || !document) return undefined;
    return feature(workspace, path, document.getText());
  }

  private edited(uri: string, text: string | undefined): void {
    void this.ready().then((workspace) => {
      const path = workspace && pathOfUri(workspace.root, uri);
      if (!workspace || path === undefined) return;
      workspace.update(path, text);
      if (text === undefined) this.shown.delete(path);
      this.schedule();
    });
  }

  /** Lint once the keystrokes pause (a burst of changes costs one pass). */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.publish(), this.options.debounceMs ?? 0);
  }

  /** Send diagnostics that changed: open documents, and any document a change elsewhere affected. */
  private async publish(): Promise<void> {
    const workspace = await this.ready();
    if (!workspace) return;
    const changed = workspace.takeChanged();
    const findings = workspace.findings();
    const first = !this.published;
    this.published = true;
    const open = new Set(this.documents.all().flatMap((document) => pathOfUri(workspace.root, document.uri) ?? []));
    // After a full pass any file may have gained or lost findings: those it has now, and those shown before.
    const candidates = changed === 'all' ? [...findings.keys(), ...this.shown.keys()] : changed;
    // The documents in front of the author first, then the others in path order.
    for (const path of new Set([...open, ...[...candidates].sort()])) {
      const now = signature(findings.get(path));
      const before = this.shown.get(path);
      // On the first pass, files that are not open are only remembered: a repository's backlog is the CLI's to show.
      if (first && !open.has(path)) {
        this.shown.set(path, now);
        continue;
      }
      if (before === now && (before !== undefined || now === '')) continue;
      this.shown.set(path, now);
      await this.connection.sendDiagnostics({ uri: uriOfPath(workspace.root, path), diagnostics: (findings.get(path) ?? []).map(toDiagnostic) });
    }
  }

  /** Quick fixes: each finding's fix, then its suggestions, for the findings in the range. */
  private codeActions(workspace: Workspace, path: string, range: { start: { line: number }; end: { line: number } }): CodeAction[] {
    return workspace.resolvedFindings(path)
      .filter((finding) => finding.range.line - 1 <= range.end.line && finding.range.endLine - 1 >= range.start.line)
      .flatMap((finding) => {
        const diagnostic = toDiagnostic(finding);
        const actions: CodeAction[] = [];
        if (finding.fix) actions.push({ title: `Fix: ${finding.message.split(/[.;] /)[0]}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: this.editOf(workspace, finding.fix) });
        for (const suggestion of finding.suggestions ?? []) actions.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: this.editOf(workspace, suggestion.fix) });
        return actions;
      });
  }

  /** A fix's offsets as an LSP edit, counted in the text the editor holds (or the disk's, BOM aside). */
  private editOf(workspace: Workspace, fix: Fix): { changes: Record<string, LspTextEdit[]> } {
    const uri = uriOfPath(workspace.root, fix.file);
    const open = this.documents.get(uri);
    const text = open?.getText() ?? readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '');
    const document = open ?? TextDocument.create(uri, 'markdown', 0, text);
    return { changes: { [uri]: [{ range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) }, newText: fix.text }] } };
  }
}

/** `aimslint lsp --stdio`: serve until the client exits. */
export function startServer(options: ServerOptions = {}): Promise<number> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new BatchingMessageWriter(process.stdout));
  new AimslintServer(connection, options);
  connection.listen();
  return new Promise((resolve) => {
    const stop = (): void => {
      // The client is gone: let the process end rather than wait on its pipe.
      process.stdin.destroy();
      resolve(0);
    };
    connection.onExit(stop);
    process.stdin.on('close', stop);
  });
}
