// A parsed function compiled for the optimizer: f and ∇f from one generated function, and
// Hessian-vector products from a second reverse sweep over the gradient graph.

import { gradientNodes } from './backward';
import { compile, compileDescentStep, type CompiledFunction, type DescentStepFunction } from './compile';
import { evaluateNodes, firstNonFiniteNode } from './evaluate';
import { formatNode } from './format';
import type { Graph, NodeId } from './graph';
import type { ParsedExpression } from './parse/math';
import { univariateCoefficients } from './polynomial';

export interface Objective {
  readonly dimension: number;
  readonly parameters: readonly string[];
  /** f(x); may be NaN or ±Infinity outside the domain. */
  value(x: ArrayLike<number>): number;
  /** Writes ∇f(x) into `gradient` and returns f(x). */
  valueAndGradient(x: ArrayLike<number>, gradient: Float64Array): number;
  /** Writes ∇f(x) into `gradient` and x - α∇f(x) into `next` (which may be x), and returns f(x). */
  descentStep(x: ArrayLike<number>, alpha: number, gradient: Float64Array, next: Float64Array): number;
  /** Writes the Hessian-vector product ∇²f(x)·v into `out`. */
  hessianVectorProduct(x: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array): void;
  /** The constant gradient when f is affine (every ∂f/∂xᵢ is a constant), else undefined. */
  readonly constantGradient: readonly number[] | undefined;
  /**
   * True when ∇²f does not depend on x, so f is quadratic (or affine) and the stability limit 2/L
   * applies everywhere, not only near x.
   */
  hasConstantHessian(): boolean;
  /** Coefficients c[k] of xᵏ when f is a polynomial in one parameter, else undefined. */
  readonly polynomial: readonly number[] | undefined;
  /** The kinks of f, such as `abs(x - 1)`: points where ∇f jumps and no α settles. */
  readonly kinks: readonly string[];
  /** Names the operation that makes f non-finite at x, such as "x^(-2) divides by zero". */
  describeNonFinite(x: ArrayLike<number>): string | undefined;
}

export class CompiledObjective implements Objective {
  readonly dimension: number;
  readonly parameters: readonly string[];
  readonly constantGradient: readonly number[] | undefined;
  readonly polynomial: readonly number[] | undefined;
  readonly kinks: readonly string[];
  readonly descentStep: DescentStepFunction;
  private readonly graph: Graph;
  private readonly output: NodeId;
  private readonly gradient: readonly NodeId[];
  private valueOnly: CompiledFunction | undefined;
  private hessianProduct: CompiledFunction | undefined;
  private constantHessian: boolean | undefined;
  private readonly scratch: Float64Array;
  private readonly unusedStep: Float64Array;

  constructor(parsed: ParsedExpression) {
    this.graph = parsed.graph;
    this.output = parsed.output;
    this.parameters = parsed.parameters;
    this.dimension = parsed.parameters.length;
    this.gradient = gradientNodes(this.graph, this.output, parsed.parameterNodes);
    this.descentStep = compileDescentStep(this.graph, this.output, this.gradient, parsed.parameterNodes);
    this.constantGradient = this.findConstantGradient();
    this.polynomial = this.dimension === 1 ? univariateCoefficients(this.graph, this.output) : undefined;
    this.kinks = this.findKinks();
    this.scratch = new Float64Array(2 * this.dimension);
    this.unusedStep = new Float64Array(this.dimension);
  }

  valueAndGradient(x: ArrayLike<number>, gradient: Float64Array): number {
    // With α = 0 the step only copies x into a buffer that is never read.
    return this.descentStep(x, 0, gradient, this.unusedStep);
  }

  value(x: ArrayLike<number>): number {
    this.valueOnly ??= compile(this.graph, [this.output]);
    return this.valueOnly(x, this.scratch);
  }

  hessianVectorProduct(x: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array): void {
    this.hessianProduct ??= this.compileHessianProduct();
    const n = this.dimension;
    for (let i = 0; i < n; i++) {
      this.scratch[i] = x[i];
      this.scratch[n + i] = v[i];
    }
    this.hessianProduct(this.scratch, out);
  }

  hasConstantHessian(): boolean {
    this.hessianProduct ??= this.compileHessianProduct();
    return this.constantHessian ?? false;
  }

  /** f pretty-printed. */
  display(): string {
    return formatNode(this.graph, this.output, this.parameters);
  }

  /** ∂f/∂(parameter i) pretty-printed. */
  displayDerivative(index: number): string {
    return formatNode(this.graph, this.gradient[index], this.parameters);
  }

  describeNonFinite(x: ArrayLike<number>): string | undefined {
    const id =
      firstNonFiniteNode(this.graph, this.output, x) ??
      this.gradient.map((node) => firstNonFiniteNode(this.graph, node, x)).find((node) => node !== undefined);
    if (id === undefined) {
      return undefined;
    }
    const node = this.graph.node(id);
    const text = formatNode(this.graph, id, this.parameters);
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    const everywhere = this.graph.dependsOnParameter()[id] === 0;
    // A subexpression without parameters, such as exp(1000), is not finite at any start point.
    if (!everywhere) {
      return `${shown} ${nonFiniteReason(node.op)}`;
    }
    const value = evaluateNodes(this.graph, id, x)[id];
    const problem = Number.isNaN(value) ? 'is not a number (NaN)' : 'overflows float64';
    return `${shown} ${problem} whatever the parameters are`;
  }

  /**
   * ∇²f·v = ∇(∇f·v): a second reverse sweep over the gradient graph, with v as extra inputs
   * x[n..2n-1], so the product is exact and costs about one more gradient evaluation.
   */
  private compileHessianProduct(): CompiledFunction {
    const n = this.dimension;
    const parameters = Array.from({ length: n }, (_unused, i) => this.graph.variable(i));
    let directional = this.graph.constant(0);
    for (let i = 0; i < n; i++) {
      directional = this.graph.add(directional, this.graph.mul(this.gradient[i], this.graph.variable(n + i)));
    }
    const product = gradientNodes(this.graph, directional, parameters);
    this.constantHessian = this.dependsOnlyOnDirection(product);
    return compile(this.graph, [directional, ...product]);
  }

  /** True when the nodes read no parameter x[i], i < n: only the direction v = x[n..2n-1]. */
  private dependsOnlyOnDirection(nodes: NodeId[]): boolean {
    const reached = this.graph.reachableFrom(nodes);
    for (let id = 0; id < reached.length; id++) {
      const node = this.graph.node(id);
      if (reached[id] === 1 && node.op === 'var' && node.index < this.dimension) {
        return false;
      }
    }
    return true;
  }

  /** Prints the abs() nodes of f whose argument depends on a parameter. */
  private findKinks(): string[] {
    const reached = this.graph.reachableFrom([this.output]);
    const live = this.graph.dependsOnParameter();
    const kinks: string[] = [];
    for (let id = 0; id <= this.output; id++) {
      if (reached[id] === 1 && live[id] === 1 && this.graph.node(id).op === 'abs') {
        kinks.push(formatNode(this.graph, id, this.parameters));
      }
    }
    return kinks;
  }

  private findConstantGradient(): number[] | undefined {
    const constant = this.gradient.every((id) => this.graph.isConstant(id));
    return constant ? this.gradient.map((id) => this.graph.node(id).value) : undefined;
  }
}

function nonFiniteReason(op: string): string {
  switch (op) {
    case 'div':
    case 'pow':
      return 'is not finite there (division by zero, a pole, or a power outside its domain)';
    case 'log':
    case 'log10':
    case 'log2':
      return 'takes the logarithm of a number that is not positive';
    case 'sqrt':
      return 'takes the square root of a negative number';
    case 'asin':
    case 'acos':
      return 'is only defined on [-1, 1]';
    default:
      return 'overflows float64 there';
  }
}
