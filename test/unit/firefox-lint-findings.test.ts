import { describe, expect, it } from 'vitest';
import { unacceptedFindings, type LintFinding } from '../firefox/lint-findings';

const LIT_LINE = 'static createElement(e,t){let n=ae.createElement(`template`);return n.innerHTML=e,n}};';
const innerHtmlAt = (line: string): number => line.indexOf('innerHTML');

const warning = (finding: Partial<LintFinding>): LintFinding => ({
  code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'chunks/a.js', line: 1, column: 0, ...finding,
});

describe('Firefox lint findings', () => {
  it("accepts only Lit's template factory assigning innerHTML", () => {
    const lines: Record<string, string> = {
      'chunks/a.js': LIT_LINE,
      'chunks/b.js': 'el.innerHTML=userInput;',
    };
    const sourceLine = (file: string): string | undefined => lines[file];
    const report = {
      errors: [],
      warnings: [
        warning({ file: 'chunks/a.js', column: innerHtmlAt(LIT_LINE) }),
        warning({ file: 'chunks/b.js', column: 3 }),
      ],
      notices: [],
    };
    expect(unacceptedFindings(report, sourceLine).map((finding) => finding.file)).toEqual(['chunks/b.js']);
  });

  it('fails every error and notice, and a finding with no place', () => {
    const report = {
      errors: [{ code: 'MANIFEST_FIELD_REQUIRED', message: 'id is required' }],
      warnings: [warning({ file: undefined })],
      notices: [{ code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'too old' }],
    };
    expect(unacceptedFindings(report, () => LIT_LINE).map((finding) => finding.level)).toEqual(['error', 'warning', 'notice']);
  });
});
