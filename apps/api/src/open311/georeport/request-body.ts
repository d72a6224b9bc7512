import type { Request } from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Open311Exception } from './open311-errors';

/** A filed request's parameters, whatever the body's format: names as the spec has them. */
export interface FilingBody {
  /** Every parameter but the attributes: a string, or a list when a client repeated it. */
  params: Record<string, unknown>;
  /** `attribute[CODE]` answers: one value, or several (`attribute[CODE][]`) for multivaluelists. */
  attributes: Record<string, unknown>;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const XML_TYPES = ['application/xml', 'text/xml'];

// DTDs are where XML hides its entity tricks (XXE reading files, billion laughs expanding to
// gigabytes); a service request never needs one, so a document with any is refused unread.
const DTD = /<!\s*(DOCTYPE|ENTITY)/i;

const xml = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * The parameters of `POST requests.{format}` from the body Open311's parser left on the request
 * (open311-body.ts): form-urlencoded as the standard sends it, JSON with the same names, or an
 * XML `<service_request>` whose children are the parameters (`<attribute><CODE>v</CODE></attribute>`,
 * a repeated child for each value of a multivaluelist).
 */
export function readFilingBody(req: Request): FilingBody {
  if (!hasBody(req))
    throw Open311Exception.badRequest(
      'request body',
      'is required: send the parameters as application/x-www-form-urlencoded',
    );
  const type = req.is([FORM, JSON_TYPE, ...XML_TYPES]);
  if (!type)
    throw new Open311Exception(415, [
      `Content-Type: ${req.headers['content-type'] ?? 'none'} is not supported; use ${FORM}, ${JSON_TYPE} or ${XML_TYPES.join(' / ')}`,
    ]);
  const body: unknown = req.body;
  if (type === FORM || type === JSON_TYPE) {
    if (!isRecord(body))
      throw Open311Exception.badRequest('request body', 'must be one object of parameters');
    return split(body);
  }
  return split(fromXml(body));
}

function fromXml(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text.trim() === '')
    throw Open311Exception.badRequest('request body', 'is an empty XML document');
  if (DTD.test(text))
    throw Open311Exception.badRequest(
      'request body',
      'XML with a DOCTYPE or ENTITY declaration is not accepted',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw Open311Exception.badRequest(
      'request body',
      `malformed XML (line ${valid.err.line}): ${valid.err.msg}`,
    );
  const doc = xml.parse(text) as Record<string, unknown>;
  const root = doc['service_request'];
  if (!isRecord(root))
    throw Open311Exception.badRequest(
      'request body',
      'the XML document must be one <service_request> element with the parameters as children',
    );
  return root;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/;

/** Separates the attributes, whichever way the format wrote them, from the other parameters. */
function split(body: Record<string, unknown>): FilingBody {
  const params: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) {
      attributes[m[1]!] = m[2] && !Array.isArray(value) ? [value] : value;
    } else if (key === 'attribute') {
      if (value === '' || value === undefined) continue;
      if (!isRecord(value))
        throw Open311Exception.badRequest('attribute', 'send each as attribute[CODE]=value');
      for (const [code, v] of Object.entries(value))
        attributes[code.replace(/\[\]$/, '')] = code.endsWith('[]') && !Array.isArray(v) ? [v] : v;
    } else {
      params[key] = value;
    }
  }
  return { params, attributes };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
