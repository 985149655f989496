/**
 * Structured logs (pino, JSON lines). Team and device ids appear only hashed, and no payload, token,
 * key or ciphertext is ever passed to a log call.
 */
import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type RelayLogger = Logger;

/** A short, stable tag for an id: enough to follow one device through the logs, not to recover it. */
export const hashId = (id: string): string => createHash('sha256').update(`locket-relay-log|${id}`).digest('hex').slice(0, 12);

export const createRelayLogger = (level: LogLevel, destination?: DestinationStream): RelayLogger =>
  pino({ level, base: { service: 'locket-relay' }, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? pino.destination({ sync: true }));
