import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ResponseMatch } from '../response-match';
import { ResponseTemplate } from './response-template';
import { ResponseValue } from './response-value';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { headerNameProblem } from '../grammar/header-name';
import { isUnknown } from '../grammar/unknown';
import { RULES } from '../rules/catalog';
import { checkContentHandling } from '../rules/content-handling';
import { REST_PATTERN_RULES } from '../rules/pattern-rules';
import { checkResponseTemplate, isMediaType } from '../rules/response-templates';
import { compilePattern } from '../rules/selection-pattern';
import { checkStatusCode } from '../rules/status-code';

interface State {
  readonly statusCode: string;
  readonly match: ResponseMatch;
  readonly selectionPattern?: string;
  readonly headers: Readonly<Record<string, ResponseValue>>;
  readonly templates: Readonly<Record<string, ResponseTemplate>>;
  readonly models: Readonly<Record<string, apigw.IModel>>;
  readonly contentHandling?: apigw.ContentHandling;
}

/**
 * One response of a REST method, for one status code: when it is selected, which headers and body
 * it returns. Immutable: every `with...`/`when...` call returns a new response, so a base response
 * can be shared.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export class RestResponse {
  /**
   * A response with the given status code. Without `when...` it is the default response: the
   * one API Gateway uses when no selection pattern matches.
   *
   * @param statusCode the HTTP status code sent to the client (`[1-5]\d\d`)
   */
  public static forStatus(statusCode: string): RestResponse {
    throwOnErrors(checkStatusCode(statusCode), 'RestResponse.forStatus');
    return new RestResponse({ statusCode, match: ResponseMatch.DEFAULT, headers: {}, templates: {}, models: {} });
  }

  /**
   * The status code sent to the client.
   */
  public readonly statusCode: string;

  /**
   * What the selection pattern is matched against.
   */
  public readonly matchesOn: ResponseMatch;

  /**
   * The selection pattern (a Java regular expression matched against the whole string).
   *
   * @default - none: this is the default response
   */
  public readonly selectionPattern?: string;

  /**
   * How the body is converted.
   *
   * @default - the body passes through unchanged
   */
  public readonly contentHandling?: apigw.ContentHandling;

  private readonly state: State;

  private constructor(state: State) {
    this.state = state;
    this.statusCode = state.statusCode;
    this.matchesOn = state.match;
    this.selectionPattern = state.selectionPattern;
    this.contentHandling = state.contentHandling;
  }

  /**
   * Select this response when a Lambda custom integration fails with an `errorMessage` that
   * matches `pattern` (whole string, Java syntax; `.` does not match a newline). Successes have an
   * empty error message, so use `.+` rather than `.*` to catch every error.
   *
   * @param pattern Java regular expression matched against the whole error message
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
   */
  public whenLambdaErrorMatches(pattern: string): RestResponse {
    return this.withPattern(pattern, ResponseMatch.LAMBDA_ERROR, 'whenLambdaErrorMatches');
  }

  /**
   * Select this response when the backend's status code matches `pattern` (HTTP, AWS service and
   * MOCK integrations), e.g. `404` or `5\d{2}`.
   *
   * @param pattern Java regular expression matched against the status code
   */
  public whenStatusMatches(pattern: string): RestResponse {
    return this.withPattern(pattern, ResponseMatch.STATUS_CODE, 'whenStatusMatches');
  }

  /**
   * Send header `name` with the given value. The method response is declared for you.
   *
   * @param name the header name sent to the client
   * @param value a static value or a mapping expression
   */
  public withHeader(name: string, value: ResponseValue): RestResponse {
    if (!isUnknown(name)) {
      const problem = headerNameProblem(name);
      if (problem) throw usageError('RestResponse.withHeader', `'${name}' is not a valid header name: ${problem}`);
    }
    if (Object.prototype.hasOwnProperty.call(this.state.headers, name)) {
      throw usageError('RestResponse.withHeader', `header '${name}' is already set on the '${this.statusCode}' response; set each header once`);
    }
    return new RestResponse({ ...this.state, headers: { ...this.state.headers, [name]: value } });
  }

  /**
   * Map the body with a template for the given media type (chosen by the request's `Accept`).
   *
   * @param contentType a media type such as `application/json`
   * @param template the mapping template
   */
  public withTemplate(contentType: string, template: ResponseTemplate): RestResponse {
    throwOnErrors(checkResponseTemplate(contentType, template.template), 'RestResponse.withTemplate');
    if (Object.prototype.hasOwnProperty.call(this.state.templates, contentType)) {
      throw usageError('RestResponse.withTemplate', `a template for '${contentType}' is already set on the '${this.statusCode}' response`);
    }
    return new RestResponse({ ...this.state, templates: { ...this.state.templates, [contentType]: template } });
  }

  /**
   * Convert the body between text and binary.
   *
   * @param contentHandling the conversion
   */
  public withContentHandling(contentHandling: apigw.ContentHandling): RestResponse {
    throwOnErrors(checkContentHandling(RULES.restContentHandling, contentHandling), 'RestResponse.withContentHandling');
    return new RestResponse({ ...this.state, contentHandling });
  }

  /**
   * Declare a model for the body of the method response (documentation and SDK generation).
   *
   * @param contentType a media type such as `application/json`
   * @param model the model
   */
  public withModel(contentType: string, model: apigw.IModel): RestResponse {
    if (!isUnknown(contentType) && !isMediaType(contentType)) {
      throw usageError('RestResponse.withModel', `'${contentType}' is not a media type: a method response declares a model per ` +
        "content type, and API Gateway rejects other keys ('Invalid content type specified'); use a type/subtype such as 'application/json'");
    }
    if (Object.prototype.hasOwnProperty.call(this.state.models, contentType)) {
      throw usageError('RestResponse.withModel', `a model for '${contentType}' is already set on the '${this.statusCode}' response`);
    }
    return new RestResponse({ ...this.state, models: { ...this.state.models, [contentType]: model } });
  }

  /**
   * The headers this response sends, by name.
   */
  public get headers(): Record<string, ResponseValue> {
    return { ...this.state.headers };
  }

  /**
   * The mapping templates of this response, by media type.
   */
  public get templates(): Record<string, ResponseTemplate> {
    return { ...this.state.templates };
  }

  /**
   * This response as an aws-cdk-lib integration response.
   */
  public toIntegrationResponse(): apigw.IntegrationResponse {
    const headers = Object.entries(this.state.headers);
    const templates = Object.entries(this.state.templates);
    return {
      statusCode: this.statusCode,
      selectionPattern: this.selectionPattern,
      contentHandling: this.contentHandling,
      responseParameters: headers.length === 0 ? undefined
        : Object.fromEntries(headers.map(([name, value]) => [`method.response.header.${name}`, value.expression])),
      responseTemplates: templates.length === 0 ? undefined
        : Object.fromEntries(templates.map(([type, template]) => [type, template.template])),
    };
  }

  /**
   * The method response that declares what this response sends.
   */
  public toMethodResponse(): apigw.MethodResponse {
    const headers = Object.keys(this.state.headers);
    const models = Object.entries(this.state.models);
    return {
      statusCode: this.statusCode,
      responseParameters: headers.length === 0 ? undefined
        : Object.fromEntries(headers.map(name => [`method.response.header.${name}`, true])),
      responseModels: models.length === 0 ? undefined : Object.fromEntries(models),
    };
  }

  private withPattern(pattern: string, match: ResponseMatch, method: string): RestResponse {
    if (this.selectionPattern !== undefined) {
      throw usageError(`RestResponse.${method}`, `the '${this.statusCode}' response already selects on '${this.selectionPattern}'; ` +
        "a response has one selection pattern (combine alternatives with '|')");
    }
    if (!isUnknown(pattern) && pattern === '') {
      throw usageError(`RestResponse.${method}`, `the pattern is empty, which makes the '${this.statusCode}' response the default; ` +
        'leave out the when... call for a default response');
    }
    if (!isUnknown(pattern)) throwOnErrors(compilePattern(pattern, REST_PATTERN_RULES).findings, `RestResponse.${method}`);
    return new RestResponse({ ...this.state, selectionPattern: pattern, match });
  }
}
