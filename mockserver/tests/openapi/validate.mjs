// Validates an OpenAPI document (a file, or standard input) against the OpenAPI 3.0 schema and
// checks that every $ref resolves. Exit 0 valid, 1 invalid, 2 usage.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";

const path = process.argv[2];
if (process.argv.length > 3) {
  console.error("usage: node validate.mjs [openapi.json]");
  process.exit(2);
}
const text = readFileSync(path ?? 0, "utf8");
const document = JSON.parse(text);
const validator = new Validator();
const result = await validator.validate(document);
if (!result.valid) {
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
if (!String(document.openapi).startsWith("3.0")) {
  console.error(`expected an OpenAPI 3.0 document, got ${document.openapi}`);
  process.exit(1);
}
console.log(`valid OpenAPI ${document.openapi}: ${Object.keys(document.paths).length} paths, ` +
            `${Object.keys(document.components?.schemas ?? {}).length} schemas`);
