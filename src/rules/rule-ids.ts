/**
 * The IDs of the rules, for suppressions and acknowledgments written in code
 * (`IntegrationResponseChecks.suppress(scope, RuleIds.REST_NO_DEFAULT, 'why')`): one constant per
 * rule of docs/rules.md, so every language completes them and a misspelt ID does not compile.
 */
export class RuleIds {
  /**
   * `rest-status-code`: status code matches [1-5]\d\d.
   */
  public static readonly REST_STATUS_CODE = 'rest-status-code';

  /**
   * `rest-selection-pattern-syntax`: selection pattern compiles as a Java regular expression.
   */
  public static readonly REST_SELECTION_PATTERN_SYNTAX = 'rest-selection-pattern-syntax';

  /**
   * `rest-selection-pattern-unchecked`: selection pattern uses Java-only syntax the checker cannot evaluate.
   */
  public static readonly REST_SELECTION_PATTERN_UNCHECKED = 'rest-selection-pattern-unchecked';

  /**
   * `rest-status-pattern-unreachable`: an HTTP/AWS/MOCK selection pattern can match a status code from 100 to 599.
   */
  public static readonly REST_STATUS_PATTERN_UNREACHABLE = 'rest-status-pattern-unreachable';

  /**
   * `rest-lambda-pattern-matches-success`: a Lambda selection pattern does not match the empty error message of a success.
   */
  public static readonly REST_LAMBDA_PATTERN_MATCHES_SUCCESS = 'rest-lambda-pattern-matches-success';

  /**
   * `rest-lambda-pattern-status-code`: a Lambda selection pattern is not a pattern of success status codes (it is matched against the error message).
   */
  public static readonly REST_LAMBDA_PATTERN_STATUS_CODE = 'rest-lambda-pattern-status-code';

  /**
   * `rest-selection-pattern-backtracking`: a Lambda selection pattern cannot take super-linear time on a long error message.
   */
  public static readonly REST_SELECTION_PATTERN_BACKTRACKING = 'rest-selection-pattern-backtracking';

  /**
   * `rest-parameter-key`: response parameter keys are method.response.header.{name} with a valid header name.
   */
  public static readonly REST_PARAMETER_KEY = 'rest-parameter-key';

  /**
   * `rest-parameter-value`: response parameter values are valid mapping expressions or single-quoted static values.
   */
  public static readonly REST_PARAMETER_VALUE = 'rest-parameter-value';

  /**
   * `rest-parameter-context`: context.{name} names a documented context variable.
   */
  public static readonly REST_PARAMETER_CONTEXT = 'rest-parameter-context';

  /**
   * `rest-template-content-type`: response template keys are media types (type/subtype).
   */
  public static readonly REST_TEMPLATE_CONTENT_TYPE = 'rest-template-content-type';

  /**
   * `rest-template-size`: a response template is at most 300 KB.
   */
  public static readonly REST_TEMPLATE_SIZE = 'rest-template-size';

  /**
   * `rest-template-invalid-json`: a JSON response template does not write backend values inside JSON strings unescaped.
   */
  public static readonly REST_TEMPLATE_INVALID_JSON = 'rest-template-invalid-json';

  /**
   * `rest-content-handling`: content handling is CONVERT_TO_TEXT or CONVERT_TO_BINARY.
   */
  public static readonly REST_CONTENT_HANDLING = 'rest-content-handling';

  /**
   * `rest-duplicate-status-code`: one integration response per status code.
   */
  public static readonly REST_DUPLICATE_STATUS_CODE = 'rest-duplicate-status-code';

  /**
   * `rest-duplicate-default`: at most one default integration response (no selection pattern).
   */
  public static readonly REST_DUPLICATE_DEFAULT = 'rest-duplicate-default';

  /**
   * `rest-no-default`: a method with integration responses has a default one.
   */
  public static readonly REST_NO_DEFAULT = 'rest-no-default';

  /**
   * `rest-pattern-overlap`: no backend result matches two selection patterns.
   */
  public static readonly REST_PATTERN_OVERLAP = 'rest-pattern-overlap';

  /**
   * `rest-pattern-kind`: Lambda error patterns are used on Lambda integrations, status patterns on the others.
   */
  public static readonly REST_PATTERN_KIND = 'rest-pattern-kind';

  /**
   * `rest-proxy-integration-responses`: AWS_PROXY and HTTP_PROXY integrations map no integration responses.
   */
  public static readonly REST_PROXY_INTEGRATION_RESPONSES = 'rest-proxy-integration-responses';

  /**
   * `rest-method-response-missing`: every integration response status code has a method response.
   */
  public static readonly REST_METHOD_RESPONSE_MISSING = 'rest-method-response-missing';

  /**
   * `rest-method-response-header`: every mapped header is declared by the method response with the same status code.
   */
  public static readonly REST_METHOD_RESPONSE_HEADER = 'rest-method-response-header';

  /**
   * `rest-duplicate-method-response`: one method response per status code.
   */
  public static readonly REST_DUPLICATE_METHOD_RESPONSE = 'rest-duplicate-method-response';

  /**
   * `rest-duplicate-items`: IntegrationResponses and MethodResponses hold no two identical items.
   */
  public static readonly REST_DUPLICATE_ITEMS = 'rest-duplicate-items';

  /**
   * `ws-response-key`: an integration response key is $default or a /regex/.
   */
  public static readonly WS_RESPONSE_KEY = 'ws-response-key';

  /**
   * `ws-response-key-syntax`: the pattern of a /regex/ key compiles as a Java regular expression.
   */
  public static readonly WS_RESPONSE_KEY_SYNTAX = 'ws-response-key-syntax';

  /**
   * `ws-response-key-unchecked`: response key uses Java-only syntax the checker cannot evaluate.
   */
  public static readonly WS_RESPONSE_KEY_UNCHECKED = 'ws-response-key-unchecked';

  /**
   * `ws-status-key-unreachable`: an HTTP/MOCK response key can match a status code from 100 to 599.
   */
  public static readonly WS_STATUS_KEY_UNREACHABLE = 'ws-status-key-unreachable';

  /**
   * `ws-lambda-key-matches-success`: a Lambda response key does not match the empty error message of a success.
   */
  public static readonly WS_LAMBDA_KEY_MATCHES_SUCCESS = 'ws-lambda-key-matches-success';

  /**
   * `ws-lambda-key-status-code`: a Lambda response key is not a pattern of success status codes (it is matched against the error message).
   */
  public static readonly WS_LAMBDA_KEY_STATUS_CODE = 'ws-lambda-key-status-code';

  /**
   * `ws-response-key-backtracking`: a Lambda response key cannot take super-linear time on a long error message.
   */
  public static readonly WS_RESPONSE_KEY_BACKTRACKING = 'ws-response-key-backtracking';

  /**
   * `ws-template-selection-expression`: the template selection expression is well formed and uses documented variables.
   */
  public static readonly WS_TEMPLATE_SELECTION_EXPRESSION = 'ws-template-selection-expression';

  /**
   * `ws-template-key`: response template keys are values the template selection expression can produce.
   */
  public static readonly WS_TEMPLATE_KEY = 'ws-template-key';

  /**
   * `ws-template-size`: a response template is at most 32,768 characters.
   */
  public static readonly WS_TEMPLATE_SIZE = 'ws-template-size';

  /**
   * `ws-template-invalid-json`: a response template that writes JSON does not write backend values inside JSON strings unescaped.
   */
  public static readonly WS_TEMPLATE_INVALID_JSON = 'ws-template-invalid-json';

  /**
   * `ws-parameter-key`: response parameter keys are method.response.header.{name} with a valid header name.
   */
  public static readonly WS_PARAMETER_KEY = 'ws-parameter-key';

  /**
   * `ws-parameter-value`: a response parameter value is a static value in single quotes or a mapping expression, of 1 to 512 characters.
   */
  public static readonly WS_PARAMETER_VALUE = 'ws-parameter-value';

  /**
   * `ws-parameter-source`: a response parameter maps from a source documented for WebSocket integration responses.
   */
  public static readonly WS_PARAMETER_SOURCE = 'ws-parameter-source';

  /**
   * `ws-content-handling`: content handling strategy is CONVERT_TO_BINARY or CONVERT_TO_TEXT.
   */
  public static readonly WS_CONTENT_HANDLING = 'ws-content-handling';

  /**
   * `ws-duplicate-response-key`: one integration response per key and integration.
   */
  public static readonly WS_DUPLICATE_RESPONSE_KEY = 'ws-duplicate-response-key';

  /**
   * `ws-no-default-key`: a non-proxy integration with integration responses has a $default one.
   */
  public static readonly WS_NO_DEFAULT_KEY = 'ws-no-default-key';

  /**
   * `ws-key-overlap`: no backend result matches two response keys.
   */
  public static readonly WS_KEY_OVERLAP = 'ws-key-overlap';

  /**
   * `ws-key-kind`: error-message keys are used on Lambda integrations, status keys on the others.
   */
  public static readonly WS_KEY_KIND = 'ws-key-kind';

  /**
   * `ws-proxy-integration-responses`: AWS_PROXY and HTTP_PROXY integrations map no integration responses.
   */
  public static readonly WS_PROXY_INTEGRATION_RESPONSES = 'ws-proxy-integration-responses';

  /**
   * `ws-route-not-two-way`: a route whose integration has responses returns them ($default route response).
   */
  public static readonly WS_ROUTE_NOT_TWO_WAY = 'ws-route-not-two-way';

  /**
   * `ws-route-response-selection-unset`: a two-way route sets its route response selection expression.
   */
  public static readonly WS_ROUTE_RESPONSE_SELECTION_UNSET = 'ws-route-response-selection-unset';

  /**
   * `ws-route-response-selection`: a route response selection expression is $default.
   */
  public static readonly WS_ROUTE_RESPONSE_SELECTION = 'ws-route-response-selection';

  /**
   * `http-response-parameters-shape`: ResponseParameters take CloudFormation's shape: a list of {Destination, Source} per status code.
   */
  public static readonly HTTP_RESPONSE_PARAMETERS_SHAPE = 'http-response-parameters-shape';

  /**
   * `http-response-status-code`: ResponseParameters are keyed by status codes from 200 to 599.
   */
  public static readonly HTTP_RESPONSE_STATUS_CODE = 'http-response-status-code';

  /**
   * `http-response-destination`: a destination is overwrite:statuscode or append|overwrite|remove:header.{name}.
   */
  public static readonly HTTP_RESPONSE_DESTINATION = 'http-response-destination';

  /**
   * `http-response-reserved-header`: a response mapping sets no header HTTP APIs reserve.
   */
  public static readonly HTTP_RESPONSE_RESERVED_HEADER = 'http-response-reserved-header';

  /**
   * `http-response-source`: a response mapping reads $response.header, $response.body, $context, $stageVariables or static text.
   */
  public static readonly HTTP_RESPONSE_SOURCE = 'http-response-source';

  /**
   * `http-response-parameters-websocket`: ResponseParameters are set on HTTP API integrations only.
   */
  public static readonly HTTP_RESPONSE_PARAMETERS_WEBSOCKET = 'http-response-parameters-websocket';

  /**
   * `gateway-response-type`: ResponseType is one of the gateway response types API Gateway has.
   */
  public static readonly GATEWAY_RESPONSE_TYPE = 'gateway-response-type';

  /**
   * `gateway-response-parameter-key`: gateway response parameter keys are gatewayresponse.{header|path|querystring}.{name}.
   */
  public static readonly GATEWAY_RESPONSE_PARAMETER_KEY = 'gateway-response-parameter-key';

  /**
   * `gateway-response-parameter-value`: gateway response parameter values are method request parameters, context or stage variables, or single-quoted static values.
   */
  public static readonly GATEWAY_RESPONSE_PARAMETER_VALUE = 'gateway-response-parameter-value';

  /**
   * `gateway-response-template-vtl`: a gateway response template uses no VTL, which API Gateway does not run there.
   */
  public static readonly GATEWAY_RESPONSE_TEMPLATE_VTL = 'gateway-response-template-vtl';

  /**
   * `gateway-response-message-quoted`: $context.error.messageString, already quoted, is not written between double quotes.
   */
  public static readonly GATEWAY_RESPONSE_MESSAGE_QUOTED = 'gateway-response-message-quoted';

  /**
   * `gateway-response-cors`: an API whose methods send Access-Control-Allow-Origin sends it in its 4XX and 5XX gateway responses too.
   */
  public static readonly GATEWAY_RESPONSE_CORS = 'gateway-response-cors';

  /**
   * `schema-unknown-property`: every property is one the CloudFormation schema of the resource type defines.
   */
  public static readonly SCHEMA_UNKNOWN_PROPERTY = 'schema-unknown-property';

  /**
   * `schema-required`: every property the CloudFormation schema requires is set.
   */
  public static readonly SCHEMA_REQUIRED = 'schema-required';

  /**
   * `schema-type`: lists, maps and objects are where the CloudFormation schema has them, plain values where it has plain values.
   */
  public static readonly SCHEMA_TYPE = 'schema-type';

  /**
   * `schema-enum`: a value the CloudFormation schema restricts is one of its allowed values.
   */
  public static readonly SCHEMA_ENUM = 'schema-enum';

  /**
   * `suppression-invalid`: a suppression names an existing rule and gives a reason.
   */
  public static readonly SUPPRESSION_INVALID = 'suppression-invalid';

  /**
   * `template-duplicate-key`: a mapping of a template has each key once.
   */
  public static readonly TEMPLATE_DUPLICATE_KEY = 'template-duplicate-key';

  private constructor() {}
}
