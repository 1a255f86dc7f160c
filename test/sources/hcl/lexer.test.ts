/** The HCL lexer: token kinds and spans, comments, numbers, identifiers, heredoc starts. */
import { describe, expect, it } from 'vitest';
import { Lexer, type Token } from '../../../src/sources/hcl/lexer.js';

function tokens(text: string): string[] {
  const lx = new Lexer(text);
  const out: string[] = [];
  for (let t: Token = lx.next(); ; t = lx.next()) {
    out.push(t.kind === 'newline' ? 'NL' : t.kind === 'eof' ? `EOF@${t.start}` : `${t.kind}:${t.text}@${t.start}`);
    if (t.kind === 'eof') return out;
  }
}

describe('HCL lexer', () => {
  it('reads identifiers with dashes, numbers, and the longest operator', () => {
    expect(tokens('a-b_c1 = 1.5e3 >= x...')).toEqual([
      'ident:a-b_c1@0', 'punct:=@7', 'number:1.5e3@9', 'punct:>=@15', 'ident:x@18', 'punct:...@19', 'EOF@22',
    ]);
  });

  it('does not read a trailing dot or a bare exponent into a number', () => {
    expect(tokens('1. 2e x.0')).toEqual(['number:1@0', 'punct:.@1', 'number:2@3', 'ident:e@4', 'ident:x@6', 'punct:.@7', 'number:0@8', 'EOF@9']);
  });

  it('skips #, // and /* */ comments but keeps the newline that ends a line comment', () => {
    const lx = new Lexer('a # one\n// two\nb /* three\nlines */ c');
    const kinds: string[] = [];
    for (let t = lx.next(); t.kind !== 'eof'; t = lx.next()) kinds.push(t.kind === 'newline' ? 'NL' : t.text);
    expect(kinds).toEqual(['a', 'NL', 'NL', 'b', 'c']);
    expect([...lx.comments.values()]).toEqual([{ start: 2, end: 7 }, { start: 8, end: 14 }, { start: 17, end: 34 }]);
  });

  it('ends a line comment before a CRLF carriage return', () => {
    const lx = new Lexer('# c\r\nx');
    expect(lx.next().kind).toBe('newline');
    expect([...lx.comments.values()]).toEqual([{ start: 0, end: 3 }]);
  });

  it('reports an unterminated block comment once, at its start', () => {
    const lx = new Lexer('a /* open');
    lx.next();
    expect(lx.next().kind).toBe('eof');
    lx.pos = 2;
    lx.next();
    expect([...lx.problems.values()]).toEqual([{ message: 'unterminated /* comment', span: { start: 2, end: 9 } }]);
  });

  it('reads heredoc starts with their marker, flush flag and line end', () => {
    const lx = new Lexer('<<EOT\nx\n');
    expect(lx.next()).toMatchObject({ kind: 'heredoc', text: '<<EOT', marker: 'EOT', flush: false, start: 0, end: 6 });
    const flush = new Lexer('<<-END_1\r\n');
    expect(flush.next()).toMatchObject({ kind: 'heredoc', marker: 'END_1', flush: true, end: 10 });
  });

  it('reads `<<` without a marker on its own line as invalid', () => {
    expect(tokens('<< x')[0]).toBe('invalid:<<@0');
    expect(tokens('<<EOT x')[0]).toBe('invalid:<<EOT@0');
  });

  it('reads Unicode identifiers and keeps surrogate pairs whole', () => {
    expect(tokens('café = "x"')).toEqual(['ident:café@0', 'punct:=@5', 'oquote:"@7', 'ident:x@8', 'oquote:"@9', 'EOF@10']);
    expect(tokens('😀')).toEqual(['invalid:😀@0', 'EOF@2']);
  });

  it('skips a byte order mark and tabs', () => {
    expect(tokens('\ufeff\ta')).toEqual(['ident:a@2', 'EOF@3']);
  });
});
