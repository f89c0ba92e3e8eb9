import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import { compareContracts } from './contract-diff';
import { contractOperations, ModeledOperation } from './contract-operations';
import { DEFAULT_SAMPLE_BODY, operationRows } from './contract-rows';
import { formatContract } from './contract-text';
import { InputTooDeepError, tooDeepAt } from '../checks/input-limits';
import { readTemplates, TemplateFile } from '../checks/template-reader';
import { definitionVersion } from '../openapi/definition-version';
import { SimulationError } from '../simulator/simulation-error';
import { BackendResult } from '../simulator/types';

/**
 * How a contract is written.
 */
export interface ResponseContractOptions {
  /**
   * The body a successful backend returns in the contract's rows (status code rows carry it too).
   * Response templates render it, so give one shaped like your backend's answers.
   *
   * @default '{"message": "a sample backend body"}'
   */
  readonly sampleBody?: string;
}

/**
 * What a client receives for one backend answer.
 */
export interface ContractAnswer {
  /**
   * The status code the client receives.
   *
   * @default - none: a WebSocket client receives a message, without a status code
   */
  readonly statusCode?: number;

  /**
   * The headers the response maps, by name.
   */
  readonly headers: { [name: string]: string };

  /**
   * The body (base64 when `isBase64Encoded`).
   */
  readonly body: string;

  /**
   * Whether the body is binary, given as base64.
   */
  readonly isBase64Encoded: boolean;
}

/**
 * One row of a contract: a backend answer, the integration response it selects and what the client
 * receives; or a response that no backend answer selects.
 */
export interface ContractRow {
  /**
   * The backend answer, in words: `Lambda error "[NotFound]"`, `Lambda success`, `status 500, which
   * no pattern matches`; `none` for a response no answer selects.
   */
  readonly backend: string;

  /**
   * The backend answer, as the simulators take it.
   *
   * @default - none: no backend answer is known for this row
   */
  readonly input?: BackendResult;

  /**
   * The integration response the row is about: `404 (pattern \[NotFound\].*)` or `200 (default)`
   * (REST), the response key (WebSocket).
   *
   * @default - none: the row is about an answer no pattern matches, and none was found
   */
  readonly response?: string;

  /**
   * What the client receives.
   *
   * @default - not simulated: see `note`
   */
  readonly client?: ContractAnswer;

  /**
   * Why the row has no client answer (unreachable, cannot be simulated).
   *
   * @default - none
   */
  readonly note?: string;
}

/**
 * One REST method or WebSocket route of a contract.
 */
export interface ContractOperation {
  /**
   * The stack (template file) the operation is in, when the contract covers several.
   *
   * @default - the contract covers one template
   */
  readonly stack?: string;

  /**
   * The operation: `REST API ItemsApi GET /items/{id}`, `WebSocket API ItemsSocket route get`.
   */
  readonly name: string;

  /**
   * Why the operation has no rows, or what to know about them (a one-way route).
   *
   * @default - none
   */
  readonly note?: string;

  /**
   * Its rows, in the order of its integration responses, then the answers no pattern matches.
   */
  readonly rows: ContractRow[];
}

/**
 * One behaviour change between two contracts.
 */
export interface ContractChange {
  /**
   * The operation, with its stack: `Stack: REST API ItemsApi GET /items/{id}`.
   */
  readonly operation: string;

  /**
   * The backend answer whose client answer changed, in words; `(operation)` when the operation
   * itself was added, removed or its note changed.
   */
  readonly backend: string;

  /**
   * What the client received before, as the contract's text shows it.
   *
   * @default - the row or operation is new
   */
  readonly before?: string;

  /**
   * What the client receives after.
   *
   * @default - the row or operation is gone
   */
  readonly after?: string;
}

/**
 * What every REST method and WebSocket route of a stack, template or cloud assembly answers its
 * clients: for each integration response a backend answer that selects it, plus a Lambda success,
 * an error no pattern matches and a status code no pattern matches, each with the status code,
 * headers and body the client receives (simulated, see docs/contract.md). Its text is deterministic
 * and names operations by API, path and method, so it is a behaviour snapshot that logical-ID churn
 * leaves alone:
 *
 * ```ts
 * declare const stack: Stack;
 * const contract = ResponseContract.fromStack(stack);
 * // expect(contract.toText()).toMatchSnapshot();
 * ```
 */
export class ResponseContract {
  /**
   * The contract of a CloudFormation template (parsed JSON) or an OpenAPI definition.
   *
   * @param template the template or definition, as parsed JSON
   * @param options how rows are written
   */
  public static fromTemplate(template: any, options: ResponseContractOptions = {}): ResponseContract {
    const tooDeep = tooDeepAt(template);
    if (tooDeep !== undefined) throw new InputTooDeepError('the template', tooDeep);
    const isDefinition = template !== null && typeof template === 'object' && template.Resources === undefined
      && definitionVersion(template) !== undefined;
    return new ResponseContract(contractOperations(template, isDefinition ? template : undefined), options);
  }

  /**
   * The contract of a stack as it synthesizes. The stack's app (or stage) is synthesized, as
   * `Template.fromStack` of aws-cdk-lib's assertions does, so call it once the stack is built.
   *
   * @param stack the stack
   * @param options how rows are written
   */
  public static fromStack(stack: Stack, options: ResponseContractOptions = {}): ResponseContract {
    const stage = Stage.of(stack);
    if (stage === undefined) throw new SimulationError(`stack ${stack.node.path} is not in an App or Stage, so it cannot be synthesized`);
    const template = stage.synth().getStackArtifact(stack.artifactId).template;
    return ResponseContract.fromTemplate(template, options);
  }

  /**
   * The contract of every stack of a cloud assembly directory (`cdk.out`, nested assemblies
   * included), or of a template file; operations carry their stack's name when there are several.
   *
   * @param directory the cloud assembly directory, or a template file
   * @param options how rows are written
   */
  public static fromAssembly(directory: string, options: ResponseContractOptions = {}): ResponseContract {
    return ResponseContract._fromFiles(readTemplates(directory), isDirectory(directory), options);
  }

  /**
   * Before and after: each backend answer of either contract is simulated on both, and those whose
   * client answer differs are returned, with operations added or removed. A change of logical IDs,
   * resource order, asset hashes or metadata changes nothing.
   *
   * @param before the contract of the old app
   * @param after the contract of the new app
   */
  public static compare(before: ResponseContract, after: ResponseContract): ContractChange[] {
    return compareContracts({ modeled: before._modeled, operations: before.operations }, { modeled: after._modeled, operations: after.operations });
  }

  /** @internal */
  public static _fromFiles(files: readonly TemplateFile[], named: boolean, options: ResponseContractOptions = {}): ResponseContract {
    const operations = files.flatMap(f => contractOperations(f.template, f.definition, named ? stackName(f.file) : undefined));
    return new ResponseContract(operations.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0)), options);
  }

  /**
   * The contract's operations, sorted by stack and name.
   */
  public readonly operations: ContractOperation[];

  /** @internal */
  public readonly _modeled: readonly ModeledOperation[];

  private constructor(modeled: readonly ModeledOperation[], options: ResponseContractOptions) {
    const sampleBody = options.sampleBody ?? DEFAULT_SAMPLE_BODY;
    if (typeof sampleBody !== 'string') throw new SimulationError('sampleBody must be a string');
    this._modeled = modeled;
    this.operations = modeled.map(o => ({ stack: o.stack, name: o.name, note: o.note, rows: operationRows(o, sampleBody) }));
  }

  /**
   * The contract as text: one block per operation, one entry per row. Deterministic, for snapshots.
   */
  public toText(): string {
    return formatContract(this.operations);
  }

  /**
   * The contract as JSON: `{ operations: [...] }`, the same data as `operations`.
   */
  public toJson(): any {
    return JSON.parse(JSON.stringify({ operations: this.operations }));
  }
}

/** An operation's name with its stack, as changes name it. */
export function keyOf(operation: { readonly stack?: string; readonly name: string }): string {
  return operation.stack === undefined ? operation.name : `${operation.stack}: ${operation.name}`;
}

/** Whether `file` is a directory (a cloud assembly), whose stacks are named in the contract. */
export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The stack a template file holds: `cdk.out/Api.template.json` is `Api`. */
function stackName(file: string): string {
  return path.basename(file).replace(/\.template\.json$|\.(json|ya?ml)$/i, '');
}
