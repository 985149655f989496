import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unacceptedFindings, type LintReport } from './lint-findings';

/**
 * `npm test` runs this after `npm run build:firefox`: Firefox's add-on linter over the build,
 * offline, failing on any error, warning or notice not reviewed in lint-findings.ts.
 */
const BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const WEB_EXT = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');

const main = (): number => {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) {
    process.stdout.write(`No Firefox build in ${BUILD_DIR}: run \`npm run build:firefox\` first.\n`);
    return 1;
  }
  const run = spawnSync(WEB_EXT, ['lint', '--source-dir', BUILD_DIR, '--output', 'json', '--no-input'], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    // web-ext asks the npm registry for a newer version of itself unless told not to.
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  let report: LintReport;
  try {
    report = JSON.parse(run.stdout) as LintReport;
  } catch {
    process.stdout.write(`web-ext lint gave no report (exit ${String(run.status)}):\n${run.stderr}\n`);
    return 1;
  }
  const lines = new Map<string, readonly string[]>();
  const sourceLine = (file: string, line: number): string | undefined => {
    const path = join(BUILD_DIR, file);
    if (!lines.has(file) && existsSync(path)) lines.set(file, readFileSync(path, 'utf8').split('\n'));
    return lines.get(file)?.[line - 1];
  };
  const findings = unacceptedFindings(report, sourceLine);
  for (const finding of findings) {
    const where = finding.file === undefined ? '' : ` ${finding.file}:${String(finding.line ?? '?')}:${String(finding.column ?? '?')}`;
    process.stdout.write(`${finding.level} ${finding.code}${where}: ${finding.message}\n`);
  }
  const accepted = report.errors.length + report.warnings.length + report.notices.length - findings.length;
  process.stdout.write(`web-ext lint: ${String(findings.length)} finding(s) to fix, ${String(accepted)} reviewed and accepted.\n`);
  return findings.length === 0 ? 0 : 1;
};

process.exitCode = main();
