/** The PortError a WorkbookPort call rejects with (the test fails when it resolves or rejects otherwise). */
import { PortError } from "../../src/excel/messages";

export async function failure(p: Promise<unknown>): Promise<PortError> {
  const e = await p.then(
    () => {
      throw new Error("expected a failure");
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PortError);
  return e as PortError;
}
