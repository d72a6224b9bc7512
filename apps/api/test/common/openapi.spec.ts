import { ERROR_CODES, FIELD_ERROR_CODES } from '@baitong/contracts';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_KEY } from '../../src/auth/decorators';
import { type TestContext, createTestApp } from '../utils/app';
import { httpRoutes } from '../utils/routes';

interface Schema {
  $ref?: string;
  enum?: unknown[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  format?: string;
}
interface Operation {
  operationId: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];
/** Swagger UI and the document itself: served by the OpenAPI module, not part of the API. */
const DOCS_ROUTES = /^[A-Z]+ \/api\/docs/;
/** Open311 GeoReport v2 is documented by its own standard and docs/OPEN311.md, not here. */
const OPEN311_ROUTES = /^[A-Z]+ \/open311\//;

let t: TestContext;
let doc: OpenApi;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.http.get('/api/docs-json');
  expect(res.status).toBe(200);
  doc = res.body as OpenApi;
});
afterAll(() => t.close());

function operations(): { key: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        op,
      })),
  );
}

/** The controller method behind an operation (operation ids are `Controller_method`). */
function handler(op: Operation): { fn: object; controller: object } {
  const [controllerName, methodName] = op.operationId.split('_');
  for (const mod of t.app.get(ModulesContainer).values())
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as unknown as {
        name: string;
        prototype: Record<string, object | undefined>;
      } | null;
      const fn = cls && cls.name === controllerName ? cls.prototype[methodName!] : undefined;
      if (cls && fn) return { fn, controller: cls };
    }
  throw new Error(`no handler for operation ${op.operationId}`);
}

/** A schema that says something: a reference that resolves, or a typed shape. */
function describesABody(schema: Schema | undefined, where: string): void {
  expect(schema, `${where}: no schema`).toBeDefined();
  if (schema!.$ref) {
    const name = schema!.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    expect(target, `${where}: ${schema!.$ref} is not in the document`).toBeDefined();
    expect(
      Object.keys(target!.properties ?? {}).length,
      `${where}: ${name} is empty`,
    ).toBeGreaterThan(0);
  } else if (schema!.type === 'array') {
    describesABody(schema!.items, `${where}[]`);
  } else if (schema!.allOf || schema!.oneOf) {
    for (const s of schema!.allOf ?? schema!.oneOf!) describesABody(s, where);
  } else if (schema!.type === 'object') {
    expect(
      Object.keys(schema!.properties ?? {}).length,
      `${where}: object without properties`,
    ).toBeGreaterThan(0);
  } else {
    // A file (a photo's bytes) or a scalar.
    expect(schema!.type, `${where}: untyped schema`).toBeDefined();
  }
}

describe('OpenAPI document', () => {
  it('documents exactly the routes the app answers, no more and no fewer', () => {
    const documented = operations()
      .map((o) => o.key)
      .sort();
    const real = httpRoutes(t.app)
      .filter((r) => !DOCS_ROUTES.test(r) && !OPEN311_ROUTES.test(r))
      .sort();
    expect(documented).toEqual(real);
  });

  it('gives every operation a summary', () => {
    const missing = operations()
      .filter(({ op }) => !op.summary?.trim())
      .map((o) => o.key);
    expect(missing).toEqual([]);
  });

  it('documents the status each operation really answers with, and its body schema', () => {
    const problems: string[] = [];
    for (const { key, op } of operations()) {
      const { fn } = handler(op);
      const method = key.split(' ')[0];
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ??
        (method === 'POST' ? 201 : 200);
      const ok = Object.entries(op.responses).filter(([code]) => /^2\d\d$/.test(code));
      if (!op.responses[String(status)])
        problems.push(
          `${key}: answers ${status}, documents ${ok.map(([c]) => c).join(', ') || 'none'}`,
        );
      for (const [code, response] of ok) {
        if (code === '204') {
          if (response.content) problems.push(`${key} 204: documents a body`);
          continue;
        }
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) {
          problems.push(`${key} ${code}: no response schema`);
          continue;
        }
        try {
          for (const [type, { schema }] of media) describesABody(schema, `${key} ${code} ${type}`);
        } catch (err) {
          problems.push((err as Error).message.split('\n')[0]!);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks for a bearer token exactly on the routes that need one', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations()) {
      const { fn, controller } = handler(op);
      const isPublic =
        Reflect.getMetadata(PUBLIC_KEY, fn) === true ||
        Reflect.getMetadata(PUBLIC_KEY, controller) === true;
      const bearer = (op.security ?? []).some((s) => 'bearer' in s);
      if (bearer === isPublic) wrong.push(`${key}: ${isPublic ? 'public' : 'signed-in'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents the one error shape with every error code, as the error answer of every operation', () => {
    const error = doc.components.schemas.ApiError!;
    expect(error.properties!.code!.enum).toEqual([...ERROR_CODES]);
    const field = doc.components.schemas.FieldError!;
    expect(field.properties!.code!.enum).toEqual([...FIELD_ERROR_CODES]);
    const without = operations()
      .filter(
        ({ op }) =>
          op.responses.default?.content?.['application/json']?.schema?.$ref !==
          '#/components/schemas/ApiError',
      )
      .map((o) => o.key);
    expect(without).toEqual([]);
  });
});
