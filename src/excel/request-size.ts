/**
 * Request sizes. Excel on the web refuses a request (one context.sync()) whose body is over
 * 5 MB with RequestPayloadSizeLimitExceeded; the desktop hosts have no such limit. The body is
 * the JSON Office.js builds from the batch (object paths and actions, see test/fakes/
 * fake-request.ts), so its size grows with every proxy, load and write queued, and with the
 * text each write carries.
 *
 * Every batch the add-in queues is sized here before it is sent: each queued operation adds its
 * estimate, and a sync is made before the estimate would pass REQUEST_BUDGET_BYTES. The
 * estimates are upper bounds of what the real request builder produces (ids counted at seven
 * digits, every action given an "L" list); test/excel/request-bytes.test.ts measures the real
 * builder and holds them between 1× and 1.3× of it.
 */

/** Bytes Excel on the web accepts in one request (Office add-ins resource limits: 5 MB). */
export const WEB_REQUEST_LIMIT_BYTES = 5_000_000;
/** What a batch is allowed to reach by estimate: the limit less room for the fixed parts of a request. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** UTF-8 length of a string (what the request body weighs on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON in the request body. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value ?? null) ?? "null");
}

// Ids are counted at seven digits: a request context numbers its object paths and actions from 1,
// across its syncs, and no batch of the add-in comes near ten million of them.
const ID = "1234567";
const fixed = (s: string) => utf8Length(s);
/** An object path's entry in ObjectPaths, without its name and arguments. */
const PATH_ENTRY = fixed(`"${ID}":{"Id":${ID},"ObjectPathType":3,"Name":"","ParentObjectPathId":${ID}},`);
const ARGUMENTS = fixed(`,"ArgumentInfo":{"Arguments":}`);
const REFERENCED = fixed(`,"ReferencedObjectPathIds":[]`);
/** The Instantiate action every object path gets in the request that uses it. */
const INSTANTIATE = fixed(`{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`);
/** Its id in the "L" (last use) list of some action, and that list's own brackets. */
const LAST_USE = fixed(`${ID},`) + fixed(`,"L":[]`);
const ACTION = fixed(`{"Id":${ID},"ActionType":3,"Name":"","ObjectPathId":${ID}},`);
const QUERY = fixed(`,"QueryInfo":{"Select":}`);

/**
 * A proxy made by a property (`range.format`), an indexer (`worksheets.getItem(k)`) or a method
 * (`ws.getRange(a)`): its object path and Instantiate action. `refs`: how many of `args` are proxies
 * (sent as their path ids, each also listed in ReferencedObjectPathIds).
 */
export function pathBytes(name: string, args?: readonly unknown[], refs = 0): number {
  let n = PATH_ENTRY + utf8Length(name) + INSTANTIATE + LAST_USE;
  if (args) n += ARGUMENTS + jsonBytes(args) + refs * ID.length;
  if (refs) n += REFERENCED + jsonBytes(args!.map(() => 0)) + refs * ID.length;
  return n;
}

/** A property write (`range.values = v`): a SetProperty action carrying v. */
export function setPropertyBytes(name: string, value: unknown): number {
  return ACTION + utf8Length(name) + ARGUMENTS + jsonBytes([value]) + LAST_USE;
}

/** A method call with no result object (`fill.clear()`). */
export function methodBytes(name: string, args: readonly unknown[] = []): number {
  return ACTION + utf8Length(name) + ARGUMENTS + jsonBytes(args) + LAST_USE;
}

/** A load (`range.load(["values", …])`): a Query action. */
export function queryBytes(select: readonly string[]): number {
  return ACTION + QUERY + jsonBytes(select) + LAST_USE;
}

/**
 * Room for the objects every batch starts from (the workbook, its worksheets, the sheet, its
 * notes, the settings), which each request instantiates again.
 */
export const BATCH_BASE_BYTES = 16_000;
