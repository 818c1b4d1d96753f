// The math-notation front end: a Pratt parser that builds graph nodes as it parses.
//
// Binding, loosest first: `+ -` < `* /` and implicit multiplication < unary minus < `^`.
// So `-x^2` is -(x²), `2x^2` is 2·x², `x^-2` is x^(-2), and `^` is right-associative (2^3^2 = 512).

import { Graph, type NodeId } from '../graph';
import { functionOps } from '../ops';
import { ParseError } from './errors';
import { tokenize, type Token } from './lexer';

export interface ParsedExpression {
  graph: Graph;
  output: NodeId;
  /** Parameter names in order: the header's order, or else order of first appearance. */
  parameters: string[];
  /** Parameter nodes, parallel to `parameters`. */
  parameterNodes: NodeId[];
}

const enum Precedence {
  Lowest = 0,
  Sum = 1,
  Product = 2,
  Negation = 3,
  Power = 4,
}

/** Deepest nesting accepted; deeper input gets a ParseError instead of exhausting the call stack. */
const maxDepth = 500;

const constants: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['\u03c0', Math.PI],
  ['e', Math.E],
]);

const supportedFunctions = [...functionOps.keys()].join(', ');

export function parseMath(text: string): ParsedExpression {
  return new MathParser(text).parseFunction();
}

class MathParser {
  private readonly tokens: Token[];
  private position = 0;
  private depth = 0;
  private readonly graph = new Graph();
  private readonly parameterIndex = new Map<string, number>();
  private header: string[] | undefined;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseFunction(): ParsedExpression {
    if (this.peek().kind === 'end') {
      throw this.error('The function is empty: expected an expression such as (x-3)^2', this.peek());
    }
    this.header = this.parseHeader();
    this.header?.forEach((name) => this.parameterIndex.set(name, this.parameterIndex.size));

    const output = this.parseExpression(Precedence.Lowest);
    const trailing = this.peek();
    if (trailing.kind !== 'end') {
      throw this.unexpected(trailing, 'an operator or the end of the expression');
    }

    const parameters = [...this.parameterIndex.keys()];
    return {
      graph: this.graph,
      output,
      parameters,
      parameterNodes: parameters.map((_name, index) => this.graph.variable(index)),
    };
  }

  /** Reads an optional header `f(x, y) =`; returns its parameter names, or undefined without one. */
  private parseHeader(): string[] | undefined {
    const start = this.position;
    const names: string[] = [];
    const isHeader =
      this.accept('name') !== undefined &&
      this.acceptOperator('(') !== undefined &&
      this.readNameList(names) &&
      this.acceptOperator(')') !== undefined &&
      this.acceptOperator('=') !== undefined;

    if (!isHeader) {
      this.position = start;
      return undefined;
    }
    this.checkHeaderNames(names, start);
    return names;
  }

  private readNameList(names: string[]): boolean {
    do {
      const name = this.accept('name');
      if (name === undefined) {
        return false;
      }
      names.push(name.text);
    } while (this.acceptOperator(',') !== undefined);
    return true;
  }

  private checkHeaderNames(names: string[], start: number): void {
    const seen = new Set<string>();
    for (const [index, name] of names.entries()) {
      const token = this.tokens[start + 2 + 2 * index];
      if (seen.has(name)) {
        throw this.error(`The parameter '${name}' is declared twice in the header`, token);
      }
      if (functionOps.has(name)) {
        throw this.error(`'${name}' is a function and cannot be a parameter name`, token);
      }
      seen.add(name);
    }
  }

  private parseExpression(minimum: Precedence): NodeId {
    this.enter();
    let left = this.parsePrefix();

    for (;;) {
      const token = this.peek();
      const binding = this.infixPrecedence(token);
      if (binding === undefined || binding < minimum) {
        break;
      }
      left = this.parseInfix(left, token, binding);
    }

    this.depth--;
    return left;
  }

  private infixPrecedence(token: Token): Precedence | undefined {
    if (token.kind === 'operator') {
      switch (token.text) {
        case '+':
        case '-':
          return Precedence.Sum;
        case '*':
        case '/':
          return Precedence.Product;
        case '^':
          return Precedence.Power;
        case '(':
          return Precedence.Product;
        default:
          return undefined;
      }
    }
    // A name right after an operand is implicit multiplication: 2x, x y, (x+1)y.
    return token.kind === 'name' ? Precedence.Product : undefined;
  }

  private parseInfix(left: NodeId, token: Token, binding: Precedence): NodeId {
    const isImplicit = token.kind === 'name' || token.text === '(';
    if (isImplicit) {
      // 2x^2 = 2·(x^2): the right factor binds like an explicit product's right operand.
      return this.graph.mul(left, this.parseExpression(Precedence.Negation));
    }

    this.position++;
    const operator = token.text;
    if (operator === '^') {
      // Right-associative: the exponent may itself be a power, and may start with a sign (x^-2).
      return this.graph.pow(left, this.parseExpression(Precedence.Power));
    }

    const right = this.parseExpression(binding + 1);
    switch (operator) {
      case '+':
        return this.graph.add(left, right);
      case '-':
        return this.graph.sub(left, right);
      case '*':
        return this.graph.mul(left, right);
      default:
        return this.graph.div(left, right);
    }
  }

  private parsePrefix(): NodeId {
    const token = this.peek();

    if (token.kind === 'operator' && (token.text === '-' || token.text === '+')) {
      this.position++;
      this.expectOperand(token);
      const operand = this.parseExpression(Precedence.Negation);
      return token.text === '-' ? this.graph.neg(operand) : operand;
    }
    if (token.kind === 'number') {
      this.position++;
      this.rejectAdjacentNumber(token);
      return this.graph.constant(token.value);
    }
    if (token.kind === 'name') {
      this.position++;
      return this.parseName(token);
    }
    if (token.kind === 'operator' && token.text === '(') {
      return this.parseParenthesized();
    }
    const previous = this.tokens[this.position - 1];
    if (token.kind === 'end' && previous !== undefined) {
      // Point at the dangling operator rather than past the end of the text.
      throw this.error(`Expected an operand after '${previous.text}' but the expression ends`, previous);
    }
    throw this.unexpected(token, "a number, a name, '(' or '-'");
  }

  private parseParenthesized(): NodeId {
    const open = this.peek();
    this.position++;
    const inner = this.parseExpression(Precedence.Lowest);
    if (this.acceptOperator(')') === undefined) {
      const found = this.peek();
      if (found.kind === 'end') {
        throw this.error(`Missing ')' to close the '(' at column ${open.offset + 1}`, open);
      }
      throw this.unexpected(found, "')' or an operator");
    }
    return inner;
  }

  private parseName(token: Token): NodeId {
    const name = token.text;
    const operation = functionOps.get(name);
    if (operation !== undefined && !this.parameterIndex.has(name)) {
      return this.parseCall(token);
    }

    if (this.isOpenParenthesis(this.peek()) && !this.isParameterLike(name)) {
      throw this.error(`Unknown function '${name}'. Supported functions: ${supportedFunctions}`, token);
    }

    const constant = constants.get(name);
    if (constant !== undefined && !this.parameterIndex.has(name)) {
      return this.graph.constant(constant);
    }
    return this.graph.variable(this.indexOf(token));
  }

  /** Decides whether a name followed by '(' multiplies when it reads as a variable: x(x-2), θ(1-θ), x_1(…). */
  private isParameterLike(name: string): boolean {
    return this.parameterIndex.has(name) || /^[A-Za-z\u0391-\u03a9\u03b1-\u03c9](?:_?\d*)$/.test(name);
  }

  private indexOf(token: Token): number {
    const existing = this.parameterIndex.get(token.text);
    if (existing !== undefined) {
      return existing;
    }
    if (this.header !== undefined) {
      const declared = this.header.join(', ');
      throw this.error(`Unknown variable '${token.text}': the header declares only ${declared}`, token);
    }
    const index = this.parameterIndex.size;
    this.parameterIndex.set(token.text, index);
    return index;
  }

  /** Parses `name(args)`, and `name^k(args)` which means (name(args))^k as in sin^2(x). */
  private parseCall(token: Token): NodeId {
    const power = this.parseFunctionPower(token);
    if (!this.isOpenParenthesis(this.peek())) {
      throw this.unexpected(this.peek(), `'(' after the function '${token.text}'`);
    }

    const openToken = this.peek();
    this.position++;
    const args = this.parseArguments(openToken);
    const result = this.applyFunction(token, args, openToken);
    return power === undefined ? result : this.graph.pow(result, this.graph.constant(power));
  }

  private parseFunctionPower(token: Token): number | undefined {
    const caret = this.peek();
    if (caret.kind !== 'operator' || caret.text !== '^') {
      return undefined;
    }
    const exponent = this.tokens[this.position + 1];
    const isPositiveInteger =
      exponent.kind === 'number' && Number.isInteger(exponent.value) && exponent.value > 0;
    if (!isPositiveInteger) {
      throw this.error(
        `Write '${token.text}(x)^k' or a positive whole power such as '${token.text}^2(x)'; ` +
          `for an inverse function use a${token.text}`,
        caret,
      );
    }
    this.position += 2;
    return exponent.value;
  }

  private parseArguments(open: Token): NodeId[] {
    const args = [this.parseExpression(Precedence.Lowest)];
    while (this.acceptOperator(',') !== undefined) {
      args.push(this.parseExpression(Precedence.Lowest));
    }
    if (this.acceptOperator(')') === undefined) {
      const found = this.peek();
      if (found.kind === 'end') {
        throw this.error(`Missing ')' to close the '(' at column ${open.offset + 1}`, open);
      }
      throw this.unexpected(found, "',' or ')'");
    }
    return args;
  }

  private applyFunction(token: Token, args: NodeId[], open: Token): NodeId {
    const name = token.text;
    if (name === 'log' && args.length === 2) {
      const base = this.graph.node(args[1]);
      if (base.op === 'const' && !(base.value > 0 && base.value !== 1)) {
        throw this.error(`The base of log(x, b) must be positive and not 1, not ${base.value}`, open);
      }
      // log(x, b) = ln x / ln b
      return this.graph.div(this.graph.apply('log', args[0]), this.graph.apply('log', args[1]));
    }
    if (args.length !== 1) {
      const expected = name === 'log' ? 'one or two arguments' : 'one argument';
      throw this.error(`The function '${name}' takes ${expected} but was given ${args.length}`, open);
    }
    return this.graph.apply(functionOps.get(name) ?? 'log', args[0]);
  }

  private rejectAdjacentNumber(token: Token): void {
    const next = this.peek();
    if (next.kind === 'number') {
      throw this.error(`Missing operator between ${token.text} and ${next.text}`, next);
    }
  }

  private expectOperand(operator: Token): void {
    const next = this.peek();
    if (next.kind === 'end') {
      throw this.error(`Expected an operand after '${operator.text}' but the expression ends`, operator);
    }
  }

  private enter(): void {
    this.depth++;
    if (this.depth > maxDepth) {
      throw this.error(`The expression nests more than ${maxDepth} levels deep`, this.peek());
    }
  }

  private isOpenParenthesis(token: Token): boolean {
    return token.kind === 'operator' && token.text === '(';
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private accept(kind: Token['kind']): Token | undefined {
    const token = this.peek();
    if (token.kind !== kind) {
      return undefined;
    }
    this.position++;
    return token;
  }

  private acceptOperator(text: string): Token | undefined {
    const token = this.peek();
    if (token.kind !== 'operator' || token.text !== text) {
      return undefined;
    }
    this.position++;
    return token;
  }

  private unexpected(token: Token, expected: string): ParseError {
    const found =
      token.kind === 'end'
        ? 'the end of the expression'
        : `'${this.text.slice(token.offset, token.offset + token.length)}'`;
    return this.error(`Expected ${expected} but found ${found}`, token);
  }

  private error(description: string, token: Token): ParseError {
    return new ParseError(description, token.offset, Math.max(token.length, 1), this.text);
  }
}
