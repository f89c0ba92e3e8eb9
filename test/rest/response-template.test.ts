import { ResponseTemplate } from '../../src';

test('ready templates', () => {
  expect(ResponseTemplate.passthroughJson().template).toBe("$input.json('$')");
  expect(ResponseTemplate.empty().template).toBe('');
  expect(ResponseTemplate.lambdaErrorMessageJson().template)
    .toBe('{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\')).replaceAll("\\\\\'", "\'")"}');
  expect(ResponseTemplate.fromString('#set($x = 1)$x').template).toBe('#set($x = 1)$x');
});

test('fails a template over the 300 KB quota', () => {
  expect(() => ResponseTemplate.fromString('x'.repeat(300 * 1024 + 1))).toThrow(/^\[rest-template-size\] response template is 307201 bytes, .* \(in ResponseTemplate.fromString\)$/);
});
