import { TemplateChecker } from '../../../src';
import { checkSchema, SCHEMA_MISTAKE_KEY } from '../../../src/rules/schema/schema-check';

const method = (integration: object, extra: object = {}) => ({
  Resources: {
    M: {
      Type: 'AWS::ApiGateway::Method',
      Properties: { HttpMethod: 'GET', ResourceId: 'r', RestApiId: { Ref: 'Api' }, AuthorizationType: 'NONE', Integration: integration, ...extra },
    },
  },
});
const webSocketResponse = (properties: object) => ({
  Resources: {
    I: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: 'a', IntegrationType: 'MOCK' } },
    R: { Type: 'AWS::ApiGatewayV2::IntegrationResponse', Properties: { ApiId: 'a', IntegrationId: { Ref: 'I' }, ...properties } },
  },
});
const findings = (template: object) => TemplateChecker.check(template).map(f => `${f.ruleId} ${f.resource} ${f.path}`);

// The schema mistakes aws-cdk-lib's default engine and cfn-lint report on the resources the checks
// read: each is found once, names the property, and has no consequence reported as another finding.
describe('schema mistakes, each reported once and by name', () => {
  test('an integration response without StatusCode', () => {
    expect(findings(method({ Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }, { SelectionPattern: '4\\d\\d' }] },
      { MethodResponses: [{ StatusCode: '200' }] })))
      .toEqual(['schema-required M Integration.IntegrationResponses[1].StatusCode']);
  });

  test('a misspelt SelectionPatern is not a second default response', () => {
    const template = method({ Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '400', SelectionPatern: '4\\d\\d' }] },
      { MethodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }] });
    const [only, ...rest] = TemplateChecker.check(template);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ ruleId: 'schema-unknown-property', path: 'Integration.IntegrationResponses[1].SelectionPatern' });
    expect(only.message).toMatch(/did you mean SelectionPattern\?$/);
  });

  test('a WebSocket ResponseTemplate for ResponseTemplates', () => {
    const [only, ...rest] = TemplateChecker.check(webSocketResponse({ IntegrationResponseKey: '$default', ResponseTemplate: { $default: '{}' } }));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ ruleId: 'schema-unknown-property', resource: 'R', path: 'ResponseTemplate' });
    expect(only.message).toMatch(/did you mean ResponseTemplates\?$/);
  });

  test('Integration.Type MOCKK is not an integration of another kind', () => {
    const [only, ...rest] = TemplateChecker.check(method({
      Type: 'MOCKK',
      IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: '.*Error.*' }],
    },
    { MethodResponses: [{ StatusCode: '200' }, { StatusCode: '500' }] }));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ ruleId: 'schema-enum', path: 'Integration.Type' });
    expect(only.message).toMatch(/^the value 'MOCKK' of Integration.Type is not one of those its CloudFormation schema allows \(AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK\).*use 'MOCK'$/);
  });

  test('PassthroughBehavior WHEN_NO_MATCHES', () => {
    expect(findings(method({ Type: 'MOCK', PassthroughBehavior: 'WHEN_NO_MATCHES' }))).toEqual(['schema-enum M Integration.PassthroughBehavior']);
  });

  test('a WebSocket integration response without IntegrationResponseKey', () => {
    expect(findings(webSocketResponse({ ResponseTemplates: { $default: '{}' } }))).toEqual(['schema-required R IntegrationResponseKey']);
  });

  test('a method response parameter written {"Required": true}', () => {
    const [only, ...rest] = TemplateChecker.check(method({ Type: 'MOCK' },
      { MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X-Id': { Required: true } } }] }));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ ruleId: 'schema-type', path: 'MethodResponses[0].ResponseParameters.method.response.header.X-Id' });
    expect(only.message).toMatch(/is an object where its CloudFormation schema has a boolean/);
  });
});

describe('what is not a schema mistake', () => {
  test('intrinsics and tokens anywhere, plain values for one another, properties given by an intrinsic', () => {
    expect(findings(method({
      Type: { 'Fn::If': ['C', 'MOCK', 'HTTP'] },
      PassthroughBehavior: { Ref: 'Passthrough' },
      TimeoutInMillis: '29000',
      IntegrationResponses: [{ 'Fn::If': ['C', { StatusCode: '200' }, { Ref: 'AWS::NoValue' }] }, { StatusCode: 404, SelectionPattern: '404' }],
    }, { ApiKeyRequired: 'true', MethodResponses: { 'Fn::If': ['C', [], []] } }))).toEqual([]);
    expect(findings({ Resources: { M: { Type: 'AWS::ApiGateway::Method', Properties: { 'Fn::If': ['C', {}, {}] } } } })).toEqual([]);
  });

  test('a property that had another type before is fine with either (RequestParameters of a method)', () => {
    expect(findings(method({ Type: 'MOCK' }, { RequestParameters: { 'method.request.querystring.a': true, 'method.request.path.b': 'true' } }))).toEqual([]);
  });

  test('resources of other types are not checked', () => {
    expect(checkSchema('AWS::ApiGateway::RestApi', { Nme: 'x' })).toEqual({ findings: [], properties: { Nme: 'x' } });
  });
});

describe('masking', () => {
  test('the same object comes back when nothing is wrong; a copy with stand-ins otherwise', () => {
    const clean = { HttpMethod: 'GET', ResourceId: 'r', RestApiId: 'a', Integration: { Type: 'MOCK' } };
    expect(checkSchema('AWS::ApiGateway::Method', clean).properties).toBe(clean);
    const wrong = { ...clean, Integration: { Type: 'MOCK', IntegrationResponses: [{ SelectionPatern: 'x', StatusCode: '200' }] } };
    const { properties } = checkSchema('AWS::ApiGateway::Method', wrong);
    expect((properties.Integration as any).IntegrationResponses[0].SelectionPattern)
      .toEqual({ [SCHEMA_MISTAKE_KEY]: 'Integration.IntegrationResponses[0].SelectionPattern' });
    expect(wrong.Integration.IntegrationResponses[0]).toEqual({ SelectionPatern: 'x', StatusCode: '200' });
  });

  test('leaving out what AWS\'s engine reports keeps the masking and what only a union type shows', () => {
    const properties = {
      HttpMethod: 'GET',
      ResourceId: 'r',
      RestApiId: 'a',
      Integration: { Type: 'MOCKK' },
      MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X': { Required: true } } }],
    };
    const all = checkSchema('AWS::ApiGateway::Method', properties);
    const left = checkSchema('AWS::ApiGateway::Method', properties, { leaveOutEngineFindings: true });
    expect(all.findings.map(f => f.ruleId)).toEqual(['schema-enum', 'schema-type']);
    expect(left.findings.map(f => f.ruleId)).toEqual(['schema-type']);
    expect(left.properties).toEqual(all.properties);
  });

  test('an unknown property with no likely meaning masks every absent property of its object', () => {
    const { findings: found, properties } = checkSchema('AWS::ApiGatewayV2::IntegrationResponse',
      { ApiId: 'a', IntegrationId: 'i', IntegrationResponseKey: '$default', Zzzzzzzzzz: 1 });
    expect(found[0].message).toMatch(/its properties are ApiId, ContentHandlingStrategy, IntegrationId, IntegrationResponseKey, ResponseParameters, ResponseTemplates, TemplateSelectionExpression$/);
    expect(Object.keys(properties).filter(k => typeof properties[k] === 'object')).toEqual(['ContentHandlingStrategy', 'ResponseParameters', 'ResponseTemplates', 'TemplateSelectionExpression']);
  });
});
