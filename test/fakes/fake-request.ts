/**
 * The request body Office.js sends for one batch, built the way its request builder builds it
 * (@microsoft/office-js, OfficeExtension.ClientRequestBase / ObjectPathFactory / ActionFactory),
 * so that the fake Excel can count request bytes exactly as Excel on the web receives them and
 * refuse a request over its limit:
 *
 * - every proxy gets an object path when it is created (a property, an indexer, a method) and an
 *   "Instantiate" action in the request then pending (its parents first);
 * - a proxy created in an earlier request is instantiated again, parents first, when a later
 *   request uses it;
 * - load() is a "Query" action, a property write a "SetProperty", a method call a "Method";
 * - a proxy passed as an argument is sent as its object path id (ReferencedObjectPathIds);
 * - each action lists the object paths it uses last ("L", early dispose);
 * - ids come from one counter per request context, across its syncs;
 * - the body is JSON.stringify({ Actions, ObjectPaths }); its size is its UTF-8 byte count.
 *
 * test/excel/request-bytes.test.ts runs the same batches through the real builder in jsdom and
 * asserts the byte counts are equal, so this model cannot drift from Office.js.
 * No node-only imports (bundled into the browser harness with the fake).
 */
import { utf8Length } from "../../src/excel/request-size";

/** ObjectPathType values of the builder. */
export const PATH_TYPE = { global: 1, method: 3, property: 4, indexer: 5 } as const;
/** ActionType values of the builder. */
const ACTION_TYPE = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

interface ArgumentInfo {
  Arguments: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo | Record<string, never>;
}

export interface ObjectPath {
  info: PathInfo;
  parent: ObjectPath | null;
  /** Object paths passed as arguments (method paths only). */
  args: ObjectPath[];
}

/** A proxy passed as an argument (e.g. the range of notes.add(range, text)). */
export class PathRef {
  constructor(readonly path: ObjectPath) {}
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select: string[] };
  L?: number[];
}

interface Action {
  info: ActionInfo;
  ref: ObjectPath;
  argRefs: ObjectPath[];
}

/** CommonUtility.setMethodArguments: proxies become their path ids. */
function argumentInfo(args: unknown[], refs: ObjectPath[]): ArgumentInfo {
  const ids: unknown[] = [];
  const collect = (list: unknown[], out: unknown[]): boolean => {
    let hasOne = false;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (a instanceof PathRef) {
        list[i] = a.path.info.Id;
        out.push(a.path.info.Id);
        refs.push(a.path);
        hasOne = true;
      } else if (Array.isArray(a)) {
        const child: unknown[] = [];
        if (collect(a, child)) {
          out.push(child);
          hasOne = true;
        } else out.push(0);
      } else out.push(0);
    }
    return hasOne;
  };
  const copy = args.map((a) => (Array.isArray(a) ? a.slice() : a));
  const info: ArgumentInfo = { Arguments: copy };
  if (collect(copy, ids)) info.ReferencedObjectPathIds = ids;
  return info;
}

export class RequestBuilder {
  private lastId = 0;
  private actions: Action[] = [];
  private referenced = new Map<number, ObjectPath>();
  private instantiated = new Set<number>();

  private nextId(): number {
    return ++this.lastId;
  }

  /**
   * A new proxy's object path. `silent`: an item of a loaded collection (made while the response
   * is processed: no Instantiate action).
   */
  create(
    type: (typeof PATH_TYPE)[keyof typeof PATH_TYPE],
    name: string,
    parent: ObjectPath | null,
    args: unknown[] = [],
    silent = false,
  ): ObjectPath {
    const info: PathInfo = { Id: this.nextId(), ObjectPathType: type, Name: name };
    if (parent) info.ParentObjectPathId = parent.info.Id;
    const argPaths: ObjectPath[] = [];
    if (type === PATH_TYPE.method) info.ArgumentInfo = argumentInfo(args, argPaths);
    else if (type === PATH_TYPE.indexer) info.ArgumentInfo = { Arguments: args };
    const path: ObjectPath = { info, parent, args: argPaths };
    if (!silent) {
      this.ensure(parent);
      for (const a of argPaths) this.ensure(a);
      this.add({ Id: this.nextId(), ActionType: ACTION_TYPE.instantiate, Name: "", ObjectPathId: info.Id }, path, []);
    }
    return path;
  }

  query(path: ObjectPath, select: string[]): void {
    this.action(path, { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: select } }, []);
  }

  setProperty(path: ObjectPath, name: string, value: unknown): void {
    const refs: ObjectPath[] = [];
    const ArgumentInfo = argumentInfo([value], refs);
    this.action(path, { ActionType: ACTION_TYPE.setProperty, Name: name, ArgumentInfo }, refs);
  }

  method(path: ObjectPath, name: string, args: unknown[]): void {
    const refs: ObjectPath[] = [];
    const ArgumentInfo = argumentInfo(args, refs);
    this.action(path, { ActionType: ACTION_TYPE.method, Name: name, ArgumentInfo }, refs);
  }

  get pending(): boolean {
    return this.actions.length > 0;
  }

  /** The pending request's body size in bytes; starts the next request. */
  take(): number {
    const body = this.body();
    const B = (globalThis as { Buffer?: { byteLength(s: string, enc: string): number } }).Buffer;
    const bytes = B ? B.byteLength(body, "utf8") : utf8Length(body);
    this.actions = [];
    this.referenced = new Map();
    this.instantiated = new Set();
    return bytes;
  }

  /** The pending request's body (JSON text), as the builder would send it. */
  body(): string {
    // ClientRequestBase._calculateLastUsedObjectPathIds
    const lastUse = new Map<number, number>();
    const mark = (start: ObjectPath, actionId: number): void => {
      let p: ObjectPath | null = start;
      while (p) {
        if (lastUse.has(p.info.Id)) return;
        lastUse.set(p.info.Id, actionId);
        for (const a of p.args) mark(a, actionId);
        p = p.parent;
      }
    };
    for (let i = this.actions.length - 1; i >= 0; i--) {
      const a = this.actions[i];
      mark(a.ref, a.info.Id);
      for (const r of a.argRefs) mark(r, a.info.Id);
    }
    const byAction = new Map<number, number[]>();
    for (const id of [...lastUse.keys()].sort((x, y) => x - y)) {
      const aid = lastUse.get(id)!;
      if (!byAction.has(aid)) byAction.set(aid, []);
      byAction.get(aid)!.push(id);
    }
    const actions = this.actions.map((a) => {
      const l = byAction.get(a.info.Id);
      return l ? { ...a.info, L: l } : a.info;
    });
    const paths: Record<string, PathInfo> = {};
    for (const id of [...this.referenced.keys()].sort((x, y) => x - y)) paths[id] = this.referenced.get(id)!.info;
    return JSON.stringify({ Actions: actions, ObjectPaths: paths });
  }

  private action(path: ObjectPath, rest: Omit<ActionInfo, "Id" | "ObjectPathId">, argRefs: ObjectPath[]): void {
    const info = { Id: this.nextId(), ...rest, ObjectPathId: path.info.Id } as ActionInfo;
    // Key order as the builder writes it: Id, ActionType, Name, ObjectPathId, then the rest.
    const ordered: ActionInfo = {
      Id: info.Id,
      ActionType: info.ActionType,
      Name: info.Name,
      ObjectPathId: info.ObjectPathId,
    };
    if (info.ArgumentInfo) ordered.ArgumentInfo = info.ArgumentInfo;
    if (info.QueryInfo) ordered.QueryInfo = info.QueryInfo;
    this.ensure(path);
    for (const r of argRefs) this.ensure(r);
    this.add(ordered, path, argRefs);
  }

  /** ClientRequestBase.ensureInstantiateObjectPath */
  private ensure(path: ObjectPath | null): void {
    if (!path || this.instantiated.has(path.info.Id)) return;
    this.ensure(path.parent);
    for (const a of path.args) this.ensure(a);
    if (this.instantiated.has(path.info.Id)) return;
    this.add(
      { Id: this.nextId(), ActionType: ACTION_TYPE.instantiate, Name: "", ObjectPathId: path.info.Id },
      path,
      [],
    );
  }

  private add(info: ActionInfo, ref: ObjectPath, argRefs: ObjectPath[]): void {
    this.actions.push({ info, ref, argRefs });
    if (info.ActionType === ACTION_TYPE.instantiate) this.instantiated.add(ref.info.Id);
    this.reference(ref);
    for (const r of argRefs) this.reference(r);
  }

  /** ClientRequestBase.addReferencedObjectPath */
  private reference(start: ObjectPath): void {
    let p: ObjectPath | null = start;
    while (p) {
      this.referenced.set(p.info.Id, p);
      if (p.info.ObjectPathType === PATH_TYPE.method) for (const a of p.args) this.reference(a);
      p = p.parent;
    }
  }
}
