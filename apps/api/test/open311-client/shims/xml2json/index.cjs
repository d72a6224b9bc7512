// Test-only stand-in for xml2json.toJson(xml, { object: true }): repeated elements become
// arrays, single ones objects, text stays text, over fast-xml-parser.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module, as open311 require()s it
const { XMLParser } = require('fast-xml-parser');

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  htmlEntities: false,
});

exports.toJson = function toJson(xml, options) {
  const object = parser.parse(String(xml));
  return options && options.object ? object : JSON.stringify(object);
};
