import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { JsonBody } from './json-body';

/** The JSON Schema of a template that renders one of `bodies` (a kit's `#if ... #else ... #end`). */
export function eitherSchema(...bodies: JsonBody[]): apigw.JsonSchema {
  return { schema: apigw.JsonSchemaVersion.DRAFT4, anyOf: bodies.map(body => body._schema()) };
}
