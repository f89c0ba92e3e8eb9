import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { GatewayResponseType } from './gateway-response-type';
import { GatewayResponseValue } from './gateway-response-value';
import { assertHeaderName } from './header-name-guard';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { GATEWAY_RESPONSE_HEADER_PREFIX } from '../grammar/gateway-response';
import { isUnknown } from '../grammar/unknown';
import { RULES } from '../rules/catalog';
import { checkGatewayResponseTemplate } from '../rules/gateway-responses';
import { isMediaType } from '../rules/response-templates';
import { checkStatusCode } from '../rules/status-code';

/**
 * The CORS headers a gateway response sends, so that a browser sees API Gateway's own 4XX and 5XX
 * answers (unauthorized, throttled, missing token, timeouts) instead of an opaque CORS error.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */
export interface GatewayResponseCorsOptions {
  /**
   * The one origin allowed (`Access-Control-Allow-Origin`), or `*`. A gateway response template
   * runs no VTL, so it cannot choose among several origins the way aws-cdk-lib's preflight does.
   */
  readonly allowOrigin: string;
  /**
   * `Access-Control-Allow-Headers`.
   *
   * @default - aws-cdk-lib's `Cors.DEFAULT_HEADERS`
   */
  readonly allowHeaders?: string[];
  /**
   * `Access-Control-Allow-Methods`.
   *
   * @default - aws-cdk-lib's `Cors.ALL_METHODS`
   */
  readonly allowMethods?: string[];
  /**
   * Whether to send `Access-Control-Allow-Credentials: true`.
   *
   * @default false
   */
  readonly allowCredentials?: boolean;
  /**
   * `Access-Control-Expose-Headers`.
   *
   * @default - the header is not sent
   */
  readonly exposeHeaders?: string[];
}

/**
 * One customized gateway response: its type, and the status code, headers and templates it
 * answers with. Every call checks what it is given and returns a new definition.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export class GatewayResponseDefinition {
  /**
   * A gateway response of `responseType`, answering with the type's own status code until one is set.
   *
   * @param responseType the response type
   */
  public static forType(responseType: GatewayResponseType): GatewayResponseDefinition {
    return new GatewayResponseDefinition(responseType, undefined, {}, {});
  }

  /** The response type. */
  public readonly responseType: GatewayResponseType;
  /**
   * The status code the response answers with.
   *
   * @default - the type's own (for DEFAULT_4XX and DEFAULT_5XX, each type they stand for keeps its own)
   */
  public readonly statusCode?: string;

  private readonly headers: Readonly<Record<string, string>>;
  private readonly templates: Readonly<Record<string, string>>;

  private constructor(responseType: GatewayResponseType, statusCode: string | undefined,
    headers: Record<string, string>, templates: Record<string, string>) {
    this.responseType = responseType;
    this.statusCode = statusCode;
    this.headers = headers;
    this.templates = templates;
  }

  /**
   * Answers with `statusCode` instead of the type's own.
   *
   * @param statusCode three digits, `[1-5]\d\d`
   */
  public withStatusCode(statusCode: string): GatewayResponseDefinition {
    throwOnErrors(checkStatusCode(statusCode), 'GatewayResponseDefinition.withStatusCode');
    return new GatewayResponseDefinition(this.responseType, statusCode, this.headers, this.templates);
  }

  /**
   * Sends the header `name` with `value` (`gatewayresponse.header.{name}`).
   *
   * @param name the header name
   * @param value static text, a request parameter, or a context or stage variable
   */
  public withHeader(name: string, value: GatewayResponseValue): GatewayResponseDefinition {
    const where = 'GatewayResponseDefinition.withHeader';
    assertHeaderName(name, where);
    const same = Object.keys(this.headers).find(existing => !isUnknown(name) && existing.toLowerCase() === name.toLowerCase());
    if (same !== undefined) throw usageError(where, `header '${name}' is already set on ${this.responseType.responseType} (as '${same}'); set each header once`);
    return new GatewayResponseDefinition(this.responseType, this.statusCode, { ...this.headers, [name]: value.expression }, this.templates);
  }

  /**
   * Answers requests that accept `contentType` with `template`. API Gateway runs no VTL here: it
   * substitutes `$context`, `$stageVariables` and `method.request` values, nothing else, so a
   * template with directives, `$input` or `$util` is refused.
   *
   * @param contentType a media type such as `application/json`
   * @param template the body, for example `{"message":$context.error.messageString}`
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.responseTemplates.html
   */
  public withTemplate(contentType: string, template: string): GatewayResponseDefinition {
    const where = 'GatewayResponseDefinition.withTemplate';
    if (!isUnknown(contentType) && !isMediaType(contentType)) {
      throw usageError(where, `'${contentType}' is not a media type; use a type/subtype such as 'application/json'`);
    }
    if (Object.prototype.hasOwnProperty.call(this.templates, contentType)) {
      throw usageError(where, `a template for '${contentType}' is already set on ${this.responseType.responseType}; set each content type once`);
    }
    throwOnErrors(checkGatewayResponseTemplate(contentType, template), where, [RULES.gatewayResponseTemplateVtl, RULES.gatewayResponseMessageQuoted]);
    return new GatewayResponseDefinition(this.responseType, this.statusCode, this.headers, { ...this.templates, [contentType]: template });
  }

  /**
   * Sends the CORS headers of `options` as well.
   *
   * @param options the CORS headers
   */
  public withCors(options: GatewayResponseCorsOptions): GatewayResponseDefinition {
    let result: GatewayResponseDefinition = this;
    for (const [name, value] of corsHeaders(options)) result = result.withHeader(name, GatewayResponseValue.literal(value));
    return result;
  }

  /** The definition as aws-cdk-lib's gateway response options (for `RestApi.addGatewayResponse`). */
  public toGatewayResponseOptions(): apigw.GatewayResponseOptions {
    return {
      type: this.responseType.toResponseType(),
      statusCode: this.statusCode,
      responseHeaders: Object.keys(this.headers).length > 0 ? { ...this.headers } : undefined,
      templates: Object.keys(this.templates).length > 0 ? { ...this.templates } : undefined,
    };
  }

  /**
   * Adds the response to `api`, as aws-cdk-lib's `GatewayResponse` (a child of the API, so the
   * API's deployment changes with it). An API answers with one response per type, so a type the API
   * already customizes is refused.
   *
   * @param api the REST API
   * @param id the construct ID
   * @default id `GatewayResponse` followed by the type (`GatewayResponseUNAUTHORIZED`)
   */
  public addTo(api: apigw.IRestApi, id?: string): apigw.GatewayResponse {
    const existing = existingResponse(api, this.responseType.responseType);
    if (existing !== undefined) {
      throw usageError('GatewayResponseDefinition.addTo', `${api.node.path} already has a ${this.responseType.responseType} gateway response ` +
        `(${existing}); API Gateway keeps one response per type, so add these headers and templates to that one`);
    }
    return new apigw.GatewayResponse(api, id ?? `GatewayResponse${this.responseType.responseType}`, { restApi: api, ...this.toGatewayResponseOptions() });
  }
}

/**
 * Several gateway responses of an API, one per type, and the one-call way to give API Gateway's own
 * 4XX and 5XX answers the CORS headers of the API's methods.
 */
export class GatewayResponses {
  /**
   * The gateway responses `definitions`, one per type.
   *
   * @param definitions the responses
   */
  public static of(...definitions: GatewayResponseDefinition[]): GatewayResponses {
    const seen = new Set<string>();
    for (const d of definitions) {
      if (seen.has(d.responseType.responseType)) {
        throw usageError('GatewayResponses.of', `${d.responseType.responseType} is given twice; API Gateway keeps one response per type`);
      }
      seen.add(d.responseType.responseType);
    }
    return new GatewayResponses(definitions);
  }

  /**
   * DEFAULT_4XX and DEFAULT_5XX with the CORS headers of `options`: every answer API Gateway gives
   * itself whose type is not customized otherwise.
   *
   * @param options the CORS headers
   */
  public static cors(options: GatewayResponseCorsOptions): GatewayResponses {
    return GatewayResponses.of(
      GatewayResponseDefinition.forType(GatewayResponseType.DEFAULT_4XX).withCors(options),
      GatewayResponseDefinition.forType(GatewayResponseType.DEFAULT_5XX).withCors(options));
  }

  /**
   * Gives DEFAULT_4XX and DEFAULT_5XX of `api` the CORS headers of its methods, those of the API's
   * `defaultCorsPreflightOptions`. For other headers, `GatewayResponses.cors(options).addTo(api)`.
   *
   * @param api the REST API
   */
  public static addCors(api: apigw.IRestApi): apigw.GatewayResponse[] {
    return GatewayResponses.cors(corsOfApi(api)).addTo(api);
  }

  /** The responses, in the order given. */
  public readonly definitions: GatewayResponseDefinition[];

  private constructor(definitions: GatewayResponseDefinition[]) {
    this.definitions = definitions;
  }

  /**
   * Adds every response to `api` (see `GatewayResponseDefinition.addTo`).
   *
   * @param api the REST API
   */
  public addTo(api: apigw.IRestApi): apigw.GatewayResponse[] {
    return this.definitions.map(d => d.addTo(api));
  }

  /**
   * The responses as an OpenAPI definition holds them: the `x-amazon-apigateway-gateway-responses`
   * object at the definition's root, keyed by response type, for a `SpecRestApi`
   * (`ApiDefinition.fromInline`) or a definition file.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
   */
  public openApiGatewayResponses(): { [responseType: string]: any } {
    return Object.fromEntries(this.definitions.map(d => {
      const options = d.toGatewayResponseOptions();
      const response: Record<string, unknown> = {};
      if (options.statusCode !== undefined) response.statusCode = options.statusCode;
      if (options.responseHeaders !== undefined) {
        response.responseParameters = Object.fromEntries(Object.entries(options.responseHeaders)
          .map(([name, value]) => [`${GATEWAY_RESPONSE_HEADER_PREFIX}${name}`, value]));
      }
      if (options.templates !== undefined) response.responseTemplates = options.templates;
      return [d.responseType.responseType, response];
    }));
  }
}

/** The CORS headers of `options`, in a stable order. */
function corsHeaders(options: GatewayResponseCorsOptions): Array<[string, string]> {
  const where = 'GatewayResponseCorsOptions';
  if (!isUnknown(options.allowOrigin) && (options.allowOrigin.trim() === '' || /[\s,]/.test(options.allowOrigin.trim()))) {
    throw usageError(where, `allowOrigin '${options.allowOrigin}' is not one origin; give one origin such as 'https://app.example.com', or '*'`);
  }
  const headers: Array<[string, string]> = [
    ['Access-Control-Allow-Origin', options.allowOrigin],
    ['Access-Control-Allow-Headers', (options.allowHeaders ?? apigw.Cors.DEFAULT_HEADERS).join(',')],
    ['Access-Control-Allow-Methods', (options.allowMethods ?? apigw.Cors.ALL_METHODS).join(',')],
  ];
  if (options.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (options.exposeHeaders && options.exposeHeaders.length > 0) headers.push(['Access-Control-Expose-Headers', options.exposeHeaders.join(',')]);
  // The answer depends on the origin asked about, so caches must keep one per origin.
  if (options.allowOrigin !== '*') headers.push(['Vary', 'Origin']);
  return headers;
}

/** The CORS options of an API's `defaultCorsPreflightOptions`, as gateway responses can send them. */
function corsOfApi(api: apigw.IRestApi): GatewayResponseCorsOptions {
  const where = 'GatewayResponses.addCors';
  const preflight = api.root.defaultCorsPreflightOptions;
  if (preflight === undefined) {
    throw usageError(where, `${api.node.path} has no defaultCorsPreflightOptions to take the CORS headers from; ` +
      'give them with GatewayResponses.cors({ allowOrigin: ... }).addTo(api)');
  }
  const origins = preflight.allowOrigins;
  if (origins.length !== 1 && !origins.includes('*')) {
    throw usageError(where, `${api.node.path} allows ${origins.length} origins (${origins.join(', ')}), but a gateway response runs no VTL and ` +
      'cannot choose among them the way the preflight does; send one with GatewayResponses.cors({ allowOrigin: ... }).addTo(api)');
  }
  return {
    allowOrigin: origins.includes('*') ? '*' : origins[0],
    allowHeaders: preflight.allowHeaders,
    // As the preflight sends it: aws-cdk-lib answers ANY with every method.
    allowMethods: preflight.allowMethods?.includes('ANY') ? apigw.Cors.ALL_METHODS : preflight.allowMethods,
    allowCredentials: preflight.allowCredentials,
    exposeHeaders: preflight.exposeHeaders,
  };
}

/**
 * The path of the gateway response of `type` that `api` already has in its stack, if any: an L1 or
 * an L2, under the API or anywhere else in the stack.
 */
function existingResponse(api: apigw.IRestApi, type: string): string | undefined {
  for (const construct of Stack.of(api).node.findAll()) {
    if (construct instanceof apigw.CfnGatewayResponse && construct.restApiId === api.restApiId && construct.responseType === type) {
      const owner = construct.node.scope;
      return owner !== undefined && owner.node.defaultChild === construct ? owner.node.path : construct.node.path;
    }
  }
  return undefined;
}
