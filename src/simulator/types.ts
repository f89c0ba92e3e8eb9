/**
 * What the backend (integration) returned.
 */
export interface BackendResult {
  /**
   * The backend's HTTP status code (HTTP, AWS service and MOCK integrations).
   *
   * @default 200
   */
  readonly statusCode?: number;

  /**
   * Response headers of the backend, one value each.
   *
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * Response headers the backend sent several times, all their values in order.
   *
   * @default - none
   */
  readonly multiValueHeaders?: { [name: string]: string[] };

  /**
   * The response body, as text (or base64 when `isBase64Encoded`).
   *
   * @default - an empty body; for a Lambda error, `{"errorMessage": ..., "errorType": ...}`
   */
  readonly body?: string;

  /**
   * Whether `body` is binary content given as base64.
   *
   * @default false
   */
  readonly isBase64Encoded?: boolean;

  /**
   * The `errorMessage` of a failed invocation of a Lambda custom integration. Leave it out for a
   * successful invocation.
   *
   * @default - the invocation succeeded
   */
  readonly errorMessage?: string;

  /**
   * The `errorType` of a failed Lambda invocation (used to build the default error body).
   *
   * @default "Error"
   */
  readonly errorType?: string;
}

/**
 * The client request, as far as the response depends on it.
 */
export interface SimulatedRequest {
  /**
   * The `Accept` header: picks the REST response template (only its first media type counts).
   *
   * @default - none, which selects the application/json template
   */
  readonly accept?: string;

  /**
   * Method request parameters by location (`path`, `querystring`, `header`), for `$input.params()`.
   *
   * @default - none
   */
  readonly parameters?: { [location: string]: { [name: string]: string } };

  /**
   * The client's message body (WebSocket `${request.body.path}` template selection).
   *
   * @default - empty
   */
  readonly body?: string;
}

/**
 * One call to simulate.
 */
export interface SimulationInput {
  /**
   * What the backend returned.
   */
  readonly backend: BackendResult;

  /**
   * The client request.
   *
   * @default - no Accept header, no parameters
   */
  readonly request?: SimulatedRequest;

  /**
   * Stage variables (`stageVariables.x`, `$stageVariables.x`).
   *
   * @default - none
   */
  readonly stageVariables?: { [name: string]: string };

  /**
   * `$context` variables, dotted names for nested ones (`authorizer.claims.sub`). They replace the
   * simulator's defaults (`requestId`, `stage`, ...; see docs/simulator.md).
   *
   * @default - the defaults
   */
  readonly context?: { [name: string]: string };
}

/**
 * What the client receives.
 */
export interface SimulatedResponse {
  /**
   * The status code.
   */
  readonly statusCode: number;

  /**
   * The mapped headers (only those the response maps, plus `responseOverride` headers).
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

  /**
   * Which integration response was used: its status code (REST) or key (WebSocket).
   *
   * @default - none matched
   */
  readonly selected?: string;
}
