/**
 * `npm run relay`: starts the Locket relay with the options on the command line (see --help) and
 * stops it gracefully on SIGTERM or SIGINT, after in-flight commits finished.
 * `npm run relay -- backup [<dir>]`: writes one operator backup and exits (relay/retention/backup-command.ts).
 */
import { runBackupCommand } from './retention/backup-command';
import { HELP, parseRelayArgs } from './server/config';
import { startRelay } from './server/relay';

const args = process.argv.slice(2);
const parsed = args[0] === 'backup' ? { kind: 'backup' as const } : parseRelayArgs(args, process.env);
if (parsed.kind === 'backup') {
  process.exitCode = await runBackupCommand(args.slice(1), process.env, (line) => process.stderr.write(`${line}\n`));
} else if (parsed.kind === 'help') {
  process.stdout.write(HELP);
} else if (parsed.kind === 'error') {
  process.stderr.write(`${parsed.message}\n\n${HELP}`);
  process.exitCode = 2;
} else {
  const relay = await startRelay(parsed.config);
  process.stderr.write(`Locket relay listening on ${relay.url}\n`);
  const stop = (): void => {
    relay.close().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`Relay stopped with an error: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
