/**
 * Small HTTP helpers: a bounded body reader, JSON answers, and the one refusal type every route
 * throws, so a refusal always reaches the client as `{ error, detail? }` with its status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import type { ErrorCode } from '../../core/sync/protocol';

export class RelayRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** Reads at most `maxBytes`; a larger body is refused as soon as it crosses the limit, unread. */
export const readBody = (request: IncomingMessage, maxBytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new RelayRefusal(413, 'too_large', `The body exceeds ${maxBytes} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new RelayRefusal(413, 'too_large', `The body exceeds ${maxBytes} bytes`));
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Parses and validates in one step: malformed JSON is `bad_json`, a schema mismatch `bad_request` naming the first issue. */
export const parseMessage = <TSchema extends v.GenericSchema>(schema: TSchema, body: Buffer | string): v.InferOutput<TSchema> => {
  let json: unknown;
  try {
    json = JSON.parse(body.toString());
  } catch {
    throw new RelayRefusal(400, 'bad_json', 'The body is not JSON');
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((step) => String(step.key)).join('.') ?? '';
    throw new RelayRefusal(400, 'bad_request', `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid message'}`);
  }
  return parsed.output;
};

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(text);
};
