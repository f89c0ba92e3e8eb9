import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { isCorsHeader, isReservedHttpApiHeader, parseHttpResponseDestination, parseHttpResponseValue } from '../grammar/http-response-mapping';
import { isUnknown, knownObject, knownString } from '../grammar/unknown';

/** The protocol of the API an integration belongs to, when the template tells. */
export type ApiProtocol = 'HTTP' | 'WEBSOCKET' | undefined;

const PROPERTY = 'ResponseParameters';

/**
 * Checks the response parameter mappings of an `AWS::ApiGatewayV2::Integration`: CloudFormation's
 * shape (`{"<status>": {"ResponseParameters": [{"Destination", "Source"}]}}`, not the flat map the
 * API and CLI take), status codes from 200 to 599, destinations, reserved headers and the values
 * mapped.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function checkHttpResponseParameters(properties: Record<string, unknown>, protocol: ApiProtocol): Finding[] {
  const raw = properties[PROPERTY];
  const byStatus = knownObject(raw);
  if (byStatus === undefined || Object.keys(byStatus).length === 0) return [];
  if (protocol === 'WEBSOCKET') {
    return [finding(RULES.httpResponseParametersWebSocket,
      'the integration belongs to a WebSocket API, and AWS documents ResponseParameters as "supported only for HTTP APIs", ' +
      'so they map nothing here; map WebSocket answers with integration responses (AWS::ApiGatewayV2::IntegrationResponse)', PROPERTY)];
  }
  const findings: Finding[] = [];
  for (const status of Object.keys(byStatus)) {
    const at = childPath(PROPERTY, status);
    if (!/^[2-5]\d\d$/.test(status)) {
      findings.push(finding(RULES.httpResponseStatusCode,
        `status code key '${status}' is not a status code from 200 to 599, which AWS documents the keys of ResponseParameters must be ` +
        '("The selection key must be a valid HTTP status code within the range of 200-599"), so no answer selects these mappings; ' +
        'key them by the status code the integration returns', at));
    }
    const entry = knownObject(byStatus[status]);
    if (entry === undefined) continue;
    findings.push(...checkStatusEntry(entry, at));
  }
  return findings;
}

function checkStatusEntry(entry: Record<string, unknown>, at: string): Finding[] {
  const others = Object.keys(entry).filter(key => key !== PROPERTY);
  const misCased = others.find(key => key.toLowerCase() === PROPERTY.toLowerCase());
  if (misCased !== undefined) return [casingFinding(misCased, PROPERTY, childPath(at, misCased))];
  if (others.length > 0) return [flatShapeFinding(entry, others, at)];
  const list = entry[PROPERTY];
  if (!Array.isArray(list)) return [];
  const findings: Finding[] = [];
  list.forEach((item, i) => {
    const parameter = knownObject(item);
    if (parameter === undefined) return;
    const itemAt = childPath(childPath(at, PROPERTY), i);
    const key = Object.keys(parameter).find(k => k !== 'Destination' && k !== 'Source' && ['destination', 'source'].includes(k.toLowerCase()));
    if (key !== undefined) {
      findings.push(casingFinding(key, key.toLowerCase() === 'source' ? 'Source' : 'Destination', childPath(itemAt, key)));
      return;
    }
    const destination = knownString(parameter.Destination);
    const parsed = destination === undefined ? undefined : parseHttpResponseDestination(destination);
    if (parsed?.problem) {
      findings.push(finding(RULES.httpResponseDestination,
        `destination '${destination}' is not valid: ${parsed.problem}; AWS documents only these forms for response mappings, ` +
        'so this mapping can never apply; fix the destination', childPath(itemAt, 'Destination')));
      return;
    }
    const target = parsed?.value;
    if (target?.kind === 'header' && isReservedHttpApiHeader(target.name)) {
      findings.push(finding(RULES.httpResponseReservedHeader,
        `header '${target.name}' is reserved: AWS documents "You can't configure request or response mappings for these headers", ` +
        `so this mapping can never apply; ${isCorsHeader(target.name) ? "set CORS headers with the API's CorsConfiguration (corsPreflight in aws-cdk-lib)"
          : 'map another header, or set this one in the backend'}`, childPath(itemAt, 'Destination')));
    }
    // A removal ignores its value (the console writes '' there).
    if (target?.kind === 'header' && target.action === 'remove') return;
    const source = knownString(parameter.Source);
    if (source === undefined || isUnknown(parameter.Source)) return;
    findings.push(...checkHttpResponseSource(source, destination, childPath(itemAt, 'Source')));
  });
  return findings;
}

/** `http-response-source` for the value `source` mapped to `destination`. */
export function checkHttpResponseSource(source: string, destination?: string, path?: string): Finding[] {
  const value = parseHttpResponseValue(source);
  if (!value.problem) return [];
  return [finding(RULES.httpResponseSource,
    `source '${source}'${destination === undefined ? '' : ` of ${destination}`}: ${value.problem}, so the header may be empty or get ` +
    'the text as written; use one of those values', path)];
}

/**
 * A key of CloudFormation's shape written in another case (`responseParameters`, `destination`):
 * aws-cdk-lib passes this property, typed as JSON, through as it is.
 */
function casingFinding(key: string, meant: string, at: string): Finding {
  return finding(RULES.httpResponseParametersShape,
    `key '${key}' is ${meant} in another case: CloudFormation's keys here are ${meant}, and aws-cdk-lib writes this JSON property ` +
    `as it is given (it does not capitalize its keys), so CloudFormation rejects the deployment ("Encountered unsupported properties"); write ${meant}`, at);
}

/**
 * The API's flat form (`{"overwrite:header.X": "$response.header.Y"}`) under a status code, with
 * the CloudFormation form it stands for as the fix.
 */
function flatShapeFinding(entry: Record<string, unknown>, flat: readonly string[], at: string): Finding {
  const existing = Array.isArray(entry[PROPERTY]) ? entry[PROPERTY] as unknown[] : [];
  const converted = [...existing, ...flat.map(key => ({ Destination: key, Source: entry[key] }))];
  const fix = JSON.stringify({ [PROPERTY]: converted });
  return finding(RULES.httpResponseParametersShape,
    `the mappings for status code ${at.slice(PROPERTY.length + 1)} are written the way the API and CLI take them ` +
    `(${flat.map(k => `'${k}'`).join(', ')} as keys), but CloudFormation takes a list ` +
    'of {Destination, Source} under ResponseParameters and rejects the deployment ("Encountered unsupported properties in ' +
    `{/${at.replace(/\./g, '/')}}"); write ${fix}`, at);
}
