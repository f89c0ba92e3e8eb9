/**
 * The part of the official CloudFormation resource schemas the schema rules read, as
 * `scripts/generate-schemas.ts` writes it from `@aws-cdk/aws-service-spec`.
 */

/** The type of a property value. */
export type SchemaType =
  /** A string, with the values it may take when the schema lists them. */
  | { readonly kind: 'string'; readonly allowed?: readonly string[] }
  /** A number, integer, boolean or timestamp: CloudFormation turns one scalar into another. */
  | { readonly kind: 'scalar'; readonly name: 'number' | 'integer' | 'boolean' | 'timestamp' }
  /** Any JSON value. */
  | { readonly kind: 'json' }
  | { readonly kind: 'array'; readonly element: SchemaType }
  | { readonly kind: 'map'; readonly element: SchemaType }
  /** An object described by a definition of the resource. */
  | { readonly kind: 'object'; readonly definition: string }
  /** Any of these (a property's current type and the types it had before count alike). */
  | { readonly kind: 'union'; readonly types: readonly SchemaType[] };

/** A property of an object. */
export interface SchemaProperty {
  readonly type: SchemaType;
  readonly required?: boolean;
}

/** An object: its properties by name. */
export interface SchemaObject {
  /** What the object is called in messages ("integration response"). */
  readonly name: string;
  readonly properties: Readonly<Record<string, SchemaProperty>>;
  /** The names of the required properties, listed apart so the walk need not look through them all. */
  readonly required: readonly string[];
}

/** A resource type: its properties and the object types they use. */
export interface ResourceSchema {
  readonly properties: SchemaObject;
  readonly definitions: Readonly<Record<string, SchemaObject>>;
}

/** Where the schemas come from, for messages and docs. */
export interface SchemaSource {
  readonly package: string;
  readonly version: string;
}
