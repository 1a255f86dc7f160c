import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, githubCommand } from '../../src/report/github.js';
import { formatReport } from '../../src/report/index.js';
import { makeFinding, makeInput } from '../helpers/findings.js';
import { sampleInput } from './sample.js';

describe('github workflow commands', () => {
  it('emits one command per unsuppressed finding, notes as notices', () => {
    expect(formatReport('github', sampleInput({ includeSuppressed: true })).split('\n')).toEqual([
      '::error file=broken.yaml,line=1,endLine=1,col=6,endColumn=6,title=parse-error::Flow sequence is not closed.',
      '::error file=deploy/web.yaml,line=12,endLine=12,col=21,endColumn=24,title=privileged-container::Container "web" runs privileged.',
      '::warning file=deploy/web.yaml,line=14,endLine=14,col=16,endColumn=20,title=image-latest-tag::Image "nginx" has no tag.',
      // multi-line span: no columns (GitHub rejects them when line != endLine)
      '::error file=helm/rendered.yaml,line=30,endLine=32,title=rbac-wildcard::Role grants "*" on resources.',
      '::notice file=policies/oke.policy,line=3,endLine=3,col=14,endColumn=22,title=iam-unresolved::Group name hidden behind ${ADMINS}: not checked.',
      '',
    ]);
  });

  it('escapes data and property values the way the Actions runner expects', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    const f = makeFinding({ line: 2, column: 1, endColumn: 4 }, {
      ruleId: 'odd', uri: 'dir,x/a:b%.yaml', message: 'Line one\nline two: 50%',
    });
    expect(githubCommand(f)).toBe('::error file=dir%2Cx/a%3Ab%25.yaml,line=2,endLine=2,col=1,endColumn=3,title=odd::Line one%0Aline two: 50%25');
  });

  it('is empty when there is nothing to report', () => {
    expect(formatGithub(makeInput())).toBe('');
    const suppressed = makeFinding({ line: 1, column: 1 }, { ruleId: 'r', suppression: { kind: 'comment', justification: 'x' } });
    expect(formatGithub(makeInput({ findings: [suppressed], includeSuppressed: true }))).toBe('');
  });
});
