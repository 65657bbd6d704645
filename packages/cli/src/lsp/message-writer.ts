import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * The server's JSON-RPC writer: each message is framed at once, in the order
 * sent, and what one turn of the event loop sent goes out in one write. The
 * stock writer waits for each write to finish (a turn of the event loop)
 * before it frames the next: an edit that changes the findings of a thousand
 * documents sends a thousand notifications, which then trickle out.
 */
export class BatchingMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private pending: Buffer[] = [];
  private scheduled = false;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.pending.push(Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return Promise.resolve();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const chunk = Buffer.concat(this.pending);
    this.pending = [];
    this.output.write(chunk);
  }

  end(): void {
    this.flush();
  }
}
