import { SimulationError } from './simulation-error';

/**
 * A payload: text, or binary content carried as base64.
 */
export interface Payload {
  readonly body: string;
  readonly binary: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string): Payload {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new SimulationError('the response body is not base64, so converting it to binary fails: API Gateway answers 500 (a configuration error)');
  }
  return { body: compact, binary: true };
}

const asText = (payload: Payload): Payload => payload.binary ? { body: payload.body, binary: false } : payload;

/**
 * REST API response payload conversion, from the integration response payload, whether the
 * request's (first) Accept media type is one of the API's binary media types, and the integration
 * response's content handling.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 */
export function convertRestPayload(payload: Payload, binaryMediaTypesSet: boolean, acceptIsBinary: boolean, contentHandling?: string): Payload {
  if (contentHandling === 'CONVERT_TO_TEXT') return asText(payload);
  if (contentHandling === 'CONVERT_TO_BINARY') return payload.binary ? payload : decodeBase64(payload.body);
  if (!binaryMediaTypesSet) return payload.binary ? { body: Buffer.from(payload.body, 'base64').toString('utf8'), binary: false } : payload;
  if (payload.binary) return acceptIsBinary ? payload : asText(payload);
  return acceptIsBinary ? decodeBase64(payload.body) : payload;
}

/**
 * WebSocket response payload conversion by the integration response's content handling strategy.
 */
export function convertWebSocketPayload(payload: Payload, contentHandling?: string): Payload {
  if (contentHandling === 'CONVERT_TO_TEXT') return asText(payload);
  if (contentHandling === 'CONVERT_TO_BINARY') return payload.binary ? payload : decodeBase64(payload.body);
  return payload;
}

/**
 * Whether a media type (the first of an Accept header) matches one of the binary media types
 * (`image/png`, `image/*`, `*\/*`).
 */
export function matchesMediaType(mediaType: string, patterns: readonly string[]): boolean {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  return patterns.some(p => {
    const [pType, pSubtype] = p.toLowerCase().split('/');
    return (pType === '*' || pType === type) && (pSubtype === '*' || pSubtype === subtype);
  });
}
