/**
 * jsdom has no TextDecoder / TextEncoder; the package layer (src/xlsx) that reads the fixture
 * batch needs them. Imported first by the jsdom suites that read workbooks: Node's own.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
