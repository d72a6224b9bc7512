// Test-only stand-in for sparkxml's parseXml: the Open311 "Spark" convention
// (http://wiki.open311.org/JSON_and_XML_Conversion#The_Spark_Convention) over fast-xml-parser.
// An element with one child, or with repeated child names, is an array; other elements with
// children are objects; a leaf is its text, numbers and booleans parsed, null when empty.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module, as open311 require()s it
const { XMLParser } = require('fast-xml-parser');

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

function leaf(text) {
  if (text === null || text === '') return text;
  const n = Number(text);
  if (!Number.isNaN(n)) return n;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return text;
}

const nameOf = (node) => Object.keys(node).find((k) => k !== ':@');

function convert(children) {
  const elements = children.filter((c) => nameOf(c) !== '#text' && nameOf(c) !== undefined);
  if (elements.length === 0) {
    const text = children.find((c) => nameOf(c) === '#text');
    return children.length === 0 ? null : leaf(text ? String(text['#text']) : '');
  }
  const names = elements.map(nameOf);
  const isList = elements.length === 1 || new Set(names).size < names.length;
  if (isList) return elements.map((e) => convert(e[nameOf(e)]));
  const out = {};
  for (const e of elements) out[nameOf(e)] = convert(e[nameOf(e)]);
  return out;
}

exports.parse = function parse(xml) {
  const doc = parser.parse(String(xml));
  const root = doc.find((n) => {
    const name = nameOf(n);
    return name !== undefined && !name.startsWith('?') && name !== '#text';
  });
  if (!root) throw new Error('sparkxml shim: no root element');
  return convert(root[nameOf(root)]);
};
exports.parseXml = exports.parse;
