/**
 * What a response's pattern is matched against: REST selection patterns and WebSocket response keys
 * alike.
 */
export enum ResponseMatch {
  /** No pattern: the response API Gateway uses when nothing else matches. */
  DEFAULT = 'default',
  /** The `errorMessage` of a Lambda custom integration error (a success is the empty string). */
  LAMBDA_ERROR = 'lambda-error',
  /** The backend's HTTP status code (HTTP, AWS service and MOCK integrations). */
  STATUS_CODE = 'status-code',
}
