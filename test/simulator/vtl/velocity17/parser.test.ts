import * as fs from 'fs';
import * as path from 'path';
import { Answer } from '../../../../scripts/oracle/simulator-answer';
import { parseVelocity, VelocityNode, VelocityParseError } from '../../../../src/simulator/vtl/velocity17/parser';
import { Token, TokenManager } from '../../../../src/simulator/vtl/velocity17/token-manager';
import { Kind } from '../../../../src/simulator/vtl/velocity17/tokens';

/**
 * The port of Apache Velocity 1.7's parser decides as Velocity does which templates parse. The
 * recorded answers are Velocity 1.7's (the oracle in oracle/, recorded by `npm run oracle`); a
 * template Velocity fails to parse is answered with a `ParseErrorException`.
 */
const FIXTURES = ['vtl-oracle.json', 'vtl-lexer-stress.json'];

interface RecordedCase {
  readonly template: string;
  readonly oracle: Answer;
}

const parses = (template: string): boolean => {
  try {
    parseVelocity(template);
    return true;
  } catch (e) {
    if (e instanceof VelocityParseError) return false;
    throw e;
  }
};

describe.each(FIXTURES)('%s', fixture => {
  const cases = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', fixture), 'utf8')) as { cases: RecordedCase[] }).cases;

  test('has templates Velocity parses and templates it fails to parse', () => {
    expect(cases.filter(c => !c.oracle.ok && c.oracle.error?.startsWith('ParseErrorException')).length).toBeGreaterThan(20);
    expect(cases.filter(c => c.oracle.ok).length).toBeGreaterThan(400);
  });

  test('the port parses exactly the templates Velocity 1.7 parses', () => {
    const wrong = cases
      .filter(c => parses(c.template) === (!c.oracle.ok && c.oracle.error?.startsWith('ParseErrorException')))
      .map(c => `${JSON.stringify(c.template)}: Velocity ${c.oracle.ok ? 'renders it' : c.oracle.error}`);
    expect(wrong).toEqual([]);
  });
});

const tokens = (template: string): Array<[string, string]> => {
  const lexer = new TokenManager(template);
  const out: Array<[string, string]> = [];
  for (let t: Token = lexer.nextToken(); ; t = lexer.nextToken()) {
    out.push([Kind[t.kind], t.image]);
    if (t.kind === Kind.EOF) return out;
  }
};

describe('the token manager', () => {
  test('reads references, directives and text in their lexical states', () => {
    expect(tokens('a$b.c(1)#if($x)y#end')).toEqual([
      ['TEXT', 'a'], ['IDENTIFIER', '$b'], ['DOT', '.'], ['IDENTIFIER', 'c'], ['LPAREN', '('], ['INTEGER_LITERAL', '1'],
      ['REFMOD2_RPAREN', ')'], ['IF_DIRECTIVE', '#if'], ['LPAREN', '('], ['IDENTIFIER', '$x'], ['RPAREN', ')'], ['TEXT', 'y'],
      ['END', '#end'], ['EOF', ''],
    ]);
  });

  test('keeps a reference that ends at once as the special token before the next', () => {
    const lexer = new TokenManager('$-x');
    const t = lexer.nextToken();
    expect([Kind[t.kind], t.image, t.special]).toEqual(['TEXT', '-x', ['$-']]);
  });

  test('reads a `$` or `#` before a token as part of it, and a `)` with the line end after it', () => {
    expect(tokens('#$a')).toEqual([['IDENTIFIER', '#$a'], ['EOF', '']]);
    expect(tokens('#if( $a )\nz')).toEqual([
      ['IF_DIRECTIVE', '#if'], ['LPAREN', '('], ['WHITESPACE', ' '], ['IDENTIFIER', '$a'], ['WHITESPACE', ' '], ['RPAREN', ')\n'],
      ['TEXT', 'z'], ['EOF', ''],
    ]);
  });

  test('fails where Velocity\'s lexer fails: a template that ends after `$` or inside a comment it cannot end', () => {
    expect(() => tokens('a$')).toThrow(/lexical error/);
    expect(() => tokens('## x $')).toThrow(/lexical error/);
  });
});

const shape = (node: VelocityNode): unknown => (node.children.length === 0 ? node.type : { [node.type]: node.children.map(shape) });

describe('the parser', () => {
  test('builds the tree Velocity builds', () => {
    expect(shape(parseVelocity('#if($a == 1)x#elseif(!$b)y#else$c.d($e, [1..2])#end'))).toEqual({
      process: [{
        IfStatement: [
          { Expression: [{ EQNode: ['Reference', 'IntegerLiteral'] }] }, { Block: ['Text'] },
          { ElseIfStatement: [{ Expression: [{ NotNode: ['Reference'] }] }, { Block: ['Text'] }] },
          { ElseStatement: [{ Block: [{ Reference: [{ Method: ['Identifier', 'Reference', { IntegerRange: ['IntegerLiteral', 'IntegerLiteral'] }] }] }] }] },
        ],
      }],
    });
  });

  test('reads what follows a method call it gives up on in the state its lookahead left the lexer in', () => {
    // `$i.b(` opens a call; the lookahead reads `##$.c` in the call's state, where `##` starts no
    // comment, then gives up: `(` is text, and `c` is a reference without `$`, which Velocity writes as it stands.
    const tree = parseVelocity('$i.b(##$.c');
    expect(shape(tree)).toEqual({ process: [{ Reference: ['Identifier'] }, 'Text', 'Text', 'Reference'] });
    expect(tree.children.map(c => c.first.image)).toEqual(['$i', '(', '.', 'c']);
  });

  test('defines a macro only with a name', () => {
    expect(parses('#macro(m $p)x#end')).toBe(true);
    expect(parses('#macro()x#end')).toBe(false);
    expect(parses('#macro("m")x#end')).toBe(false);
    expect(parses('#foreach($i in [1])#end')).toBe(true);
    expect(parses('#foreach($i word [1])#end')).toBe(true);
    expect(parses('#include(word)')).toBe(false);
  });

  test('names where it fails', () => {
    expect(() => parseVelocity('ab#if(')).toThrow(expect.objectContaining({ offset: 6 }));
    expect(() => parseVelocity('x#end')).toThrow(/"#end" where Velocity cannot read it/);
  });
});
