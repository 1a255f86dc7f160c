/**
 * The nesting limit of the YAML and JSON readers (the HCL parser and the Helm template index keep
 * the same limit themselves).
 *
 * The `yaml` package recurses once per collection level: its CST parser when many block
 * collections end at once, its composer for every collection. Thousands of levels overflow the
 * call stack; the composer catches that (`RESOURCE_EXHAUSTION`), but near the stack limit it
 * also runs a regular expression that V8 compiles to native code on its second use, and a
 * compile that runs out of stack there aborts the process ("RegExpCompiler Allocation failed"),
 * which no `try` can catch. Parsing the same deep text twice in one process (the Namespace
 * pre-pass, the language server's re-lint) was enough to crash.
 *
 * So the parse is done here in its three stages, as `parseAllDocuments` does, with a watch in
 * between: the lexer's tokens go one by one to the CST parser, whose stack holds the collections
 * open at that point. Once more than MAX_NESTING are open, that document is dropped before the
 * parser has anything deep to close: its remaining tokens are skipped (their line breaks still
 * counted), a fresh parser starts at the next document, and a `parse-error` problem with code
 * `NESTING` points at the first token of the first collection beyond the limit. The composer
 * (the recursive stage) only ever sees documents within the limit. Nothing is scanned twice.
 */
import {
  Composer, CST, Lexer, Parser, YAMLParseError,
  type Document, type DocumentOptions, type EmptyStream, type LineCounter, type ParseOptions, type SchemaOptions,
} from 'yaml';
import type { ParseProblem } from './k8s-yaml.js';

/**
 * Deepest nesting of collections a reader parses. Kubernetes objects stay under 30 levels and
 * OCI or Terraform JSON under 20; 256 leaves room for any real file and keeps every parser's
 * stack small.
 */
export const MAX_NESTING = 256;

export const NESTING_CODE = 'NESTING';

/** Says what was not read, naming the limit. */
export function nestingMessage(max = MAX_NESTING): string {
  return `nested deeper than ${max} levels, okelint's limit`;
}

/** The problem for a collection starting at `offset` that is nested deeper than the limit. */
export function nestingProblem(offset: number, max = MAX_NESTING): ParseProblem {
  return { span: { start: offset, end: offset + 1 }, message: nestingMessage(max), code: NESTING_CODE };
}

/** The `yaml` options the readers use; errors are never prettified (the readers position them). */
export type YamlOptions = Omit<ParseOptions, 'prettyErrors'> & DocumentOptions & SchemaOptions & {
  /** The nesting limit: MAX_NESTING unless a test sets another. */
  readonly max?: number;
};

export interface YamlStream {
  /** As `parseAllDocuments` returns them: the documents, or an empty stream with its own errors. */
  readonly docs: Document.Parsed[] | EmptyStream;
  /** One `NESTING` problem per document that was too deep to parse (it is not in `docs`). */
  readonly problems: ParseProblem[];
}

/** `parseAllDocuments` under the nesting limit. */
export function parseYamlStream(text: string, options: YamlOptions = {}): YamlStream {
  const problems: ParseProblem[] = [];
  const composer = new Composer(options);
  const docs = Array.from(composer.compose(guardedTokens(text, options, problems)));
  if (docs.length > 0) return { docs, problems };
  return { docs: Object.assign([], { empty: true as const }, composer.streamInfo()), problems };
}

/** `parseDocument` under the nesting limit (a document too deep to parse comes back empty). */
export function parseYamlDocument(text: string, options: YamlOptions = {}): { readonly doc: Document.Parsed; readonly problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(guardedTokens(text, options, problems), true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document.
  return { doc: doc as Document.Parsed, problems };
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);
/** Markers the lexer adds that take no text. */
const NO_TEXT = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** The CST tokens of `text` (as `Parser.parse` gives them), without the documents nested beyond the limit. */
function* guardedTokens(text: string, options: { readonly lineCounter?: LineCounter; readonly max?: number }, problems: ParseProblem[]): Generator<CST.Token> {
  const max = options.max ?? MAX_NESTING;
  const onNewLine = options.lineCounter?.addNewLine;
  onNewLine?.(0);
  let parser = new Parser(onNewLine);
  let offset = 0;
  let atScalar = false;
  /** While a too-deep document is skipped: `doc` to its end, `line` to the end of its `...` line. */
  let skipping: 'doc' | 'line' | undefined;
  for (const lexeme of new Lexer().lex(text)) {
    if (skipping) {
      // After the lexer's scalar marker comes the scalar's text, whatever it looks like.
      const type: string | null = atScalar ? 'value' : CST.tokenType(lexeme);
      atScalar = type === 'scalar';
      const at = offset;
      if (type === null || !NO_TEXT.has(type)) offset += lexeme.length;
      // A `...` ends the skipped document with it (else it would end the document before it).
      if (skipping === 'doc' && type === 'doc-end') skipping = 'line';
      const fresh = skipping === 'doc' ? type === 'doc-start' : type === 'newline';
      if (type !== 'doc-start') countLines(lexeme, at, onNewLine);
      if (!fresh) continue;
      skipping = undefined;
      parser = new Parser(onNewLine);
      parser.offset = type === 'doc-start' ? at : offset;
      if (type !== 'doc-start') continue;
    } else {
      // The parser keeps the offset itself (the hot path does no token typing of its own).
      atScalar = !atScalar && lexeme === CST.SCALAR;
    }
    yield* parser.next(lexeme);
    if (parser.stack.length > max + 1) {
      const beyond = parser.stack.filter((t) => COLLECTIONS.has(t.type))[max];
      if (beyond) {
        problems.push(nestingProblem(beyond.offset, max));
        skipping = 'doc';
        offset = parser.offset;
      }
    }
  }
  if (!skipping) yield* parser.end();
}

/** Reports the line breaks of a skipped token, as the parser does for those it reads. */
function countLines(lexeme: string, at: number, onNewLine: ((offset: number) => void) | undefined): void {
  for (let nl = lexeme.indexOf('\n'); nl >= 0; nl = lexeme.indexOf('\n', nl + 1)) onNewLine?.(at + nl + 1);
}
