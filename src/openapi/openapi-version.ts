/**
 * The OpenAPI version of a definition, which decides how an operation response declares its headers:
 * OpenAPI 3 gives each header a `schema`, OpenAPI 2.0 (Swagger) a `type`.
 *
 * @see https://swagger.io/specification/#header-object
 * @see https://swagger.io/specification/v2/#header-object
 */
export enum OpenApiVersion {
  /** OpenAPI 3.x (`openapi: 3.0.1`): a header is `{ schema: { type: string } }`. */
  OPENAPI_3 = 'OPENAPI_3',
  /** OpenAPI 2.0, also called Swagger (`swagger: '2.0'`): a header is `{ type: string }`. */
  SWAGGER_2 = 'SWAGGER_2',
}
