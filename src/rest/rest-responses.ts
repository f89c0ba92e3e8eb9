import { createHash } from 'crypto';
import { Lazy, Stack, Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ResponseValue } from './response-value';
import { ResponseMatch } from '../response-match';
import { RestResponse } from './rest-response';
import { toCfnIntegrationResponse } from './to-cfn';
import { validateAtSynth } from '../checks/synth-validation';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { matchTargetOf, MatchTarget } from '../grammar/match-target';
import { knownArray, knownObject, knownString } from '../grammar/unknown';
import { OpenApiVersion } from '../openapi/openapi-version';
import { integrationResponsesObject, operationResponsesObject } from '../openapi/operation-responses';
import { RULES } from '../rules/catalog';
import { FindingsMemo } from '../rules/findings-memo';
import { IntendedPattern, checkRestPatternKinds } from '../rules/pattern-kind';
import { checkIntegrationResponses } from '../rules/rest-integration-responses';
import { proxyIntegrationFindings } from '../rules/rest-method';

/**
 * The responses of one REST method. Renders both the integration responses and the matching
 * method responses (headers declared, models attached), so the two cannot drift apart.
 *
 * Mistakes that involve several responses (two responses for one status code, two defaults, Lambda
 * and status patterns mixed) throw here. Checks that need the method itself (proxy integrations,
 * method responses declared elsewhere, warnings) run when the set is attached with `addMethod` or
 * `applyTo`, or with the whole-app `IntegrationResponseChecks`.
 */
export class RestResponses {
  /**
   * A response set.
   *
   * @param responses one response per status code, at most one of them without a selection pattern
   */
  public static of(responses: RestResponse[]): RestResponses {
    return new RestResponses(responses);
  }

  /**
   * The responses of the set.
   */
  public readonly responses: RestResponse[];

  /** Whether attaching the set creates models for the templates whose schema is known (`withResponseModels`). */
  private readonly createsModels: boolean;

  /**
   * @param alreadyChecked the set-level checks passed for these responses (a header added to every
   *   response changes none of what they check)
   * @param createsModels whether attaching the set creates models (`withResponseModels`)
   */
  private constructor(responses: RestResponse[], alreadyChecked = false, createsModels = false) {
    this.responses = [...responses];
    this.createsModels = createsModels;
    if (alreadyChecked) return;
    throwOnErrors(checkRestPatternKinds(this.intendedPatterns()), 'RestResponses.of');
    const rendered = this.responses.map(r => toCfnIntegrationResponse(r.toIntegrationResponse()));
    const target = this.matchTarget;
    // Two responses for one status code, or two defaults, deploy but drop responses: a set refuses them.
    throwOnErrors(setFindings.get([target, rendered], () => checkIntegrationResponses(rendered, target, 'IntegrationResponses'),
      this.responses.map(r => `${r.statusCode}\u0000${r.selectionPattern ?? ''}`).join('\u0001')),
    'RestResponses.of', [RULES.restDuplicateStatusCode, RULES.restDuplicateDefault]);
  }

  /**
   * A copy of the set where every response also sends header `name` (for example the CORS
   * `Access-Control-Allow-Origin` header).
   *
   * @param name the header name sent to the client
   * @param value a static value or a mapping expression
   */
  public withHeaderOnAll(name: string, value: ResponseValue): RestResponses {
    return new RestResponses(this.responses.map(r => r.withHeader(name, value)), true, this.createsModels);
  }

  /**
   * A copy of the set that, attached to a method (`addMethod`, or `applyTo` on an aws-cdk-lib
   * `Method`), also declares a model for every response template whose JSON Schema is known
   * (`ResponseTemplate.fromJsonBody`, the service kits): an `AWS::ApiGateway::Model` in the
   * method's API, shared by every method whose template has the same schema, named in the method
   * response's `responseModels`. Models set with `RestResponse.withModel` are kept.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
   */
  public withResponseModels(): RestResponses {
    return new RestResponses(this.responses, true, true);
  }

  /**
   * The integration responses, for the `integrationResponses` option of aws-cdk-lib integrations
   * (`LambdaIntegration` with `proxy: false`, `AwsIntegration`, `HttpIntegration`, `MockIntegration`).
   */
  public integrationResponses(): apigw.IntegrationResponse[] {
    return this.responses.map(r => r.toIntegrationResponse());
  }

  /**
   * The method responses that declare what the integration responses send, for the
   * `methodResponses` option of `addMethod`.
   */
  public methodResponses(): apigw.MethodResponse[] {
    return this.responses.map(r => r.toMethodResponse());
  }

  /**
   * The integration responses as an OpenAPI definition holds them: the `responses` object of an
   * operation's `x-amazon-apigateway-integration`, keyed by selection pattern (`default` for the
   * default response), for a `SpecRestApi` (`ApiDefinition.fromInline`) or a definition file.
   * Give the operation the matching `openApiResponses()`. A response whose pattern is the word
   * `default`, or two responses with one pattern, cannot be keyed this way and throw.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
   */
  public openApiIntegrationResponses(): { [pattern: string]: any } {
    return integrationResponsesObject(this.responses, 'RestResponses.openApiIntegrationResponses');
  }

  /**
   * The operation responses that declare what the integration responses send, for the `responses`
   * of the OpenAPI operation that `openApiIntegrationResponses()` belongs to: one per status code,
   * declaring every header the response sends. Models are not rendered (a response with
   * `withModel` throws): declare body schemas in the definition itself.
   *
   * @param version the definition's OpenAPI version, which decides how a header is declared
   * @default OpenApiVersion.OPENAPI_3
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-response.html
   */
  public openApiResponses(version: OpenApiVersion = OpenApiVersion.OPENAPI_3): { [statusCode: string]: any } {
    return operationResponsesObject(this.responses, version, 'RestResponses.openApiResponses');
  }

  /**
   * Adds a method with these responses to `resource` and checks it when the app is synthesized:
   * `resource.addMethod(httpMethod, integration, options)` followed by `applyTo`. Give the
   * integration without `integrationResponses`; the set provides them, and the method responses
   * for every status code that `options.methodResponses` does not already declare.
   *
   * @param resource the API resource (for example `api.root.addResource('items')`)
   * @param httpMethod the HTTP method, such as `GET`
   * @param integration a non-proxy integration (`LambdaIntegration` with `proxy: false`,
   *   `AwsIntegration`, `HttpIntegration` with `proxy: false`, `MockIntegration`)
   * @param options the other options of the method
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
   */
  public addMethod(resource: apigw.IResource, httpMethod: string, integration: apigw.Integration, options?: apigw.MethodOptions): apigw.Method {
    const method = resource.addMethod(httpMethod, integration, options);
    this.applyTo(method);
    return method;
  }

  /**
   * Attaches the set to an existing method: sets its integration responses, declares a method
   * response for every status code the method does not declare itself (method responses declared
   * on the method, before or after this call, are kept and checked, never replaced), and checks the
   * whole method when the app is synthesized.
   *
   * @param method an aws-cdk-lib `Method`, or a `CfnMethod`
   */
  public applyTo(method: apigw.Method | apigw.CfnMethod): void {
    if (this.createsModels) {
      if (!(method instanceof apigw.Method)) {
        throw usageError(`RestResponses.applyTo on ${method.node.path}`, 'withResponseModels() creates the models in the method\'s API, and a CfnMethod ' +
          'names its API by ID only: attach the set to the aws-cdk-lib Method, or create the models from ResponseTemplate.schema and use RestResponse.withModel');
      }
      new RestResponses(this.responses.map(r => withSchemaModels(r, method.api)), true).applyTo(method);
      return;
    }
    const cfn = method instanceof apigw.Method ? method.node.defaultChild as apigw.CfnMethod : method;
    const where = `RestResponses.applyTo on ${cfn.node.path}`;
    const integration = cfn.integration;
    if (integration === undefined) {
      throw usageError(where, 'the method has no integration, so it cannot return integration responses; give it a non-proxy integration first');
    }
    if (Token.isUnresolved(integration)) {
      cfn.addPropertyOverride('Integration.IntegrationResponses', this.responses.map(r => toCfnIntegrationResponse(r.toIntegrationResponse())));
    } else {
      this.checkIntegration(cfn, integration as apigw.CfnMethod.IntegrationProperty, where);
      cfn.integration = { ...integration as apigw.CfnMethod.IntegrationProperty, integrationResponses: this.integrationResponses() };
    }
    this.addMissingMethodResponses(cfn, where);
    // aws-cdk-lib names the API's deployment after a hash of its methods as they were constructed;
    // without this, a change to these responses would leave the stage on the old deployment.
    if (method instanceof apigw.Method) {
      method.api.latestDeployment?.addToLogicalId({
        integrationResponses: this.responses.map(r => toCfnIntegrationResponse(r.toIntegrationResponse())),
        methodResponses: this.responses.map(r => toCfnMethodResponse(r.toMethodResponse())),
      });
    }
    validateAtSynth(cfn);
  }

  private get matchTarget(): MatchTarget {
    if (this.responses.some(r => r.matchesOn === ResponseMatch.LAMBDA_ERROR)) return 'lambda';
    if (this.responses.some(r => r.matchesOn === ResponseMatch.STATUS_CODE)) return 'status';
    return 'unknown';
  }

  private intendedPatterns(): IntendedPattern[] {
    return this.responses.map(r => ({ name: r.statusCode, matchesOn: r.matchesOn }));
  }

  private checkIntegration(cfn: apigw.CfnMethod, integration: apigw.CfnMethod.IntegrationProperty, where: string): void {
    const type = knownString(integration.type);
    // Responses on a proxy integration never apply: a set asked to go there refuses.
    throwOnErrors(proxyIntegrationFindings(type), where, [RULES.restProxyIntegrationResponses]);
    const existing = knownArray(integration.integrationResponses);
    if (existing === undefined ? integration.integrationResponses !== undefined : existing.length > 0) {
      throw usageError(where, 'the method\'s integration already has integration responses; ' +
        'pass them either in the integration options or through applyTo, not both');
    }
    throwOnErrors(checkRestPatternKinds(this.intendedPatterns(), matchTargetOf(type, Stack.of(cfn).resolve(integration.uri)), type), where);
  }

  /**
   * Declares a method response for each status code of the set that the method does not declare
   * when the template is written. The merge is deferred to synthesis, so method responses the user
   * adds after `applyTo` (`Method.addMethodResponse`) count as declared, and it reads the method's
   * responses only through their public, resolvable value, which every aws-cdk-lib release renders.
   */
  private addMissingMethodResponses(cfn: apigw.CfnMethod, where: string): void {
    const declared: unknown = cfn.methodResponses;
    if (declared !== undefined && !Array.isArray(declared) && !Token.isUnresolved(declared)) {
      throw usageError(where, "the method's methodResponses is not a list; give a list of method responses");
    }
    const own = this.responses.map(r => toCfnMethodResponse(r.toMethodResponse()));
    cfn.methodResponses = Lazy.uncachedAny({
      produce: context => {
        const resolved: unknown = declared === undefined ? [] : context.resolve(declared);
        const list = resolved === undefined ? [] : knownArray(resolved);
        if (list === undefined) {
          throw usageError(where, "the method's methodResponses is only known at deployment, so the set's method responses " +
            'cannot be added to it; pass methodResponses() to the method instead of using applyTo');
        }
        const codes = new Set(list.map(item => knownString(knownObject(item)?.statusCode)));
        const merged = [...list, ...own.filter(r => !codes.has(r.statusCode))];
        return merged.length === 0 ? undefined : merged;
      },
    });
  }
}

/** Apps build the same set for many methods: its findings depend on the rendered responses only. */
const setFindings = new FindingsMemo(1000);

/** `response`, with a model for each of its templates whose schema is known and that has no model yet. */
function withSchemaModels(response: RestResponse, api: apigw.IRestApi): RestResponse {
  const declared = response.toMethodResponse().responseModels ?? {};
  let result = response;
  for (const [contentType, template] of Object.entries(response.templates)) {
    if (template.schema === undefined || declared[contentType] !== undefined) continue;
    result = result.withModel(contentType, schemaModel(api, contentType, template.schema));
  }
  return result;
}

/** The API's model of `schema` for `contentType`: one per schema, found by an ID derived from it. */
function schemaModel(api: apigw.IRestApi, contentType: string, schema: apigw.JsonSchema): apigw.IModel {
  const id = `ResponseModel${createHash('sha256').update(JSON.stringify([contentType, schema])).digest('hex').slice(0, 16)}`;
  const existing = api.node.tryFindChild(id) as apigw.IModel | undefined;
  return existing ?? new apigw.Model(api, id, { restApi: api, contentType, schema, description: 'the bodies of a response template (cdk-integration-responses)' });
}

function toCfnMethodResponse(response: apigw.MethodResponse): apigw.CfnMethod.MethodResponseProperty {
  return {
    statusCode: response.statusCode,
    responseParameters: response.responseParameters,
    responseModels: response.responseModels === undefined ? undefined
      : Object.fromEntries(Object.entries(response.responseModels).map(([type, model]) => [type, model.modelId])),
  };
}
