/**
 * The real Office.js request builder (@microsoft/office-js, excel-web-16.00.debug.js: Excel on
 * the web) loaded in jsdom, with a request executor that keeps each request body instead of
 * sending it. Batches queued on its Excel.RequestContext are serialized exactly as Excel on the
 * web receives them, so their sizes can be compared with the fake's (fake-request.ts) and with the
 * adapter's estimates (src/excel/request-size.ts).
 *
 * The package (1.1.110, the newest on npm) predates ExcelApi 1.18, so it has no notes: they are
 * added here with the builder's own helpers (OfficeExtension.BatchApiHelper), shaped as the
 * generated code shapes the comment classes (a "Notes" property collection; Add and
 * GetItemOrNullObject method paths, an indexer for getItem; Content and Delete on the note).
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";

const BUILDER = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

interface BuilderWindow {
  Excel: {
    RequestContext: new (url?: string) => Excel.RequestContext;
    Worksheet: { prototype: object };
    Comment: new (...args: unknown[]) => object;
  };
  OfficeExtension: {
    ClientObject: new (...args: unknown[]) => object;
    BatchApiHelper: {
      createPropertyObject(type: unknown, parent: unknown, name: string, isCollection: boolean, flags: number): unknown;
      createMethodObject(
        type: unknown,
        parent: unknown,
        name: string,
        operationType: number,
        args: unknown[],
        isCollection: boolean,
        isInvalidAfterRequest: boolean,
        getByIdMethodName: string | null,
        flags: number,
      ): unknown;
      createIndexerObject(type: unknown, parent: unknown, args: unknown[]): unknown;
    };
  };
}

let loaded: BuilderWindow | undefined;

function builder(): BuilderWindow {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const w = dom.window as unknown as BuilderWindow & { eval(src: string): unknown };
  w.eval(fs.readFileSync(BUILDER, "utf8"));
  const X = w.Excel;
  const H = w.OfficeExtension.BatchApiHelper;
  const Note = class extends X.Comment {};
  const NoteCollection = class extends w.OfficeExtension.ClientObject {
    add(cellAddress: unknown, content: unknown) {
      return H.createMethodObject(Note, this, "Add", 0, [cellAddress, content], false, true, null, 0);
    }
    getItem(key: string) {
      return H.createIndexerObject(Note, this, [key]);
    }
    getItemOrNullObject(key: string) {
      return H.createMethodObject(Note, this, "GetItemOrNullObject", 1, [key], false, false, null, 4);
    }
  };
  Object.defineProperty(X.Worksheet.prototype, "notes", {
    get(this: { m_perfNotes?: unknown }) {
      return (this.m_perfNotes ??= H.createPropertyObject(NoteCollection, this, "Notes", true, 4));
    },
  });
  loaded = w;
  return w;
}

/**
 * Run `batch` on a real request context and return the body bytes of each request it sends. The
 * requests are not answered: a batch must queue its work and sync once at the end (loaded values
 * are not available to it).
 */
export async function realRequestBytes(batch: (ctx: Excel.RequestContext) => void): Promise<number> {
  const w = builder();
  const ctx = new w.Excel.RequestContext("https://localhost/") as Excel.RequestContext & {
    _requestExecutor: unknown;
  };
  let body: string | null = null;
  ctx._requestExecutor = {
    executeAsync: (_data: unknown, _flags: number, message: { Body: unknown }) => {
      body = JSON.stringify(message.Body);
      return Promise.reject(new Error("kept, not sent"));
    },
  };
  batch(ctx);
  await ctx.sync().catch(() => undefined);
  if (body === null) throw new Error("the batch sent no request");
  return Buffer.byteLength(body, "utf8");
}
