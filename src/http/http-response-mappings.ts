import { IConstruct } from 'constructs';
import { HttpResponseValue } from './http-response-value';
import { httpIntegrationOf } from './integration-of';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { isUnknown } from '../grammar/unknown';
import { checkHttpResponseParameters } from '../rules/http-response-parameters';

/** One `{Destination, Source}` of CloudFormation's `ResponseParameters`. */
interface ResponseParameter {
  readonly Destination: string;
  readonly Source: string;
}

/**
 * What an HTTP API does to the backend's answer with one status code: headers appended,
 * overwritten or removed, and the status code overwritten. Each call returns a new mapping.
 *
 * ```ts
 * HttpResponseMapping.forStatus(404)
 *   .overwriteStatusCode(410)
 *   .overwriteHeader('Cache-Control', HttpResponseValue.text('no-store'));
 * ```
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html#http-api-mapping-response-parameters
 */
export class HttpResponseMapping {
  /**
   * The mapping of the answers with `statusCode` (200 to 599) from the integration.
   *
   * @param statusCode the status code the integration returns
   */
  public static forStatus(statusCode: number): HttpResponseMapping {
    return new HttpResponseMapping(statusCode, []).checked(`HttpResponseMapping.forStatus(${statusCode})`);
  }

  private constructor(
    /** The status code of the answers this mapping changes. */
    public readonly statusCode: number,
    private readonly parameters: readonly ResponseParameter[]) {}

  /**
   * Sends the client another status code.
   *
   * @param statusCode the status code the client gets (200 to 599)
   */
  public overwriteStatusCode(statusCode: number): HttpResponseMapping {
    if (!Number.isInteger(statusCode) || statusCode < 200 || statusCode > 599) {
      throw usageError('HttpResponseMapping.overwriteStatusCode',
        `${statusCode} is not a status code from 200 to 599; give the status code the client should get instead`);
    }
    return this.with('overwrite:statuscode', String(statusCode), 'overwriteStatusCode');
  }

  /**
   * Sets header `name`, replacing what the backend sent.
   *
   * @param name the header
   * @param value its value
   */
  public overwriteHeader(name: string, value: HttpResponseValue): HttpResponseMapping {
    return this.with(`overwrite:header.${name}`, value.value, 'overwriteHeader');
  }

  /**
   * Adds a value to header `name` (after the backend's, comma-separated).
   *
   * @param name the header
   * @param value the value to add
   */
  public appendHeader(name: string, value: HttpResponseValue): HttpResponseMapping {
    return this.with(`append:header.${name}`, value.value, 'appendHeader');
  }

  /**
   * Removes header `name` from the answer.
   *
   * @param name the header
   */
  public removeHeader(name: string): HttpResponseMapping {
    return this.with(`remove:header.${name}`, "''", 'removeHeader');
  }

  /** @internal CloudFormation's entry for this status code. */
  public _render(): { ResponseParameters: ResponseParameter[] } {
    return { ResponseParameters: [...this.parameters] };
  }

  private with(destination: string, source: string, method: string): HttpResponseMapping {
    const others = this.parameters.filter(p => p.Destination.toLowerCase() !== destination.toLowerCase());
    return new HttpResponseMapping(this.statusCode, [...others, { Destination: destination, Source: source }])
      .checked(`HttpResponseMapping.${method}`);
  }

  private checked(where: string): HttpResponseMapping {
    if (isUnknown(this.statusCode)) return this;
    const properties = { ResponseParameters: { [String(this.statusCode)]: this._render() } };
    throwOnErrors(checkHttpResponseParameters(properties, 'HTTP'), where);
    return this;
  }
}

/**
 * The response parameter mappings of an HTTP API integration, one per status code, rendered the way
 * CloudFormation takes them (`{"404": {"ResponseParameters": [{"Destination": ..., "Source": ...}]}}`),
 * never as the API's flat map.
 *
 * ```ts
 * declare const httpApi: apigwv2.HttpApi;
 *
 * const routes = httpApi.addRoutes({
 *   path: '/items',
 *   methods: [apigwv2.HttpMethod.GET],
 *   integration: new integrations.HttpUrlIntegration('Items', 'https://backend.example.com/items'),
 * });
 * HttpResponseMappings.of(
 *   HttpResponseMapping.forStatus(404).overwriteStatusCode(410),
 *   HttpResponseMapping.forStatus(200).appendHeader('X-Request-Id', HttpResponseValue.contextVariable('requestId')),
 * ).applyTo(routes[0]);
 * ```
 */
export class HttpResponseMappings {
  /**
   * The mappings, one per status code.
   *
   * @param mappings the mapping of each status code
   */
  public static of(...mappings: HttpResponseMapping[]): HttpResponseMappings {
    const seen = new Set<number>();
    for (const m of mappings) {
      if (seen.has(m.statusCode)) {
        throw usageError('HttpResponseMappings.of', `status code ${m.statusCode} has two mappings; merge them into one`);
      }
      seen.add(m.statusCode);
    }
    return new HttpResponseMappings(mappings);
  }

  private constructor(private readonly mappings: readonly HttpResponseMapping[]) {}

  /**
   * The value of `ResponseParameters` (CloudFormation) or `responseParameters` (`CfnIntegration`).
   */
  public toResponseParameters(): { [statusCode: string]: any } {
    const result: Record<string, unknown> = {};
    for (const m of this.mappings) result[String(m.statusCode)] = m._render();
    return result;
  }

  /**
   * Sets the mappings on an integration, replacing any it had: a `CfnIntegration`, an aws-cdk-lib
   * `HttpIntegration`, or a route (`HttpRoute`, as `addRoutes` returns them) whose integration it
   * created, which is the first route an `HttpUrlIntegration`, `HttpLambdaIntegration`, ... is
   * used in.
   *
   * @param scope the integration or the route
   */
  public applyTo(scope: IConstruct): void {
    const integration = httpIntegrationOf(scope);
    if (integration === undefined) {
      throw usageError(`HttpResponseMappings.applyTo(${scope.node.path})`,
        'no HTTP API integration found: give a CfnIntegration, an HttpIntegration, or the first route an integration was added ' +
        'to (an integration used by several routes belongs to the first one)');
    }
    const rendered = this.toResponseParameters();
    // A CfnIntegration takes the value through its typed property; another L1 of the type, as an override.
    if ('responseParameters' in integration) (integration as unknown as { responseParameters: unknown }).responseParameters = rendered;
    else integration.addPropertyOverride('ResponseParameters', rendered);
  }
}
