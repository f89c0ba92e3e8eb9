import { Finding, Severity } from './finding';

/**
 * A rule of the rule table: its stable ID, its severity and what it checks.
 */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
}

function rule(id: string, severity: Severity, summary: string): Rule {
  return { id, severity, summary };
}

/**
 * The rule table. IDs are stable: users suppress rules by ID and docs/rules.md documents each one.
 */
export const RULES = {
  // REST: one integration response
  restStatusCode: rule('rest-status-code', Severity.ERROR, 'status code matches [1-5]\\d\\d'),
  restSelectionPatternSyntax: rule('rest-selection-pattern-syntax', Severity.ERROR, 'selection pattern compiles as a Java regular expression'),
  restSelectionPatternUnchecked: rule('rest-selection-pattern-unchecked', Severity.INFO, 'selection pattern uses Java-only syntax the checker cannot evaluate'),
  restStatusPatternUnreachable: rule('rest-status-pattern-unreachable', Severity.WARNING, 'an HTTP/AWS/MOCK selection pattern can match a status code from 100 to 599'),
  restLambdaPatternMatchesSuccess: rule('rest-lambda-pattern-matches-success', Severity.WARNING, 'a Lambda selection pattern does not match the empty error message of a success'),
  restLambdaPatternStatusCode: rule('rest-lambda-pattern-status-code', Severity.WARNING,
    'a Lambda selection pattern is not a pattern of success status codes (it is matched against the error message)'),
  restSelectionPatternBacktracking: rule('rest-selection-pattern-backtracking', Severity.WARNING, 'a Lambda selection pattern cannot take super-linear time on a long error message'),
  restParameterKey: rule('rest-parameter-key', Severity.ERROR, 'response parameter keys are method.response.header.{name} with a valid header name'),
  restParameterValue: rule('rest-parameter-value', Severity.ERROR, 'response parameter values are valid mapping expressions or single-quoted static values'),
  restParameterContext: rule('rest-parameter-context', Severity.WARNING, 'context.{name} names a documented context variable'),
  restTemplateContentType: rule('rest-template-content-type', Severity.ERROR, 'response template keys are media types (type/subtype)'),
  restTemplateSize: rule('rest-template-size', Severity.ERROR, 'a response template is at most 300 KB'),
  restTemplateInvalidJson: rule('rest-template-invalid-json', Severity.WARNING,
    'a JSON response template does not write backend values inside JSON strings unescaped'),
  restContentHandling: rule('rest-content-handling', Severity.ERROR, 'content handling is CONVERT_TO_TEXT or CONVERT_TO_BINARY'),

  // REST: a method's responses together
  restDuplicateStatusCode: rule('rest-duplicate-status-code', Severity.WARNING, 'one integration response per status code'),
  restDuplicateDefault: rule('rest-duplicate-default', Severity.WARNING, 'at most one default integration response (no selection pattern)'),
  restNoDefault: rule('rest-no-default', Severity.WARNING, 'a method with integration responses has a default one'),
  restPatternOverlap: rule('rest-pattern-overlap', Severity.WARNING, 'no backend result matches two selection patterns'),
  restPatternKind: rule('rest-pattern-kind', Severity.ERROR, 'Lambda error patterns are used on Lambda integrations, status patterns on the others'),
  restProxyIntegrationResponses: rule('rest-proxy-integration-responses', Severity.WARNING, 'AWS_PROXY and HTTP_PROXY integrations map no integration responses'),
  restMethodResponseMissing: rule('rest-method-response-missing', Severity.WARNING, 'every integration response status code has a method response'),
  restMethodResponseHeader: rule('rest-method-response-header', Severity.ERROR, 'every mapped header is declared by the method response with the same status code'),
  restDuplicateMethodResponse: rule('rest-duplicate-method-response', Severity.WARNING, 'one method response per status code'),
  restDuplicateItems: rule('rest-duplicate-items', Severity.ERROR, 'IntegrationResponses and MethodResponses hold no two identical items'),

  // WebSocket: one integration response
  wsResponseKey: rule('ws-response-key', Severity.WARNING, 'an integration response key is $default or a /regex/'),
  wsResponseKeySyntax: rule('ws-response-key-syntax', Severity.ERROR, 'the pattern of a /regex/ key compiles as a Java regular expression'),
  wsResponseKeyUnchecked: rule('ws-response-key-unchecked', Severity.INFO, 'response key uses Java-only syntax the checker cannot evaluate'),
  wsStatusKeyUnreachable: rule('ws-status-key-unreachable', Severity.WARNING, 'an HTTP/MOCK response key can match a status code from 100 to 599'),
  wsLambdaKeyMatchesSuccess: rule('ws-lambda-key-matches-success', Severity.WARNING, 'a Lambda response key does not match the empty error message of a success'),
  wsLambdaKeyStatusCode: rule('ws-lambda-key-status-code', Severity.WARNING,
    'a Lambda response key is not a pattern of success status codes (it is matched against the error message)'),
  wsResponseKeyBacktracking: rule('ws-response-key-backtracking', Severity.WARNING, 'a Lambda response key cannot take super-linear time on a long error message'),
  wsTemplateSelectionExpression: rule('ws-template-selection-expression', Severity.WARNING, 'the template selection expression is well formed and uses documented variables'),
  wsTemplateKey: rule('ws-template-key', Severity.WARNING, 'response template keys are values the template selection expression can produce'),
  wsTemplateSize: rule('ws-template-size', Severity.ERROR, 'a response template is at most 32,768 characters'),
  wsTemplateInvalidJson: rule('ws-template-invalid-json', Severity.WARNING,
    'a response template that writes JSON does not write backend values inside JSON strings unescaped'),
  wsParameterKey: rule('ws-parameter-key', Severity.ERROR, 'response parameter keys are method.response.header.{name} with a valid header name'),
  wsParameterValue: rule('ws-parameter-value', Severity.ERROR, 'a response parameter value is a static value in single quotes or a mapping expression, of 1 to 512 characters'),
  wsParameterSource: rule('ws-parameter-source', Severity.WARNING, 'a response parameter maps from a source documented for WebSocket integration responses'),
  wsContentHandling: rule('ws-content-handling', Severity.ERROR, 'content handling strategy is CONVERT_TO_BINARY or CONVERT_TO_TEXT'),

  // WebSocket: an integration's responses and routes together
  wsDuplicateResponseKey: rule('ws-duplicate-response-key', Severity.WARNING, 'one integration response per key and integration'),
  wsNoDefaultKey: rule('ws-no-default-key', Severity.WARNING, 'a non-proxy integration with integration responses has a $default one'),
  wsKeyOverlap: rule('ws-key-overlap', Severity.WARNING, 'no backend result matches two response keys'),
  wsKeyKind: rule('ws-key-kind', Severity.ERROR, 'error-message keys are used on Lambda integrations, status keys on the others'),
  wsProxyIntegrationResponses: rule('ws-proxy-integration-responses', Severity.WARNING, 'AWS_PROXY and HTTP_PROXY integrations map no integration responses'),
  wsRouteNotTwoWay: rule('ws-route-not-two-way', Severity.WARNING, 'a route whose integration has responses returns them ($default route response)'),
  wsRouteResponseSelectionUnset: rule('ws-route-response-selection-unset', Severity.INFO, 'a two-way route sets its route response selection expression'),
  wsRouteResponseSelection: rule('ws-route-response-selection', Severity.WARNING, 'a route response selection expression is $default'),

  // HTTP APIs: response parameter mapping
  httpResponseParametersShape: rule('http-response-parameters-shape', Severity.ERROR,
    'ResponseParameters take CloudFormation\'s shape: a list of {Destination, Source} per status code'),
  httpResponseStatusCode: rule('http-response-status-code', Severity.ERROR, 'ResponseParameters are keyed by status codes from 200 to 599'),
  httpResponseDestination: rule('http-response-destination', Severity.ERROR,
    'a destination is overwrite:statuscode or append|overwrite|remove:header.{name}'),
  httpResponseReservedHeader: rule('http-response-reserved-header', Severity.ERROR, 'a response mapping sets no header HTTP APIs reserve'),
  httpResponseSource: rule('http-response-source', Severity.WARNING,
    'a response mapping reads $response.header, $response.body, $context, $stageVariables or static text'),
  httpResponseParametersWebSocket: rule('http-response-parameters-websocket', Severity.WARNING,
    'ResponseParameters are set on HTTP API integrations only'),

  // REST gateway responses (AWS::ApiGateway::GatewayResponse)
  gatewayResponseType: rule('gateway-response-type', Severity.ERROR, 'ResponseType is one of the gateway response types API Gateway has'),
  gatewayResponseParameterKey: rule('gateway-response-parameter-key', Severity.ERROR,
    'gateway response parameter keys are gatewayresponse.{header|path|querystring}.{name}'),
  gatewayResponseParameterValue: rule('gateway-response-parameter-value', Severity.ERROR,
    'gateway response parameter values are method request parameters, context or stage variables, or single-quoted static values'),
  gatewayResponseTemplateVtl: rule('gateway-response-template-vtl', Severity.WARNING, 'a gateway response template uses no VTL, which API Gateway does not run there'),
  gatewayResponseMessageQuoted: rule('gateway-response-message-quoted', Severity.WARNING,
    '$context.error.messageString, already quoted, is not written between double quotes'),
  gatewayResponseCors: rule('gateway-response-cors', Severity.WARNING,
    'an API whose methods send Access-Control-Allow-Origin sends it in its 4XX and 5XX gateway responses too'),

  // CloudFormation resource schemas
  schemaUnknownProperty: rule('schema-unknown-property', Severity.ERROR, 'every property is one the CloudFormation schema of the resource type defines'),
  schemaRequired: rule('schema-required', Severity.ERROR, 'every property the CloudFormation schema requires is set'),
  schemaType: rule('schema-type', Severity.ERROR, 'lists, maps and objects are where the CloudFormation schema has them, plain values where it has plain values'),
  schemaEnum: rule('schema-enum', Severity.ERROR, 'a value the CloudFormation schema restricts is one of its allowed values'),

  // Checks themselves
  suppressionInvalid: rule('suppression-invalid', Severity.WARNING, 'a suppression names an existing rule and gives a reason'),
  templateDuplicateKey: rule('template-duplicate-key', Severity.WARNING, 'a mapping of a template has each key once'),
} as const;

/**
 * Every rule of the table, for documentation and look-ups by ID.
 */
export const ALL_RULES: readonly Rule[] = Object.values(RULES);

/**
 * Creates a finding for `r`.
 */
export function finding(r: Rule, message: string, path?: string): Finding {
  return path === undefined
    ? { ruleId: r.id, severity: r.severity, message }
    : { ruleId: r.id, severity: r.severity, message, path };
}

/**
 * Joins a property path and a child key the way findings spell paths.
 */
export function childPath(parent: string | undefined, key: string | number): string {
  if (typeof key === 'number') return `${parent ?? ''}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
