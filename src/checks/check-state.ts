import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MethodChecker } from './method-checker';
import { Finding } from '../rules/finding';
import { SchemaFinding } from '../rules/schema/schema-check';
import { SchemaMemo } from '../rules/schema/schema-memo';

/** Where an app keeps its state: on its root construct, so two apps never share any. */
const STATE = Symbol.for('cdk-integration-responses.CheckState');

/**
 * The resources of a stack checked together once per synthesis: the WebSocket resources (an
 * integration with its responses and routes), and the gateway responses with their REST APIs.
 */
export type StackCheckGroup = 'websocket' | 'gateway';

/**
 * The findings of one group of resources of a stack, checked together once per synthesis.
 */
export interface StackCheck {
  readonly findings: Map<CfnResource, Finding[]>;
  /** The resources whose validation has taken its findings from this check. */
  readonly served: Set<CfnResource>;
}

/**
 * Everything the synth-time checks remember about one app, in one place: which resources are
 * registered for checks (and whether strictly), the findings they share within a stack, and which
 * apps and stages already report the stages no checks reach. It lives on the app's root construct,
 * so it goes when the app goes and two apps in one process (tests) never see each other's.
 */
export class CheckState {
  /** The state of the app `construct` belongs to. */
  public static of(construct: IConstruct): CheckState {
    const root = construct.node.root as IConstruct & { [STATE]?: CheckState };
    let state = root[STATE];
    if (state === undefined) {
      state = new CheckState();
      Object.defineProperty(root, STATE, { value: state });
    }
    return state;
  }

  /** Resources registered for the synth-time checks (registering twice checks once). */
  public readonly registered = new WeakSet<CfnResource>();
  /** Resources whose warnings fail synthesis (the checks that registered them were strict). */
  public readonly strict = new WeakSet<CfnResource>();
  /** Apps and stages whose synthesis reports the stages inside them no checks reach. */
  public readonly stageReports = new WeakSet<Stage>();

  private readonly methodCheckers = new WeakMap<Stack, MethodChecker>();
  private readonly schemaMemos = new WeakMap<Stack, SchemaMemo<SchemaFinding>>();
  private readonly stackChecks: Record<StackCheckGroup, WeakMap<Stack, StackCheck>> = { websocket: new WeakMap(), gateway: new WeakMap() };

  private constructor() {}

  /** The method checker of a stack: methods with the same responses share their findings. */
  public methodChecker(stack: Stack): MethodChecker {
    let checker = this.methodCheckers.get(stack);
    if (checker === undefined) this.methodCheckers.set(stack, checker = new MethodChecker());
    return checker;
  }

  /** The lists and maps of a stack's resources already checked against the schema. */
  public schemaMemo(stack: Stack): SchemaMemo<SchemaFinding> {
    let memo = this.schemaMemos.get(stack);
    if (memo === undefined) this.schemaMemos.set(stack, memo = new SchemaMemo());
    return memo;
  }

  /** The check of a group of resources of a stack, if one was made. */
  public stackCheck(group: StackCheckGroup, stack: Stack): StackCheck | undefined {
    return this.stackChecks[group].get(stack);
  }

  /** Records the check of a group of resources of a stack. */
  public setStackCheck(group: StackCheckGroup, stack: Stack, check: StackCheck): void {
    this.stackChecks[group].set(stack, check);
  }
}
