import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';

// GeoReport v2 answers every method in `.json` and `.xml`, with the same fields. The JSON is the
// data as it is; the XML wraps it in the element names the specification's examples use.

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The format a path asks for (`requests.xml` → xml); anything else answers in JSON. */
export function formatOf(pathOrParam: string | undefined): Open311Format {
  return pathOrParam && /(^|\.)xml$/i.test(pathOrParam) ? 'xml' : 'json';
}

/**
 * The element a list's items are called in XML, by the list's own name: `formats` holds
 * `format`s, `attributes` `attribute`s and so on, as in the specification's examples.
 */
const ITEM_ELEMENT: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  profiles: 'profile',
};

type Xmlable = string | number | boolean | null | undefined | Xmlable[] | { [k: string]: Xmlable };

function toXmlTree(value: Xmlable, name: string): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name] ?? 'item';
    return { [item]: value.map((v) => toXmlTree(v, item)) };
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(v, k)]));
  }
  return String(value);
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/** The XML document for `body` under the root element `root` (`services`, `service_requests` …). */
export function toXml(root: string, body: Xmlable): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' + builder.build({ [root]: toXmlTree(body, root) })
  );
}

/**
 * Sends one answer in the asked format. `root` is the XML root element; a list body becomes
 * its items (`<service_requests><request>…`), an object its children.
 */
export function sendOpen311(
  res: Response,
  format: Open311Format,
  root: string,
  body: Xmlable,
  status = 200,
): void {
  res.status(status);
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8').send(toXml(root, body));
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(body));
  }
}
