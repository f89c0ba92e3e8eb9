import { childPath } from './catalog';
import { Finding } from './finding';
import { checkGatewayResponse } from './gateway-responses';
import { checkResponseValue } from './response-parameters';
import { knownObject, knownString } from '../grammar/unknown';

/**
 * The SAM properties of an `AWS::Serverless::Api` (or of `Globals.Api`) that become integration
 * and gateway responses once SAM transforms the template: `Cors` (the OPTIONS method SAM adds to
 * every path, whose integration response maps each value to a header) and `GatewayResponses`
 * (`x-amazon-apigateway-gateway-responses` of the definition). SAM copies their values unchanged,
 * so they are checked by the rules of what SAM writes, at the property the user wrote.
 *
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-corsconfiguration.html
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-gatewayresponse.html
 */
export function checkSamApi(properties: Record<string, unknown>, path?: string): Finding[] {
  return [...checkSamCors(properties.Cors, childPath(path, 'Cors')), ...checkSamGatewayResponses(properties.GatewayResponses, childPath(path, 'GatewayResponses'))];
}

/** The CORS headers SAM maps from `Cors`, by the property that gives each one's value. */
const CORS_HEADERS: ReadonlyArray<[string, string]> = [
  ['AllowOrigin', 'Access-Control-Allow-Origin'],
  ['AllowHeaders', 'Access-Control-Allow-Headers'],
  ['AllowMethods', 'Access-Control-Allow-Methods'],
  ['MaxAge', 'Access-Control-Max-Age'],
];

function checkSamCors(cors: unknown, path: string): Finding[] {
  if (cors === undefined) return [];
  // A string is the allowed origin alone.
  if (knownString(cors) !== undefined) return checkCorsValue(cors, 'AllowOrigin', 'Access-Control-Allow-Origin', path);
  const settings = knownObject(cors);
  if (settings === undefined) return [];
  return CORS_HEADERS.flatMap(([property, header]) => settings[property] === undefined ? []
    : checkCorsValue(settings[property], property, header, childPath(path, property)));
}

function checkCorsValue(value: unknown, property: string, header: string, path: string): Finding[] {
  return checkResponseValue(value, `SAM Cors ${property}, which SAM maps to ${header} on the OPTIONS method it adds to every path: `, path);
}

/** SAM's `ResponseParameters` groups, and the prefix SAM gives each one's names. */
const PARAMETER_GROUPS: ReadonlyArray<[string, string]> = [
  ['Headers', 'gatewayresponse.header.'],
  ['Paths', 'gatewayresponse.path.'],
  ['QueryStrings', 'gatewayresponse.querystring.'],
];

function checkSamGatewayResponses(responses: unknown, path: string): Finding[] {
  const byType = knownObject(responses);
  if (byType === undefined) return [];
  const findings: Finding[] = [];
  for (const type of Object.keys(byType)) {
    const response = knownObject(byType[type]);
    if (response === undefined) continue;
    const at = childPath(path, type);
    // The response as SAM writes it into the definition, and where the parts SAM renames came from
    // (the others keep their path under the response).
    const written: Record<string, unknown> = { ResponseType: type, StatusCode: response.StatusCode, ResponseTemplates: response.ResponseTemplates };
    const origins = new Map<string, string>([['ResponseType', at]]);
    const groups = knownObject(response.ResponseParameters) ?? {};
    const parameters: Record<string, unknown> = {};
    for (const [group, prefix] of PARAMETER_GROUPS) {
      const names = knownObject(groups[group]) ?? {};
      for (const name of Object.keys(names)) {
        parameters[prefix + name] = names[name];
        origins.set(childPath('ResponseParameters', prefix + name), childPath(childPath(childPath(at, 'ResponseParameters'), group), name));
      }
    }
    written.ResponseParameters = parameters;
    for (const f of checkGatewayResponse(written)) {
      findings.push({ ...f, path: f.path === undefined ? at : origins.get(f.path) ?? childPath(at, f.path) });
    }
  }
  return findings;
}
