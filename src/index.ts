export * from './rules/finding';
export * from './rest/response-value';
export * from './rest/response-template';
export * from './rest/rest-response';
export * from './rest/rest-responses';
