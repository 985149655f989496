/**
 * What Firefox's add-on linter (web-ext lint) reports about the Firefox build, and which of
 * its findings were reviewed and accepted. Any other finding, at any level, fails the check.
 */
export interface LintFinding {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface LintReport {
  readonly errors: readonly LintFinding[];
  readonly warnings: readonly LintFinding[];
  readonly notices: readonly LintFinding[];
}

/** A finding accepted after review: its code, and text that must stand where it points. */
interface AcceptedFinding {
  readonly code: string;
  readonly sourceAtFinding: string;
  readonly why: string;
}

const ACCEPTED: readonly AcceptedFinding[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Lit's template factory, as the bundler writes it: `…createElement(`template`);return n.innerHTML=e,…`.
    sourceAtFinding: 'createElement(`template`);return ',
    why: 'Lit parses each template from the literal strings of an html`` tag in the source, never from data; values are bound as text or properties.',
  },
];

/** How far before the finding's column the accepted text may start. */
const LOOK_BEHIND = 80;

const isAccepted = (finding: LintFinding, sourceLine: (file: string, line: number) => string | undefined): boolean => {
  if (finding.file === undefined || finding.line === undefined || finding.column === undefined) return false;
  const line = sourceLine(finding.file, finding.line);
  if (line === undefined) return false;
  const around = line.slice(Math.max(0, finding.column - LOOK_BEHIND), finding.column + 1);
  return ACCEPTED.some((accepted) => accepted.code === finding.code && around.includes(accepted.sourceAtFinding));
};

/** Every finding not accepted above, with its level. */
export const unacceptedFindings = (
  report: LintReport,
  sourceLine: (file: string, line: number) => string | undefined,
): readonly (LintFinding & { readonly level: 'error' | 'warning' | 'notice' })[] => [
  ...report.errors.map((finding) => ({ ...finding, level: 'error' as const })),
  ...report.warnings.map((finding) => ({ ...finding, level: 'warning' as const })),
  ...report.notices.map((finding) => ({ ...finding, level: 'notice' as const })),
].filter((finding) => !isAccepted(finding, sourceLine));
