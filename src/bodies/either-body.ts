import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { JsonBody } from './json-body';
import { ResponseTemplate } from '../rest/response-template';

/** One branch of `eitherBody`: the body, and the status it sets (`$context.responseOverride.status`), if any. */
export interface Branch {
  readonly body: JsonBody;
  readonly status?: number;
}

/**
 * The template a kit writes when the answer decides between two bodies:
 * `#if(condition) first #{else} second #end`, with the JSON Schema of both (one schema when they
 * are the same, their `anyOf` otherwise).
 */
export function eitherBody(condition: string, first: Branch, second: Branch): ResponseTemplate {
  const branch = ({ body, status }: Branch) => [...(status === undefined ? [] : [`#set($context.responseOverride.status = ${status})`]), body.toTemplate().trimEnd()];
  const text = [`#if(${condition})`, ...branch(first), '#{else}', ...branch(second), '#end', ''].join('\n');
  const [a, b] = [first.body._schema(), second.body._schema()];
  const schema: apigw.JsonSchema = JSON.stringify(a) === JSON.stringify(b) ? a : { anyOf: [a, b] };
  return ResponseTemplate._withSchema(text, { schema: apigw.JsonSchemaVersion.DRAFT4, ...schema });
}
