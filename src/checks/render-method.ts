import { CfnResource, Stack } from 'aws-cdk-lib';
import { plainCfnProperties } from './cdk-internals';
import { RenderedResource } from './render';
import { isUnknown, knownObject } from '../grammar/unknown';

/**
 * Which CloudFormation property each `CfnMethod` property the rules read is written as. A key maps
 * to its CloudFormation name and, for nested structures, to the shape of what it holds; a value
 * without a shape (a string, or a map such as `responseParameters` whose keys are data) is copied
 * as it is.
 */
interface Shape {
  readonly [camelCase: string]: { readonly name: string; readonly shape?: Shape; readonly list?: boolean };
}

const INTEGRATION_RESPONSE: Shape = {
  statusCode: { name: 'StatusCode' },
  selectionPattern: { name: 'SelectionPattern' },
  responseParameters: { name: 'ResponseParameters' },
  responseTemplates: { name: 'ResponseTemplates' },
  contentHandling: { name: 'ContentHandling' },
};

const METHOD_PROPERTIES: Shape = {
  // Read by the CORS rule of gateway responses, which groups methods by API.
  restApiId: { name: 'RestApiId' },
  integration: {
    name: 'Integration',
    shape: {
      type: { name: 'Type' },
      uri: { name: 'Uri' },
      requestTemplates: { name: 'RequestTemplates' },
      integrationResponses: { name: 'IntegrationResponses', shape: INTEGRATION_RESPONSE, list: true },
    },
  },
  methodResponses: {
    name: 'MethodResponses',
    list: true,
    shape: {
      statusCode: { name: 'StatusCode' },
      responseParameters: { name: 'ResponseParameters' },
      responseModels: { name: 'ResponseModels' },
    },
  },
};

/**
 * Renders the parts of an `AWS::ApiGateway::Method` the rules read, as the template will show
 * them, or `undefined` when this shortcut cannot be sure of that (the method has raw overrides).
 *
 * The full rendering (`renderResource`) also runs aws-cdk-lib's property validators, which costs
 * as much as synthesizing the method a second time; resolving the properties and naming them the
 * CloudFormation way gives the same values for the properties checked, at a fraction of the cost.
 */
export function renderMethodForChecks(method: CfnResource): Pick<RenderedResource, 'properties' | 'metadata'> | undefined {
  const cfnProperties = plainCfnProperties(method);
  if (cfnProperties === undefined) return undefined;
  const stack = Stack.of(method);
  const checked = Object.fromEntries(Object.keys(METHOD_PROPERTIES).map(key => [key, cfnProperties[key]]));
  const properties = resolveTokens(stack, checked);
  const metadata = resolveTokens(stack, method.cfnOptions.metadata) as Record<string, unknown> | undefined;
  return {
    properties: toCloudFormation(properties, METHOD_PROPERTIES) as Record<string, unknown>,
    metadata: metadata && Object.keys(metadata).length > 0 ? metadata : undefined,
  };
}

/**
 * `stack.resolve(value)`, resolving only the parts that hold tokens: most of a method's responses
 * are plain strings, and the generic resolver visits and copies every value with a full resolution
 * context. Parts without tokens are returned as they are (the checks only read them). Like the
 * resolver, it drops `undefined` values from objects and arrays.
 */
function resolveTokens(stack: Stack, value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number') return isUnknown(value) ? stack.resolve(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(item => resolveTokens(stack, item));
    return items.every((item, i) => item === value[i] && item !== undefined) ? value : items.filter(item => item !== undefined);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype || isUnknown(value) || Object.keys(value).some(isUnknown)) {
    return stack.resolve(value);
  }
  let resolved: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const result = resolveTokens(stack, item);
    if (result === item && result !== undefined) continue;
    resolved ??= { ...value };
    if (result === undefined) delete resolved[key]; else resolved[key] = result;
  }
  return resolved ?? value;
}

function toCloudFormation(value: unknown, shape: Shape): unknown {
  const object = knownObject(value);
  if (object === undefined) return value;
  const rendered: Record<string, unknown> = {};
  for (const [key, { name, shape: inner, list }] of Object.entries(shape)) {
    const item = object[key];
    if (item === undefined) continue;
    if (inner === undefined) rendered[name] = item;
    else if (list) rendered[name] = Array.isArray(item) ? item.map(element => toCloudFormation(element, inner)) : item;
    else rendered[name] = toCloudFormation(item, inner);
  }
  return rendered;
}
